namespace Bosporos.Scenarios.Tests;

public sealed class CatalogTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"bosporos-catalog-{Guid.NewGuid():N}");
    private readonly string folder;

    public CatalogTests()
    {
        folder = Path.Combine(root, "scenarios");
        Directory.CreateDirectory(Path.Combine(folder, "drafts"));
        File.WriteAllText(Path.Combine(folder, "test-siege.yaml"), Fixture.Text);
        File.WriteAllText(Path.Combine(folder, "other.yaml"), "format: 1\nname: Another\n");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a scenario");
        File.WriteAllText(Path.Combine(folder, "Bad_Name.yaml"), "format: 1\n");
        File.WriteAllText(Path.Combine(folder, "drafts", "draft.yaml"), "format: 1\n");
        File.WriteAllText(Path.Combine(root, "secret.yaml"), "format: 1\nname: outside\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Lists_the_yaml_files_of_the_folder_but_not_its_subfolders()
    {
        var entries = ScenarioCatalog.List(folder);
        Assert.Equal(["other", "test-siege"], entries.Select(e => e.Id));
        Assert.Equal("Test siege of a small city", entries[1].Name);
        Assert.Equal(Path.Combine(folder, "test-siege.yaml"), entries[1].Path);
    }

    [Fact]
    public void Finds_by_id()
    {
        var entry = ScenarioCatalog.Find("test-siege", folder);
        Assert.NotNull(entry);
        Assert.True(ScenarioLoader.LoadFile(entry.Path).Succeeded);
        Assert.Null(ScenarioCatalog.Find("drafts", folder));
        Assert.Null(ScenarioCatalog.Find("missing", folder));
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("..")]
    [InlineData("%2e%2e%2fsecret")]
    [InlineData("..%2fsecret")]
    [InlineData("..\\secret")]
    [InlineData("drafts/draft")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\win")]
    [InlineData("test-siege.yaml")]
    [InlineData("Test-Siege")]
    [InlineData("-leading-hyphen")]
    [InlineData("test-siege\0")]
    [InlineData("test-siege\n")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\uff0e\uff0e\uff0fsecret")]
    [InlineData("Bad_Name")]
    public void Refuses_anything_but_a_plain_id(string id) => Assert.Null(ScenarioCatalog.Find(id, folder));

    [Fact]
    public void Refuses_ids_longer_than_64_characters()
    {
        var longId = new string('a', 65);
        File.WriteAllText(Path.Combine(folder, longId + ".yaml"), "format: 1\n");
        Assert.Null(ScenarioCatalog.Find(longId, folder));
        File.WriteAllText(Path.Combine(folder, new string('a', 64) + ".yaml"), "format: 1\n");
        Assert.NotNull(ScenarioCatalog.Find(new string('a', 64), folder));
    }

    [Fact]
    public void Refuses_symbolic_links()
    {
        File.CreateSymbolicLink(Path.Combine(folder, "linked.yaml"), Path.Combine(root, "secret.yaml"));
        Assert.Null(ScenarioCatalog.Find("linked", folder));
        Assert.DoesNotContain(ScenarioCatalog.List(folder), e => e.Id == "linked");
    }

    [Fact]
    public void Resolves_the_folder_from_the_variable_then_beside_the_program_then_above_the_solution()
    {
        var empty = Path.Combine(root, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(folder, ScenarioCatalog.ResolveFolder(folder, empty, empty));
        Assert.Null(ScenarioCatalog.ResolveFolder(Path.Combine(root, "nope"), root, root));
        Assert.Equal(folder, ScenarioCatalog.ResolveFolder(null, root, empty));
        File.WriteAllText(Path.Combine(root, "Bosporos.slnx"), "<Solution />");
        var deep = Path.Combine(folder, "drafts");
        Assert.Equal(folder, ScenarioCatalog.ResolveFolder(null, empty, deep));
    }

    [Fact]
    public void An_unknown_folder_lists_nothing()
    {
        Assert.Empty(ScenarioCatalog.List(Path.Combine(root, "nope")));
        Assert.Empty(ScenarioCatalog.List((string?)null));
        Assert.Null(ScenarioCatalog.Find("test-siege", null));
    }
}
