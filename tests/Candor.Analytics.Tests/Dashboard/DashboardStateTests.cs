using Candor.Analytics.Dashboard;
using Candor.Analytics.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Candor.Analytics.Tests.Dashboard;

public sealed class DashboardStateTests
{
    private static DashboardState Parse(string query, bool publicView = false, string? auth = null) =>
        DashboardState.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)), "/stats/example.org", auth, publicView);

    [Fact]
    public void AStateSurvivesItsOwnLink()
    {
        var state = Parse("?period=7d&compare=previous_period&f=visit:source%3D%3DGoogle&f=event:page~%3D%2Fblog&panel=sources:utm_campaign&prop=plan");

        var again = Parse(new Uri("http://x" + state.Href()).Query);

        Assert.Equal("7d", again.Period);
        Assert.Equal(Comparison.PreviousPeriod, again.Compare);
        Assert.Equal(["visit:source==Google", "event:page~=/blog"], again.Filters.Select(DashboardFilter.Format));
        Assert.Equal("utm_campaign", again.Tabs["sources"]);
        Assert.Equal("plan", again.PropertyKey);
        Assert.Empty(again.Problems);
    }

    [Fact]
    public void TheDefaultViewHasAPlainLink()
    {
        Assert.Equal("/stats/example.org", Parse("").Href());
        Assert.Equal("/share/example.org?auth=abc&period=day", (Parse("?period=day", auth: "abc") with { BasePath = "/share/example.org" }).Href());
    }

    [Fact]
    public void WhatCannotBeReadIsDroppedWithAReason()
    {
        var state = Parse("?period=fortnight&f=visit:nonsense==1&f=visit:source&compare=sometimes&panel=pages:nope");

        Assert.Equal(DashboardState.DefaultPeriod, state.Period);
        Assert.Empty(state.Filters);
        Assert.Contains(state.Problems, p => p.Contains("fortnight", StringComparison.Ordinal));
        Assert.Contains(state.Problems, p => p.Contains("unknown dimension \"visit:nonsense\"", StringComparison.Ordinal));
        Assert.Contains(state.Problems, p => p.Contains("expected DIMENSION==VALUE", StringComparison.Ordinal));
        Assert.Contains(state.Problems, p => p.Contains("sometimes", StringComparison.Ordinal));
        Assert.Contains(state.Problems, p => p.Contains("pages:nope", StringComparison.Ordinal));
    }

    [Fact]
    public void ACustomPeriodNeedsBothDatesInOrder()
    {
        Assert.Equal("custom", Parse("?period=custom&from=2026-03-01&to=2026-03-10").Period);
        Assert.Equal(DashboardState.DefaultPeriod, Parse("?period=custom&from=2026-03-10&to=2026-03-01").Period);
        Assert.Equal(DashboardState.DefaultPeriod, Parse("?period=custom&from=2026-03-01").Period);
        Assert.Contains("not a date", Parse("?period=day&date=10.3.2026").Problems.Single(), StringComparison.Ordinal);
        // A span a page view could not reasonably zero-fill is refused, not run.
        var huge = Parse("?period=custom&from=1970-01-01&to=8999-12-31");
        Assert.Equal(DashboardState.DefaultPeriod, huge.Period);
        Assert.Contains("at most 10 years", huge.Problems.Single(), StringComparison.Ordinal);
        var edge = Parse("?period=year&date=9999-12-31");
        Assert.Null(edge.Date);
        Assert.Contains("out of range", edge.Problems.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomRangeOverAYearIsBucketedByMonth()
    {
        var state = Parse("?period=custom&from=2024-01-01&to=2026-02-28");

        var period = await DashboardPeriod.ResolveAsync(state, new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), null!, "example.org");

        Assert.Equal(Interval.Month, period.Interval);
        Assert.Equal(Interval.Day, (await DashboardPeriod.ResolveAsync(Parse("?period=custom&from=2026-01-01&to=2026-02-28"), DateTime.UtcNow, null!, "example.org")).Interval);
    }

    [Fact]
    public void PublicViewsOnlyFilterByIsBecauseANegationReadAgainstTheTotalGivesTheHiddenCountAway()
    {
        var state = Parse("?f=visit:source!%3DGoogle&f=visit:country%3D%3DDE&f=event:page~%3D%2Fblog", publicView: true);

        Assert.Equal(["visit:country==DE"], state.Filters.Select(DashboardFilter.Format));
        Assert.Equal(2, state.Problems.Count);
        Assert.Equal(3, Parse("?f=visit:source!%3DGoogle&f=visit:country%3D%3DDE&f=event:page~%3D%2Fblog").Filters.Count);
    }

    [Fact]
    public void AFilterOnASourceDrillsTheSourcesPanelDownToItsReferrers()
    {
        Assert.Equal("channels", Parse("").TabOf(Panel.Sources, []).Id);
        Assert.Equal("referrers", Parse("?f=visit:source%3D%3DGoogle&panel=sources:sources").TabOf(Panel.Sources, []).Id);
        Assert.Equal("browser_version", Parse("?f=visit:browser%3D%3DFirefox").TabOf(Panel.Devices, []).Id);
        Assert.Equal("os_version", Parse("?panel=devices:os&f=visit:os%3D%3DAndroid").TabOf(Panel.Devices, []).Id);
        Assert.Equal("events", Parse("").TabOf(Panel.Goals, []).Id);
        Assert.Equal("goals", Parse("").TabOf(Panel.Goals, [Goal.Event("Signup")]).Id);
    }

    [Fact]
    public void ClickingARowReplacesAFilterOnTheSameDimension()
    {
        var state = Parse("?f=visit:source%3D%3DGoogle");

        var next = state.WithFilter(new Filter(FilterOperator.Is, Dimension.Parse("visit:source"), ["Bing"]));

        Assert.Equal("/stats/example.org?f=visit%3Asource%3D%3DBing", next.Href());
        Assert.Equal("/stats/example.org", next.WithoutFilter(next.Filters[0]).Href());
    }
}
