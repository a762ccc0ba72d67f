namespace Candor.Analytics.Query;

/// <summary>
/// The order of result rows: the query's <see cref="StatsQuery.OrderBy"/> keys, else time ascending (for a time
/// dimension) then the first metric descending; the dimensions ascending break every tie so pages never overlap.
/// </summary>
internal static class RowOrder
{
    public static Comparison<(string[] Dimensions, double?[] Metrics)> For(StatsQuery query)
    {
        var keys = new List<(Func<(string[] Dimensions, double?[] Metrics), object?> Value, bool Descending)>();
        void AddKey(string name, bool descending)
        {
            var dim = query.Dimensions.ToList().FindIndex(x => x.Name == name);
            if (dim >= 0) keys.Add((r => r.Dimensions[dim], descending));
            else if (Metrics.TryParse(name, out var metric) && query.Metrics.ToList().IndexOf(metric) is var m and >= 0)
                keys.Add((r => r.Metrics[m], descending));
        }

        if (query.OrderBy.Count > 0)
        {
            foreach (var (key, descending) in query.OrderBy) AddKey(key, descending);
        }
        else
        {
            foreach (var x in query.Dimensions.Where(x => x.IsTime)) AddKey(x.Name, false);
            AddKey(query.Metrics[0].Name(), true);
        }
        foreach (var x in query.Dimensions) AddKey(x.Name, false);

        return (a, b) =>
        {
            foreach (var (value, descending) in keys)
            {
                var c = Compare(value(a), value(b));
                if (c != 0) return descending ? -c : c;
            }
            return 0;
        };
    }

    /// <summary>Numbers numerically (a missing figure first), text ordinally (time buckets are ISO text, so that is chronological).</summary>
    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (double x, double y) => x.CompareTo(y),
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => 0,
    };
}
