using System.Text;
using System.Text.RegularExpressions;

namespace Candor.Analytics.Query.Sql;

/// <summary>
/// One statement answering a <see cref="StatsQuery"/>'s grouping: the dimension values (<c>d0…</c>) and the
/// requested <see cref="RawColumn"/>s of every group, in <see cref="Columns"/> order. Ordering, paging, zero-filling
/// and the ratios are the engine's job.
/// </summary>
/// <remarks>
/// The shape, and why:
/// <list type="bullet">
/// <item><c>base</c>: the site's events in the range — the only scan of <c>event_rows</c>, with the time filter on the
/// raw column so DuckDB's zone maps skip everything outside it (events are appended in time order).</item>
/// <item><c>s</c>: one row per session of those events — visit values are the session's first event's, entry/exit
/// page its first/last pageview, bounce and duration as the reference defines them — and <c>sf</c>, the sessions
/// the visit filters keep (and, with event filters, that contain a matching event). Only sessions touching the
/// range are ever built.</item>
/// <item>Queries by visit dimensions alone (top stats, sources, countries, devices, entry/exit pages) are answered
/// from <c>sf</c> alone. Anything grouped by time or an event dimension, or filtered by an event dimension, counts
/// events (<c>fx</c>, the matching events) and joins session figures by the same group keys.</item>
/// <item>Label-coded columns (<see cref="Labels"/>) stay ids throughout: filters test them against the matching labels,
/// and the final select decodes the grouped ids (<c>result</c>).</item>
/// </list>
/// Sessions are cut at the range's edges: a visit crossing midnight counts in both days, with the part inside each.
/// </remarks>
internal sealed class StatsSql
{
    public required string Text { get; init; }
    public required IReadOnlyList<object?> Parameters { get; init; }
    public required int DimensionCount { get; init; }
    public required IReadOnlyList<RawColumn> Columns { get; init; }

    /// <summary>
    /// The statement for <paramref name="query"/>. With <paramref name="cachedDays"/> (whole days inside the range whose
    /// sessions are in <c>session_days</c>) a query that needs sessions alone reads those days from the cache.
    /// </summary>
    /// <param name="siteId">The label id of <paramref name="query"/>'s site (<see cref="SiteIds"/>).</param>
    public static StatsSql Build(StatsQuery query, uint siteId, RawColumn needs, ISqlDialect dialect, DateRange? cachedDays = null) =>
        new Builder(query, siteId, needs, dialect, cachedDays).Build();

    /// <summary>
    /// Whether the query is answered from sessions alone, which the session cache can serve: visit dimensions only,
    /// and either no event filters or no event counts (an event filter keeps the sessions with a matching event,
    /// but pageviews and events must then count the matching events themselves).
    /// </summary>
    public static bool IsSessionOnly(StatsQuery query, RawColumn needs) =>
        query.Dimensions.All(x => x.IsVisit)
        && (needs & (RawColumn.EngagedMilliseconds | RawColumn.PageVisits)) == 0
        && (query.Filters.All(f => f.Dimension.IsVisit) || (needs & (RawColumn.Pageviews | RawColumn.Events)) == 0);

    /// <summary>The parts of <paramref name="range"/> outside <paramref name="cached"/>.</summary>
    private static IEnumerable<DateRange> Uncached(DateRange range, DateRange? cached)
    {
        if (cached is not { } c)
        {
            yield return range;
            yield break;
        }
        if (range.From < c.From) yield return new DateRange(range.From, c.From);
        if (c.To < range.To) yield return new DateRange(c.To, range.To);
    }

    private sealed class Builder(StatsQuery query, uint siteId, RawColumn needs, ISqlDialect d, DateRange? cachedDays)
    {
        private const string NotEngagement = Labels.NotEngagement;
        private const string IsPageview = Labels.IsPageview;
        private const string NoProp = "(none)";
        private const string NotSet = "'(not set)'";

        private readonly SqlParameters _p = new(d);
        private readonly List<string> _baseColumns = ["session_id"];
        private readonly List<(string Alias, string Sql)> _visitColumns = [];

