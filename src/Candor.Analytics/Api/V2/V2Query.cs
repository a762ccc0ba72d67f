using System.Text.Json;
using Candor.Analytics.Query;

namespace Candor.Analytics.Api.V2;

/// <summary>A parsed <c>POST /api/v2/query</c>: the engine query plus what the response echoes and includes.</summary>
public sealed record V2Query
{
    public required StatsQuery Query { get; init; }
    public bool IncludeTimeLabels { get; init; }
    public bool IncludeTotalRows { get; init; }
    public bool IncludeImports { get; init; }
    /// <summary>The client's own <c>filters</c> and <c>order_by</c>, echoed in <c>query</c> as sent.</summary>
    public JsonElement? Filters { get; init; }
    public JsonElement? OrderBy { get; init; }
}
