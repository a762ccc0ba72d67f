using System.Net;

namespace Candor.Analytics.Tests.Api;

/// <summary>The v1 parameter errors, with Plausible's texts (from its external_stats_controller tests).</summary>
public sealed class StatsApiV1ErrorTests(StatsApiFixture fixture) : IClassFixture<StatsApiFixture>
{
    private const string Docs = "https://plausible.io/docs/stats-api";

    [Theory]
    [InlineData("aggregate?period=month&date=2021-dkjbAS&metrics=pageviews", "Error parsing `date` parameter: invalid_format. Please specify a valid date in ISO-8601 format.")]
    [InlineData("aggregate?period=aosuhsacp&metrics=pageviews", "Error parsing `period` parameter: invalid period `aosuhsacp`. Please find accepted values in our docs: " + Docs + "#time-periods")]
    [InlineData("aggregate?period=custom&metrics=pageviews", "The `date` parameter is required when using a custom period. See " + Docs + "#time-periods")]
    [InlineData("aggregate?period=custom&date=2020-131-2piaskj,s,a90uac&metrics=pageviews", "Invalid format for `date` parameter. When using a custom period, please include two ISO-8601 formatted dates joined by a comma. See " + Docs + "#time-periods")]
    [InlineData("aggregate?period=custom&date=2021-02-01,2021-01-01", "Invalid format for `date` parameter. When using a custom period, please include two ISO-8601 formatted dates joined by a comma. See " + Docs + "#time-periods")]
    [InlineData("aggregate?period=30d&metrics=pageviews,led_zeppelin", "The metric `led_zeppelin` is not recognized. Find valid metrics from the documentation: " + Docs + "#metrics")]
    [InlineData("aggregate?metrics=scroll_depth", "The metric `scroll_depth` is not recognized. Find valid metrics from the documentation: " + Docs + "#metrics")]
    [InlineData("aggregate?metrics=visitors,visitors", "Metrics cannot be queried multiple times.")]
    [InlineData("aggregate?metrics=pageviews,visit_duration&filters=event:name==some_value", "Session metric `visit_duration` cannot be queried when using a filter on `event:name`.")]
    [InlineData("aggregate?metrics=pageviews,visit_duration&filters=event:props:custom_prop==some_value", "Session metric `visit_duration` cannot be queried when using a filter on `event:props:custom_prop`.")]
    [InlineData("aggregate?metrics=conversion_rate", "Metric `conversion_rate` can only be queried in a goal breakdown or with a goal filter")]
    [InlineData("aggregate?filters=event:page==/something&metrics=views_per_visit", "Metric `views_per_visit` cannot be queried with a filter on `event:page`.")]
    [InlineData("aggregate?filters=event:name==Something&metrics=views_per_visit", "Session metric `views_per_visit` cannot be queried when using a filter on `event:name`.")]
    [InlineData("aggregate?metrics=time_on_page", "Metric `time_on_page` can only be queried in a page breakdown or with a page filter.")]
    [InlineData("aggregate?metrics=time_on_page&filters=event:page==/A;event:name==Signup", "Metric `time_on_page` cannot be queried when filtering by `event:name`")]
    [InlineData("aggregate?filters=event:goal==Signup", "The goal `Signup` is not configured for this site. Find out how to configure goals here: " + Docs + "#filtering-by-goals")]
    [InlineData("aggregate?filters=event:goal==Visit /blog*", "The pageview goal for the pathname `/blog*` is not configured for this site. Find out how to configure goals here: " + Docs + "#filtering-by-goals")]
    [InlineData("aggregate?filters=visit:nope==1", "Invalid filter property 'visit:nope'. Please provide a valid filter property: " + Docs + "#properties")]
    [InlineData("aggregate?filters=visit:country==DEU", "Invalid visit:country filter, visit:country needs to be a valid 2-letter country code.")]
    [InlineData("aggregate?compare=year_before", "Invalid `compare` parameter `year_before`. The only comparison is `previous_period`.")]
    [InlineData("timeseries?interval=fortnight", "Error parsing `interval` parameter: invalid interval `fortnight`. Valid intervals are `day`, `month`")]
    [InlineData("timeseries?period=custom&date=1900-01-01,2021-01-01&interval=day", "The period is too long for interval `day`: at most 10000 points. Use a longer interval or a shorter period.")]
    [InlineData("breakdown", "The `property` parameter is required. Please provide at least one property to show a breakdown by.")]
    [InlineData("breakdown?property=event:hostname", "Property 'event:hostname' is currently not supported for breakdowns.  Please provide a valid property for the breakdown endpoint: " + Docs + "#properties")]
    [InlineData("breakdown?property=badproperty", "Invalid property 'badproperty'. Please provide a valid property for the breakdown endpoint: " + Docs + "#properties")]
    [InlineData("breakdown?property=time:day", "Invalid property 'time:day'. Please provide a valid property for the breakdown endpoint: " + Docs + "#properties")]
    [InlineData("breakdown?property=event:name&metrics=bounce_rate", "Session metric `bounce_rate` cannot be queried for breakdown by `event:name`.")]
    [InlineData("breakdown?property=event:page&metrics=views_per_visit", "Metric `views_per_visit` is not supported in breakdown queries.")]
    [InlineData("breakdown?property=visit:source&metrics=time_on_page", "Metric `time_on_page` is not supported in breakdown queries (except `event:page` breakdown)")]
    [InlineData("breakdown?property=event:page&limit=0", "Please provide limit as a number between 1 and 1000.")]
    [InlineData("breakdown?property=event:page&limit=1001", "Please provide limit as a number between 1 and 1000.")]
    [InlineData("breakdown?property=event:page&limit=99999999999999999999", "Please provide limit as a number between 1 and 1000.")]
    [InlineData("breakdown?property=event:page&limit=-5", "Please provide limit as a number between 1 and 1000.")]
    [InlineData("breakdown?property=event:page&limit=ten", "Please provide limit as a number between 1 and 1000.")]
    [InlineData("breakdown?property=event:page&page=0", "Please provide page as a positive number.")]
    [InlineData("breakdown?property=event:page&page=1.5", "Please provide page as a positive number.")]
    public async Task BadParametersAre400WithPlausiblesText(string endpointAndQuery, string message)
    {
        var api = fixture.Api;
        var separator = endpointAndQuery.Contains('?') ? '&' : '?';
        var answer = await api.GetAsync($"/api/v1/stats/{endpointAndQuery}{separator}site_id=example.org");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, StatsApiHost.Error(answer));
    }
}
