using Candor.Analytics.Api;
using Candor.Analytics.Api.V1;
using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Api;

public sealed class V1FilterExpressionTests
{
    [Fact]
    public void EqualsNotEqualsOrAndAndWildcardsBecomeEngineFilters()
    {
        var (filters, error) = V1FilterExpression.Parse("event:page==/blog/*;visit:country!=DE|FR; visit:source==Google|Direct / None");
        Assert.Null(error);
        Assert.Equal(3, filters.Count);
        Assert.Equal(FilterOperator.Matches, filters[0].Operator);
        Assert.Equal("event:page", filters[0].Dimension.Name);
        Assert.Equal(["^/blog/.*$"], filters[0].Values);
        Assert.Equal(FilterOperator.IsNot, filters[1].Operator);
        Assert.Equal(["DE", "FR"], filters[1].Values);
        Assert.Equal(FilterOperator.Is, filters[2].Operator);
        Assert.Equal(["Google", "Direct / None"], filters[2].Values);
    }

    [Fact]
    public void NegatedWildcardsEscapedBarsAndPropsParse()
    {
        var (filters, error) = V1FilterExpression.Parse("event:page!=/a.b/**|/c(d)*;event:props:plan==pro\\|max;");
        Assert.Null(error);
        Assert.Equal(FilterOperator.DoesNotMatch, filters[0].Operator);
        Assert.Equal([@"^/a\.b/.*$", @"^/c\(d\).*$"], filters[0].Values);
        Assert.Equal("event:props:plan", filters[1].Dimension.Name);
        Assert.Equal(["pro|max"], filters[1].Values);
    }

    [Theory]
    [InlineData("visit:nope==x", "Invalid filter property 'visit:nope'. Please provide a valid filter property: https://plausible.io/docs/stats-api#properties")]
    [InlineData("time:day==2021-01-01", "Invalid filter property 'time:day'. Please provide a valid filter property: https://plausible.io/docs/stats-api#properties")]
    [InlineData("visit:country==Germany", V1FilterExpression.InvalidCountry)]
    public void BadFiltersAreNamed(string expression, string message)
    {
        var (_, error) = V1FilterExpression.Parse(expression);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("event:page~/blog")]
    [InlineData("event:page")]
    public void AConditionWithoutAnOperatorIsAnErrorNotIgnored(string expression)
    {
        var (_, error) = V1FilterExpression.Parse(expression);
        Assert.StartsWith($"Invalid filter expression '{expression}'.", error);
    }

    [Fact]
    public void WildcardsMatchLikePlausiblesPageRegex()
    {
        var regex = new System.Text.RegularExpressions.Regex(WildcardPattern.ToRegex("/blog/*"));
        Assert.Matches(regex, "/blog/");
        Assert.Matches(regex, "/blog/a/b");
        Assert.DoesNotMatch(regex, "/blogs");
        Assert.DoesNotMatch(regex, "x/blog/a");
    }
}
