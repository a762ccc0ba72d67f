namespace Candor.Analytics.Query;

/// <summary>What makes a <see cref="StatsQuery"/> unanswerable, checked before any SQL runs; each message names the culprit.</summary>
internal static class StatsQueryValidation
{
    public static void Check(StatsQuery query)
    {
        if (string.IsNullOrEmpty(query.Site)) throw new StatsQueryException("The query names no site.");
        if (query.Range.To <= query.Range.From)
            throw new StatsQueryException($"The date range ends ({query.Range.To:O}) before it starts ({query.Range.From:O}).");
        if (query.Metrics.Count == 0) throw new StatsQueryException("The query asks for no metrics.");
        if (query.Limit < 0) throw new StatsQueryException($"The limit must not be negative (got {query.Limit}).");
        if (query.Offset < 0) throw new StatsQueryException($"The offset must not be negative (got {query.Offset}).");

        var duplicate = query.Dimensions.GroupBy(x => x.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new StatsQueryException($"Dimension \"{duplicate.Key}\" appears more than once.");
        if (query.Dimensions.Count(x => x.IsTime) > 1) throw new StatsQueryException("A query can have only one time dimension.");

        foreach (var filter in query.Filters)
        {
            if (filter.Dimension.IsTime)
                throw new StatsQueryException($"Cannot filter by \"{filter.Dimension.Name}\"; the date range limits time.");
            if (filter.Values.Count == 0)
                throw new StatsQueryException($"The filter on \"{filter.Dimension.Name}\" has no values.");
            if (filter.Values.Any(v => v is null))
                throw new StatsQueryException($"The filter on \"{filter.Dimension.Name}\" has a null value.");
        }

        if (query.Metrics.Contains(Metric.ConversionRate)
            && !query.Dimensions.Any(x => x.Name == "event:goal")
            && !query.Filters.Any(f => f.Dimension.Name == "event:goal"))
            throw new StatsQueryException("Metric `conversion_rate` can only be queried with event:goal filters or dimensions.");
        if (query.Metrics.Contains(Metric.TimeOnPage) && query.Dimensions.Any(x => x.Name is "event:goal"))
            throw new StatsQueryException("Metric `time_on_page` cannot be queried with the event:goal dimension.");

        foreach (var (key, _) in query.OrderBy)
        {
            var isMetric = Metrics.TryParse(key, out var metric) && query.Metrics.Contains(metric);
            if (!isMetric && !query.Dimensions.Any(x => x.Name == key))
                throw new StatsQueryException($"Invalid order_by entry \"{key}\": it must be one of the query's metrics or dimensions.");
        }
    }
}
