using Candor.Analytics.Query;
using Candor.Analytics.Store;
using Candor.Analytics.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Query;

/// <summary>
/// A real DuckDB store in a temp folder with events appended through it, and the engine over it. Events are
/// written as visits: <see cref="Visit"/> gives one visitor's session, whose events follow in time.
/// </summary>
public sealed class StatsSite : IAsyncDisposable
{
    public const string Site = "example.com";
    public static readonly DateTime Day = new(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _folder = new();
    private readonly List<StoredEvent> _pending = [];
    private ulong _nextSession = 1000;

    public StatsSite()
    {
        Store = DuckDbEventStore.Open(_folder.File("analytics.duckdb"));
        Time = new FakeTimeProvider(new DateTimeOffset(Day));
        Engine = new StatsEngine(Store, Time);
    }

    public DuckDbEventStore Store { get; }
    public FakeTimeProvider Time { get; }
    public StatsEngine Engine { get; }

    /// <summary>Starts a session of visitor <paramref name="visitor"/>; <paramref name="first"/> shapes the first event's session values.</summary>
    public VisitBuilder Visit(ulong visitor, DateTime at, Func<StoredEvent, StoredEvent>? first = null) => new(this, visitor, _nextSession++, at, first);

    internal void Add(StoredEvent e) => _pending.Add(e);

    /// <summary>Appends everything written so far through the store, in time order as ingestion would.</summary>
    public async Task FlushAsync()
    {
        await Store.AppendAsync(_pending.OrderBy(e => e.Timestamp).ToList());
        _pending.Clear();
    }

    public async Task<QueryResult> QueryAsync(StatsQuery query)
    {
        if (_pending.Count > 0) await FlushAsync();
        return await Engine.QueryAsync(query);
    }

    /// <summary>A query over the whole test day for the site.</summary>
    public static StatsQuery DayQuery(params Metric[] metrics) => new()
    {
        Site = Site,
        Range = new DateRange(Day, Day.AddDays(1)),
        Metrics = metrics,
    };

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _folder.Dispose();
    }

    public sealed class VisitBuilder
    {
        private readonly StatsSite _site;
        private readonly ulong _visitor;
        private readonly ulong _session;
        private readonly Func<StoredEvent, StoredEvent>? _first;
        private DateTime _at;
        private bool _started;

        internal VisitBuilder(StatsSite site, ulong visitor, ulong session, DateTime at, Func<StoredEvent, StoredEvent>? first)
        {
            _site = site;
            _visitor = visitor;
            _session = session;
            _at = at;
            _first = first;
        }

        public VisitBuilder Pageview(string path, TimeSpan? after = null, params (string Key, string Value)[] props) =>
            Event("pageview", path, after, props: props);

        public VisitBuilder Custom(string name, string path, TimeSpan? after = null, bool interactive = true, params (string Key, string Value)[] props) =>
            Event(name, path, after, interactive, props: props);

        public VisitBuilder Engagement(string path, long engagedMilliseconds, TimeSpan? after = null) =>
            Event("engagement", path, after, engagedMilliseconds: engagedMilliseconds);

        private VisitBuilder Event(string name, string path, TimeSpan? after, bool interactive = true, long? engagedMilliseconds = null, (string Key, string Value)[]? props = null)
        {
            _at += after ?? TimeSpan.Zero;
            var e = new StoredEvent
            {
                Timestamp = _at,
                Site = Site,
                Name = name,
                VisitorId = _visitor,
                SessionId = _session,
                Hostname = Site,
                Pathname = path,
                Interactive = interactive,
                EngagementMilliseconds = engagedMilliseconds,
                ScrollDepth = engagedMilliseconds is null ? null : (byte)50,
                Device = "Desktop",
                Props = (props ?? []).Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList(),
            };
            if (!_started && _first is not null) e = _first(e);
            _started = true;
            _site.Add(e);
            return this;
        }
    }
}