        public StatsSql Build()
        {
            var dims = query.Dimensions;
            var eventDims = dims.Where(x => !x.IsVisit && !x.IsTime).ToList();
            var eventFilters = query.Filters.Where(f => !f.Dimension.IsVisit).ToList();
            var visitFilters = query.Filters.Where(f => f.Dimension.IsVisit).ToList();
            var withEngagement = (needs & (RawColumn.EngagedMilliseconds | RawColumn.PageVisits)) != 0;
            var sessionOnly = IsSessionOnly(query, needs);
            var joinSessions = visitFilters.Count > 0 || dims.Any(x => x.IsVisit);
            var needSessions = sessionOnly || joinSessions || (needs & RawColumn.SessionLevel) != 0;
            var hasGoalDim = dims.Any(x => x.Name == "event:goal");

            // Expressions first: they register the base columns, visit columns and parameters they use.
            if (withEngagement) Column("engagement_ms");
            // Added where used (equal values share a placeholder): a query served from the session cache alone never reads event_rows.
            string Site() => _p.Add(siteId);
            var eventConj = eventFilters.Count == 0 ? null : string.Join(" AND ", eventFilters.Select(Predicate));
            var visitConj = visitFilters.Count == 0 ? null : string.Join(" AND ", visitFilters.Select(Predicate));
            var overEvents = dims.Select(x => x.IsTime ? d.TimeBucket("timestamp", TimeBuckets.IntervalOf(x, query.Interval)) : Value(x)).ToList();
            var overSessions = dims.Select((x, i) => x.IsTime ? d.TimeBucket("s_start", TimeBuckets.IntervalOf(x, query.Interval)) : x.IsVisit ? Value(x) : $"x.e{eventDims.IndexOf(x)}").ToList();
            var eventDimValues = eventDims.Select(Value).ToList();
            var goalRows = hasGoalDim ? GoalRows() : null;
            var notNull = dims.Where(Droppable).Select(x => Value(x) + " IS NOT NULL").ToList();

            var sql = new StringBuilder("WITH ");
            if (!sessionOnly)
            {
                sql.Append("base AS (SELECT ");
                sql.Append(string.Join(", ", _baseColumns.Concat(SessionAggregates.StatsColumns).Distinct()));
                sql.Append($" FROM {Labels.EventTable} WHERE site = {Site()} AND timestamp >= {_p.Add(query.Range.From)} AND timestamp < {_p.Add(query.Range.To)})");
            }

            if (needSessions)
            {
                var aggregates = SessionAggregates.Stats(d).Concat(_visitColumns).ToList();
                if (sessionOnly)
                {
                    // Sessions straight from events, one scan per uncached stretch, plus closed days from the cache.
                    var parts = new List<string>();
                    if (cachedDays is { } cached)
                        parts.Add($"SELECT session_id, {Join(aggregates.Select(a => a.Alias))} FROM session_days WHERE site = {_p.Add(query.Site)} AND day >= {_p.Add(cached.From)} AND day < {_p.Add(cached.To)}");
                    foreach (var segment in Uncached(query.Range, cachedDays))
                        parts.Add($"SELECT session_id, {Join(aggregates.Select(a => $"{a.Sql} AS {a.Alias}"))} FROM {Labels.EventTable} WHERE site = {Site()} AND timestamp >= {_p.Add(segment.From)} AND timestamp < {_p.Add(segment.To)} GROUP BY session_id");
                    sql.Append($"s AS ({string.Join(" UNION ALL ", parts)})");
                }
                else
                {
                    var columns = aggregates.Select(a => $"{a.Sql} AS {a.Alias}").Prepend("session_id").ToList();
                    if (eventConj is not null) columns.Add(Agg(AggregateFunction.BoolOr, null, $"{NotEngagement} AND {eventConj}") + " AS s_matched");
                    sql.Append($", s AS (SELECT {string.Join(", ", columns)} FROM base GROUP BY session_id)");
                }
                var keep = new List<string>();
                if (visitConj is not null) keep.Add(visitConj);
                if (eventConj is not null && !sessionOnly) keep.Add("s_matched");
                // Sessions (or, cached, their days) with a matching event in the range.
                if (eventConj is not null && sessionOnly)
                    keep.Add($"session_id IN (SELECT session_id FROM {Labels.EventTable} WHERE site = {Site()} AND timestamp >= {_p.Add(query.Range.From)} AND timestamp < {_p.Add(query.Range.To)} AND {NotEngagement} AND {eventConj})");
                sql.Append($", sf AS (SELECT * FROM s WHERE {(keep.Count == 0 ? "true" : string.Join(" AND ", keep))})");
            }

            var columnsOut = RawColumns.In(needs).ToList();
            int finalSelect;
            var select = new List<string>();
            for (var i = 0; i < dims.Count; i++) select.Add($"d{i}");

            if (sessionOnly)
            {
                var raws = columnsOut.Select(c => $"{SessionOnlyRaw(c)} AS {RawColumns.Name(c)}");
                sql.Append($", agg AS (SELECT {Join(overSessions.Select((e, i) => $"{e} AS d{i}").Concat(raws))} FROM sf{Where(notNull)}{GroupBy(overSessions)})");
                finalSelect = sql.Length;
                sql.Append($" SELECT {Join(select.Concat(columnsOut.Select(RawColumns.Name)))} FROM agg");
            }
            else
            {
                var fxFilter = new List<string>();
                if (eventConj is not null) fxFilter.Add(eventConj);
                if (!withEngagement) fxFilter.Add(NotEngagement);
                var visitAliases = joinSessions ? string.Concat(_visitColumns.Select(v => ", sf." + v.Alias)) : "";
                sql.Append($", fx AS (SELECT base.*{visitAliases} FROM base{(joinSessions ? " JOIN sf USING (session_id)" : "")}{Where(fxFilter)})");
                var source = "fx";
                if (goalRows is not null)
                {
                    sql.Append(goalRows);
                    source = "fg";
                }

                var eventRaws = columnsOut.Where(c => (c & RawColumn.EventLevel) != 0).Select(c => $"{EventRaw(c, withEngagement)} AS {RawColumns.Name(c)}").ToList();
                var having = withEngagement && dims.Count > 0 ? $" HAVING {Agg(AggregateFunction.Count, NotEngagement)} > 0" : "";
                sql.Append($", ea AS (SELECT {Join(overEvents.Select((e, i) => $"{e} AS d{i}").Concat(eventRaws).Append("count(*) AS n"))} FROM {source}{Where(notNull)}{GroupBy(overEvents)}{having})");

                var sessionRaws = columnsOut.Where(c => (c & RawColumn.SessionLevel) != 0).ToList();
                if (sessionRaws.Count > 0)
                {
                    var from2 = eventDims.Count == 0
                        ? "sf"
                        : $"(SELECT DISTINCT {Join(eventDimValues.Select((e, k) => $"{e} AS e{k}").Append("session_id"))} FROM {source}) x JOIN sf USING (session_id)";
                    var raws = sessionRaws.Select(c => $"{SessionRaw(c)} AS {RawColumns.Name(c)}");
                    sql.Append($", sa AS (SELECT {Join(overSessions.Select((e, i) => $"{e} AS d{i}").Concat(raws))} FROM {from2}{Where(notNull)}{GroupBy(overSessions)})");
                }

                var outColumns = select.Select(c => "ea." + c)
                    .Concat(columnsOut.Select(c => (c & RawColumn.SessionLevel) != 0 ? $"coalesce(sa.{RawColumns.Name(c)}, 0) AS {RawColumns.Name(c)}" : "ea." + RawColumns.Name(c)));
                // A label id is NULL where the value is "(not set)", and that group must still meet its session figures.
                var on = dims.Count == 0 ? "true" : string.Join(" AND ", select.Select(c => $"ea.{c} IS NOT DISTINCT FROM sa.{c}"));
                finalSelect = sql.Length;
                sql.Append($" SELECT {Join(outColumns)} FROM ea{(sessionRaws.Count > 0 ? $" LEFT JOIN sa ON {on}" : "")}");
            }

            if (dims.Any(IsCoded)) DecodeResult(sql, finalSelect, dims, columnsOut);
            return new StatsSql { Text = sql.ToString(), Parameters = _p.Values, DimensionCount = dims.Count, Columns = columnsOut };
        }

