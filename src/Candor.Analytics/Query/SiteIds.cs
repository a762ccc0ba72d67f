using System.Collections.Concurrent;
using Candor.Analytics.Query.Sql;
using Candor.Analytics.Store;

namespace Candor.Analytics.Query;

/// <summary>
/// The label id of a site's name (<see cref="Labels"/>), looked up once and then remembered: every statement filters
/// on the site, and a constant lets DuckDB filter while it scans, where a subquery would be joined after (measured on
/// 10 million events: a 30-day timeseries took 27.5 ms with the constant, 31 ms with the subquery). An id never
/// changes once given, so remembering it is safe; a site without events has none yet and is asked again next time.
/// </summary>
internal sealed class SiteIds(ISqlReader reader)
{
    /// <summary>What a site without a label gets: no label has id 0, so it matches no event.</summary>
    public const uint None = 0;

    // Only sites that have events get here, and they come from the configuration, so this stays small; bounded anyway.
    private const int Capacity = 1_000;
    private readonly ConcurrentDictionary<string, uint> _ids = new(StringComparer.Ordinal);

    public async Task<uint> IdOfAsync(string site, CancellationToken cancellationToken)
    {
        if (_ids.TryGetValue(site, out var id)) return id;
        var rows = await reader.ReadAsync($"SELECT id FROM labels WHERE value = {reader.Dialect.Parameter(0)}", [site], cancellationToken);
        if (rows.Count == 0 || rows[0][0] is null) return None;
        id = Convert.ToUInt32(rows[0][0]);
        if (_ids.Count >= Capacity) _ids.Clear();
        _ids[site] = id;
        return id;
    }
}
