using System.Security.Cryptography;
using System.Text;

namespace Bosporos.Scenarios.Tests;

public class HashTests
{
    [Fact]
    public void Without_overrides_the_hash_is_the_sha256_of_the_file_bytes()
    {
        var result = Fixture.Load(Fixture.Text);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fixture.Text)));
        Assert.Equal(expected, result.ScenarioHash);
        Assert.Matches("^[0-9a-f]{64}$", result.ScenarioHash);
    }

    [Fact]
    public void The_hash_is_stable_across_loads()
    {
        var set = new ScenarioOverride("combat.law", "square");
        Assert.Equal(Fixture.Load(Fixture.Text, set).ScenarioHash, Fixture.Load(Fixture.Text, set).ScenarioHash);
    }

    [Fact]
    public void Overrides_and_their_order_change_the_hash()
    {
        var plain = Fixture.Load(Fixture.Text).ScenarioHash;
        var a = new ScenarioOverride("naval.warship-damaged-per-catch", "0.5");
        var b = new ScenarioOverride("naval.warship-damaged-per-catch", "0.25");
        var ab = Fixture.Load(Fixture.Text, a, b).ScenarioHash;
        var ba = Fixture.Load(Fixture.Text, b, a).ScenarioHash;
        Assert.NotEqual(plain, ab);
        Assert.NotEqual(ab, ba);
        var lines = Encoding.UTF8.GetBytes(Fixture.Text + "\n--set\nnaval.warship-damaged-per-catch=0.5\nnaval.warship-damaged-per-catch=0.25\n");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(lines)), ab);
    }

    [Fact]
    public void Any_change_to_the_bytes_changes_the_hash()
    {
        var a = Fixture.Load(Fixture.Text).ScenarioHash;
        var b = Fixture.Load(Fixture.Text + " ").ScenarioHash;
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_file_and_its_text_hash_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bosporos-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Fixture.Text);
            Assert.Equal(Fixture.Load(Fixture.Text).ScenarioHash, ScenarioLoader.LoadFile(path).ScenarioHash);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
