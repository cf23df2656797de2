using Bosporos.Web.Scenarios;

namespace Bosporos.Web.Tests;

public sealed class CatalogSourceTests
{
    [Fact]
    public void The_siege_list_holds_the_shipped_sieges_and_the_war_list_the_war()
    {
        var ids = new CatalogScenarioSource().List().Select(s => s.Id).ToList();
        Assert.Contains("constantinople-626", ids);
        Assert.DoesNotContain("war-622-628", ids); // the siege pages cannot open it; the Near East page can
        var wars = Bosporos.Web.War.WarEndpoints.List().Select(s => s.Id).ToList();
        Assert.Contains("war-622-628", wars);
        Assert.DoesNotContain("constantinople-626", wars);
    }
}
