using System.Globalization;
using System.Text;
using Candor.Analytics.Query;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// Everything a dashboard view is, held in its URL so every control is a plain link or GET form and works without
/// JavaScript: <c>period</c> (and <c>date</c>, or <c>from</c>/<c>to</c> for custom), <c>compare</c>, one <c>f</c> per
/// filter, one <c>panel=ID:TAB</c> per panel not on its first tab, <c>prop</c> (the Properties key) and <c>more</c>
/// (the panel listed in full). <see cref="Href"/> writes a state back as a link.
/// </summary>
public sealed record DashboardState
{

    public const string DefaultPeriod = "30d";

    public const int MaxCustomYears = 10;

    /// <summary>The page the links point at (<c>/stats/example.org</c>, <c>/share/example.org</c>).</summary>
    public required string BasePath { get; init; }

    /// <summary>A share link's slug, kept in every link of a shared view.</summary>
    public string? Auth { get; init; }

    public string Period { get; init; } = DefaultPeriod;
    /// <summary>The day a <c>day</c>/<c>month</c>/<c>year</c> period is about (default: today).</summary>
    public DateOnly? Date { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public Comparison Compare { get; init; }
    public IReadOnlyList<Filter> Filters { get; init; } = [];
    /// <summary>Panel id → tab id, for panels not on their first tab.</summary>
    public IReadOnlyDictionary<string, string> Tabs { get; init; } = new Dictionary<string, string>();
    public string? PropertyKey { get; init; }
    public string? More { get; init; }

    /// <summary>What was wrong with the URL and so left out (shown above the dashboard, never a 500).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// Reads a request's query. Anything invalid is dropped with a line in <see cref="Problems"/>. With
    /// <paramref name="onlyIsFilters"/> (public and shared views) filters may only say "is": a negation read against
    /// the unfiltered total would give away the very count k-anonymity hides.
    /// </summary>
    public static DashboardState Parse(IQueryCollection query, string basePath, string? auth, bool onlyIsFilters)
    {
        var problems = new List<string>();
        var period = query["period"].ToString();
        if (period.Length == 0) period = DefaultPeriod;
        else if (!Query.Period.Names.Contains(period))
        {
            problems.Add($"period \"{period}\" is not one of {string.Join(", ", Query.Period.Names)}; showing {DefaultPeriod}");
            period = DefaultPeriod;
        }
        DateOnly? Day(string name)
        {
            var raw = query[name].ToString();
            if (raw.Length == 0) return null;
            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                // Far from the calendar's ends, so month and year arithmetic on it cannot overflow.
                if (day.Year is >= 1970 and <= 9000) return day;
                problems.Add($"{name} \"{raw}\" is out of range (1970 to 9000)");
                return null;
            }
            problems.Add($"{name} \"{raw}\" is not a date (YYYY-MM-DD)");
            return null;
        }
        var date = Day("date");
        var from = Day("from");
        var to = Day("to");
        if (period == "custom" && (from is null || to is null || from > to))
        {
            problems.Add("a custom period needs from and to dates, from not after to; showing " + DefaultPeriod);
            period = DefaultPeriod;
        }
        // A bound on what one page view may ask the store to zero-fill and scan: ten years is more than any site's history here.
        if (period == "custom" && from!.Value.AddYears(MaxCustomYears) < to!.Value)
        {
            problems.Add($"a custom period may span at most {MaxCustomYears} years; showing {DefaultPeriod}");
            period = DefaultPeriod;
        }
        var compare = query["compare"].ToString() switch
        {
            "" or "off" => Comparison.None,
            "previous_period" => Comparison.PreviousPeriod,
            "year_over_year" => Comparison.YearOverYear,
            var other => Invalid(problems, $"compare \"{other}\" is not previous_period or year_over_year"),
        };
        var filters = new List<Filter>();
        foreach (var raw in query["f"])
        {
            if (raw is null) continue;
            if (!DashboardFilter.TryParse(raw, out var filter, out var error)) problems.Add($"filter \"{raw}\": {error}");
            else if (onlyIsFilters && filter.Operator != FilterOperator.Is) problems.Add($"filter \"{raw}\": this dashboard only filters by \"is\" (==)");
            else if (filters.Any(f => f.Dimension == filter.Dimension)) problems.Add($"filter \"{raw}\": {filter.Dimension.Name} is already filtered");
            else filters.Add(filter);
        }
        var tabs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in query["panel"])
        {
            var parts = (raw ?? "").Split(':', 2);
            var panel = Panel.All.FirstOrDefault(p => p.Id == parts[0]);
            if (parts.Length == 2 && panel is not null && panel.Tabs.Any(t => t.Id == parts[1])) tabs[panel.Id] = parts[1];
            else problems.Add($"panel \"{raw}\" is not a panel tab");
        }
        var prop = query["prop"].ToString();
        var more = query["more"].ToString();
        return new DashboardState
        {
            BasePath = basePath,
            Auth = auth,
            Period = period,
            Date = date,
            From = period == "custom" ? from : null,
            To = period == "custom" ? to : null,
            Compare = period is "realtime" or "all" ? Comparison.None : compare,
            Filters = filters,
            Tabs = tabs,
            PropertyKey = prop.Length is > 0 and <= 200 ? prop : null,
            More = Panel.All.Any(p => p.Id == more) ? more : null,
            Problems = problems,
        };
    }

    private static Comparison Invalid(List<string> problems, string problem)
    {
        problems.Add(problem);
        return Comparison.None;
    }

    /// <summary>The tab a panel shows: the drill-down a filter asks for, else the URL's choice, else the first.</summary>
    public PanelTab TabOf(Panel panel, IReadOnlyList<Goal> goals)
    {
        if (panel == Panel.Sources && HasFilter("visit:source")) return Panel.Referrers;
        if (panel == Panel.Goals) return goals.Count > 0 ? panel.Tabs[0] : Panel.CustomEvents;
        if (panel == Panel.Properties) return Panel.Property(PropertyKey ?? Panel.KnownPropertyKeys[0]);
        var tab = Tabs.TryGetValue(panel.Id, out var id) ? panel.Tabs.First(t => t.Id == id) : panel.Tabs[0];
        if (tab.Id == "browser" && HasFilter("visit:browser")) return Panel.BrowserVersions;
        if (tab.Id == "os" && HasFilter("visit:os")) return Panel.OsVersions;
        return tab;
    }

    public bool HasFilter(string dimension) => Filters.Any(f => f.Dimension.Name == dimension);

    /// <summary>This state with a filter added, replacing any filter on the same dimension.</summary>
    public DashboardState WithFilter(Filter filter) =>
        this with { Filters = [.. Filters.Where(f => f.Dimension != filter.Dimension), filter], More = null };

    public DashboardState WithoutFilter(Filter filter) => this with { Filters = Filters.Where(f => f != filter).ToList() };

    public DashboardState WithTab(string panel, string tab)
    {
        var tabs = new Dictionary<string, string>(Tabs, StringComparer.Ordinal) { [panel] = tab };
        return this with { Tabs = tabs };
    }

    public DashboardState WithPeriod(string period) => this with { Period = period, Date = null, From = null, To = null, Compare = period is "realtime" or "all" ? Comparison.None : Compare };

    /// <summary>The link to this state: the base path and only the parameters that differ from the defaults.</summary>
    public string Href(string? suffix = null)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in Parameters())
            query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        return BasePath + suffix + query;
    }

    /// <summary>The URL parameters of this state, in a stable order (links, and a GET form's hidden inputs).</summary>
    public IEnumerable<(string Key, string Value)> Parameters()
    {
        if (Auth is not null) yield return ("auth", Auth);
        if (Period != DefaultPeriod) yield return ("period", Period);
        if (Date is { } date) yield return ("date", Iso(date));
        if (From is { } from) yield return ("from", Iso(from));
        if (To is { } to) yield return ("to", Iso(to));
        if (Compare == Comparison.PreviousPeriod) yield return ("compare", "previous_period");
        if (Compare == Comparison.YearOverYear) yield return ("compare", "year_over_year");
        foreach (var filter in Filters) yield return ("f", DashboardFilter.Format(filter));
        foreach (var (panel, tab) in Tabs.OrderBy(t => t.Key, StringComparer.Ordinal)) yield return ("panel", $"{panel}:{tab}");
        if (PropertyKey is not null) yield return ("prop", PropertyKey);
        if (More is not null) yield return ("more", More);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