        /// <summary>
        /// Turns the final SELECT (grouped by label ids) into a CTE and selects from it with the ids of coded
        /// dimensions replaced by their text: one lookup per group, not per event.
        /// </summary>
        private static void DecodeResult(StringBuilder sql, int finalSelect, IReadOnlyList<Dimension> dims, IReadOnlyList<RawColumn> columns)
        {
            var final = sql.ToString(finalSelect, sql.Length - finalSelect);
            sql.Length = finalSelect;
            var outColumns = new List<string>();
            var joins = new StringBuilder();
            for (var i = 0; i < dims.Count; i++)
            {
                if (!IsCoded(dims[i]))
                {
                    outColumns.Add($"result.d{i}");
                    continue;
                }
                joins.Append($" LEFT JOIN labels l{i} ON l{i}.id = result.d{i}");
                outColumns.Add(dims[i].IsVisit ? $"coalesce(l{i}.value, {NotSet}) AS d{i}" : $"l{i}.value AS d{i}");
            }
            outColumns.AddRange(columns.Select(c => "result." + RawColumns.Name(c)));
            sql.Append($", result AS ({final.TrimStart()}) SELECT {Join(outColumns)} FROM result{joins}");
        }

        /// <summary>Whether the dimension's values are label ids until <see cref="DecodeResult"/>.</summary>
        private static bool IsCoded(Dimension dimension) => dimension.PropKey is null && dimension.Name switch
        {
            "event:hostname" or "event:name" => true,
            _ => dimension.IsVisit && Labels.IsCoded(dimension.Name["visit:".Length..]),
        };

