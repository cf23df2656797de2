namespace Bosporos.Cli.Tests;

public class StoreAliasTests
{
    [Fact]
    public void The_store_can_be_named_with_store_as_well_as_out()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir);
        var viaOut = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "out.db"), "--threads", "1");
        var viaStore = Experiments.Run("experiment", "run", file, "--store", Path.Combine(dir, "store.db"), "--threads", "1");
        Assert.True(viaOut.Code == 0, viaOut.Error);
        Assert.True(viaStore.Code == 0, viaStore.Error);
        Assert.Equal(Experiments.StoreDigest(Path.Combine(dir, "out.db")), Experiments.StoreDigest(Path.Combine(dir, "store.db")));
    }
}
