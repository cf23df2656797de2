using Bosporos.Web.Scenarios;

namespace Bosporos.Web.Tests;

public sealed class CatalogSourceTests
{
    [Fact]
    public void The_site_lists_the_shipped_sieges_but_not_the_war_it_cannot_open_yet()
    {
        var ids = new CatalogScenarioSource().List().Select(s => s.Id).ToList();
        Assert.Contains("constantinople-626", ids);
        Assert.DoesNotContain("war-622-628", ids);
    }
}