        private string Agg(AggregateFunction function, string? condition, params string[] arguments) => d.Aggregate(function, condition, arguments);

        private string EventRaw(RawColumn column, bool withEngagement) => column switch
        {
            RawColumn.Visitors => Agg(AggregateFunction.CountDistinct, withEngagement ? NotEngagement : null, "visitor_id"),
            RawColumn.Pageviews => Agg(AggregateFunction.Count, IsPageview),
            RawColumn.Events => Agg(AggregateFunction.Count, withEngagement ? NotEngagement : null),
            RawColumn.EngagedMilliseconds => Agg(AggregateFunction.Sum, Labels.IsEngagement, Column("engagement_ms")),
            RawColumn.PageVisits => Agg(AggregateFunction.CountDistinct, IsPageview, "session_id"),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };

        private string SessionRaw(RawColumn column) => column switch
        {
            RawColumn.Visits => Agg(AggregateFunction.Count, null),
            RawColumn.Bounces => Agg(AggregateFunction.Sum, null, "s_bounce"),
            RawColumn.DurationSum => Agg(AggregateFunction.Sum, null, "s_duration"),
            RawColumn.SessionPageviews => Agg(AggregateFunction.Sum, null, "s_pageviews"),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };

        private string SessionOnlyRaw(RawColumn column) => column switch
        {
            RawColumn.Visitors => Agg(AggregateFunction.CountDistinct, null, "s_visitor"),
            RawColumn.Pageviews => Agg(AggregateFunction.Sum, null, "s_pageviews"),
            RawColumn.Events => Agg(AggregateFunction.Sum, null, "s_events"),
            _ => SessionRaw(column),
        };

        /// <summary>
        /// The value of a (non-time) dimension on an event row (visit values joined from the session) or a session row;
        /// for a coded dimension (<see cref="IsCoded"/>) the label id, NULL where the text would be "(not set)".
        /// </summary>
        private string Value(Dimension dimension)
        {
            if (dimension.PropKey is { } key)
                return $"coalesce({d.PropValue(Column("prop_keys"), Column("prop_values"), _p.Add(key))}, '{NoProp}')";
            switch (dimension.Name)
            {
                case "event:page": return Column("pathname");
                case "event:hostname": return Column("hostname");
                case "event:name": return "name";
                case "event:goal": return "goal";
            }
            var visit = dimension.Name["visit:".Length..];
            var alias = SessionAggregates.Alias(visit);
            if (!_visitColumns.Any(v => v.Alias == alias))
            {
                Column(SessionAggregates.EventColumn(visit));
                _visitColumns.Add((alias, SessionAggregates.Visit(d, visit)));
            }
            if (Labels.IsCoded(visit)) return alias;
            return visit switch
            {
                // Plausible's label for visits without a source or referrer.
                "source" or "referrer" => $"coalesce({alias}, 'Direct / None')",
                // Sessions without a pageview have no entry/exit page, untagged ones no UTM value: no row for them.
                "entry_page" or "exit_page" or "utm_source" or "utm_medium" or "utm_campaign" or "utm_content" or "utm_term" => alias,
                _ => $"coalesce({alias}, {NotSet})",
            };
        }

        private static bool Droppable(Dimension dimension) => dimension.Name is "visit:entry_page" or "visit:exit_page"
            or "visit:utm_source" or "visit:utm_medium" or "visit:utm_campaign" or "visit:utm_content" or "visit:utm_term";

        /// <summary>Registers a column of <c>event_rows</c> that <c>base</c> must carry. Names come from the closed dimension list, never from input.</summary>
        private string Column(string name)
        {
            _baseColumns.Add(name);
            return name;
        }

