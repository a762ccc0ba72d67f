using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// A filter as the dashboard's URLs carry it, one <c>f</c> parameter each, in the Stats API v1 spelling:
/// <c>f=visit:source==Google</c> (is), <c>!=</c> (is not), <c>~=</c> (contains), <c>!~</c> (does not contain);
/// several values are separated by <c>|</c> (any of them). Plain text in a link, so filters work without JavaScript.
/// </summary>
public static class DashboardFilter
{
    private static readonly (string Token, FilterOperator Operator)[] Operators =
    [
        ("==", FilterOperator.Is), ("!=", FilterOperator.IsNot), ("~=", FilterOperator.Contains), ("!~", FilterOperator.DoesNotContain),
    ];

    /// <summary>Parses one <c>f</c> value; on failure <paramref name="error"/> says what is wrong with it.</summary>
    public static bool TryParse(string text, out Filter filter, out string error)
    {
        filter = null!;
        var at = -1;
        var op = FilterOperator.Is;
        var token = "";
        foreach (var (t, o) in Operators)
        {
            var i = text.IndexOf(t, StringComparison.Ordinal);
            if (i > 0 && (at < 0 || i < at))
            {
                at = i;
                op = o;
                token = t;
            }
        }
        if (at < 0)
        {
            error = "expected DIMENSION==VALUE (or !=, ~= contains, !~ does not contain)";
            return false;
        }
        var name = text[..at].Trim();
        if (!Dimension.TryParse(name, out var dimension) || dimension.IsTime)
        {
            error = $"unknown dimension \"{name}\"";
            return false;
        }
        var values = text[(at + token.Length)..].Split('|').Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            error = "no value to filter by";
            return false;
        }
        filter = new Filter(op, dimension, values);
        error = "";
        return true;
    }

    /// <summary>The <c>f</c> value of a filter (the inverse of <see cref="TryParse"/>).</summary>
    public static string Format(Filter filter) =>
        filter.Dimension.Name + Operators.First(o => o.Operator == filter.Operator).Token + string.Join('|', filter.Values);

    /// <summary>How a chip shows it: "Source is Google".</summary>
    public static string Describe(Filter filter) =>
        $"{DimensionLabel(filter.Dimension)} {Verb(filter.Operator)} {string.Join(" or ", filter.Values.Select(v => filter.Dimension.Name == "visit:country" ? CountryNames.Name(v) : v))}";

    private static string Verb(FilterOperator op) => op switch
    {
        FilterOperator.Is => "is",
        FilterOperator.IsNot => "is not",
        FilterOperator.Contains => "contains",
        FilterOperator.DoesNotContain => "does not contain",
        FilterOperator.Matches => "matches",
        _ => "does not match",
    };

    /// <summary>The human name of a dimension ("Entry page", "UTM campaign", "Property plan").</summary>
    public static string DimensionLabel(Dimension dimension) => dimension.PropKey is { } key ? $"Property {key}" : dimension.Name switch
    {
        "event:page" => "Page",
        "event:hostname" => "Hostname",
        "event:name" => "Event",
        "event:goal" => "Goal",
        "visit:entry_page" => "Entry page",
        "visit:exit_page" => "Exit page",
        "visit:source" => "Source",
        "visit:referrer" => "Referrer",
        "visit:channel" => "Channel",
        "visit:utm_source" => "UTM source",
        "visit:utm_medium" => "UTM medium",
        "visit:utm_campaign" => "UTM campaign",
        "visit:utm_content" => "UTM content",
        "visit:utm_term" => "UTM term",
        "visit:country" => "Country",
        "visit:browser" => "Browser",
        "visit:browser_version" => "Browser version",
        "visit:os" => "Operating system",
        "visit:os_version" => "OS version",
        "visit:device" => "Device",
        var other => other,
    };
}
