namespace Bosporos.Cli.Tests;

public class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5698")]
    [InlineData("http://192.168.1.20:5698")]
    public void Serve_refuses_a_public_address_without_a_token(string urls)
    {
        var r = Cli.Invoke("serve", "--urls", urls);
        Assert.Equal(ExitCodes.Usage, r.Code);
    }

    [Fact]
    public void Serve_stops_cleanly_when_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var r = Cli.Invoke(new TestScenarios(), cancel.Token, "serve", "--urls", "http://127.0.0.1:0");
        Assert.Equal(ExitCodes.Success, r.Code);
    }
}