        /// <summary>A filter as a boolean over event or session rows; NULL values never match and always "don't match".</summary>
        private string Predicate(Filter filter)
        {
            var negated = filter.Operator is FilterOperator.IsNot or FilterOperator.DoesNotContain or FilterOperator.DoesNotMatch;
            string positive;
            if (filter.Dimension.Name == "event:goal")
            {
                var goals = query.Goals.Where(g => Selects(filter, g.DisplayName)).Select(GoalMatch).ToList();
                positive = goals.Count == 0 ? "false" : "(" + string.Join(" OR ", goals) + ")";
                return negated ? $"NOT {positive}" : positive;
            }
            // A property an event lacks has no value to contain or match; "(none)" — what breakdowns show for it — is
            // what is/is_not call it.
            var prop = filter.Dimension.PropKey is { } key ? d.PropValue(Column("prop_keys"), Column("prop_values"), _p.Add(key)) : null;
            var value = prop ?? Value(filter.Dimension);
            var placeholders = filter.Values.Select(v => _p.Add(v)).ToList();
            string Test(string text) => filter.Operator switch
            {
                FilterOperator.Is or FilterOperator.IsNot => $"{text} IN ({Join(placeholders)})",
                FilterOperator.Contains or FilterOperator.DoesNotContain => string.Join(" OR ", placeholders.Select(v => d.Contains(text, v))),
                _ => string.Join(" OR ", placeholders.Select(v => d.RegexMatches(text, v))),
            };
            if (IsCoded(filter.Dimension))
            {
                // A visit value without a label is "(not set)" to the filter too, as it is in breakdowns.
                positive = filter.Dimension.IsVisit
                    ? $"CASE WHEN {value} IS NULL THEN {Test(NotSet)} ELSE {Labels.Matches(value, Test)} END"
                    : Labels.Matches(value, Test);
            }
            else
            {
                var orMissing = prop is not null && filter.Values.Contains(NoProp) ? $" OR {prop} IS NULL" : "";
                positive = $"{Test(value)}{orMissing}";
            }
            return negated ? $"coalesce(NOT ({positive}), true)" : $"coalesce({positive}, false)";
        }

        /// <summary>Whether a goal's display name satisfies the filter's operator (ignoring its negation).</summary>
        private static bool Selects(Filter filter, string name) => filter.Operator switch
        {
            FilterOperator.Is or FilterOperator.IsNot => filter.Values.Contains(name),
            FilterOperator.Contains or FilterOperator.DoesNotContain => filter.Values.Any(v => name.Contains(v, StringComparison.Ordinal)),
            _ => filter.Values.Any(v => Regex.IsMatch(name, v, RegexOptions.None, TimeSpan.FromSeconds(1))),
        };

        /// <summary>An event completes a goal: its custom event name, or a pageview of a matching path.</summary>
        private string GoalMatch(Goal goal) => goal.EventName is { } name
            ? $"name = {Labels.IdOf(_p.Add(name))}"
            : $"({IsPageview} AND {d.RegexMatches(Column("pathname"), _p.Add(GoalPatterns.ToRegex(goal.PagePath ?? "")))})";

        /// <summary>
        /// The CTEs <c>fc</c> and <c>fg</c>: each matching event once per goal it completes, tagged with the goal's
        /// display name. The events that complete any goal (a few percent) are picked in one pass first (<c>fc</c>), so
        /// each goal's branch reads only those.
        /// </summary>
        private string GoalRows()
        {
            if (query.Goals.Count == 0) return $", fg AS (SELECT fx.*, {_p.Add("")} AS goal FROM fx WHERE false)";
            var matches = query.Goals.Select(GoalMatch).ToList();
            var branches = query.Goals.Select((g, i) => $"SELECT fc.*, {_p.Add(g.DisplayName)} AS goal FROM fc WHERE {matches[i]}");
            return $", fc AS (SELECT * FROM fx WHERE {string.Join(" OR ", matches)}), fg AS ({string.Join(" UNION ALL ", branches)})";
        }

        private static string Join(IEnumerable<string> parts) => string.Join(", ", parts);

        private static string Where(IReadOnlyCollection<string> conditions) => conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

        private static string GroupBy(IReadOnlyCollection<string> expressions) => expressions.Count == 0 ? "" : " GROUP BY " + string.Join(", ", expressions);
    }
}
