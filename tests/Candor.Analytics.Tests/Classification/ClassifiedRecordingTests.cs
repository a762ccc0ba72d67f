using System.Text;
using Candor.Analytics.Classification;
using Candor.Analytics.Identity;
using Candor.Analytics.Ingestion;
using Candor.Analytics.Store;
using Candor.Analytics.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Classification;

/// <summary>The recorder with a classifier: drops come first with a reason, and the derived columns reach the DuckDB file.</summary>
public sealed class ClassifiedRecordingTests : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly SaltStore _salts;
    private readonly EventRecorder _recorder;
    private static readonly HashSet<string> Sites = ["example.com"];

    public ClassifiedRecordingTests()
    {
        _salts = new SaltStore(_folder.File("salts"), _time);
        _recorder = new EventRecorder(_salts, new SessionTracker(_time), _time, ClassificationData.Classifier);
    }

    public void Dispose()
    {
        _salts.Dispose();
        _folder.Dispose();
    }

    private static EventRequest Request(string json) => EventRequestParser.Parse(Encoding.UTF8.GetBytes(json)).Request!;

    [Fact]
    public void Bots_are_dropped_with_a_reason()
    {
        var outcome = _recorder.Process(Request("""{"n":"pageview","u":"https://example.com/"}"""), Sites, "8.8.8.8", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        Assert.Equal(new RecordOutcome([], DropReason.Bot).Dropped, outcome.Dropped);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void Referrer_spam_is_dropped_with_a_reason()
    {
        var outcome = _recorder.Process(Request("""{"n":"pageview","u":"https://example.com/","r":"https://www.semalt.com/"}"""), Sites, "8.8.8.8", Chrome);
        Assert.Equal(DropReason.ReferrerSpam, outcome.Dropped);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void Unknown_sites_are_dropped_with_a_reason() =>
        Assert.Equal(DropReason.UnknownSite, _recorder.Process(Request("""{"n":"pageview","u":"https://other.org/"}"""), Sites, "8.8.8.8", Chrome).Dropped);

    [Fact]
    public void The_old_Record_signature_still_works_and_returns_nothing_for_drops() =>
        Assert.Empty(_recorder.Record(Request("""{"n":"pageview","u":"https://example.com/"}"""), Sites, "8.8.8.8", "curl/8.4.0"));

    [Fact]
    public async Task Classification_columns_reach_the_store()
    {
        var outcome = _recorder.Process(
            Request("""{"n":"pageview","u":"https://example.com/post?ref=hn&gclid=abc","r":"https://news.ycombinator.com/item?id=1"}"""),
            Sites, "8.8.8.8", Chrome);
        Assert.Null(outcome.Dropped);
        var e = Assert.Single(outcome.Events);
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([e]);
        var row = Assert.Single(await store.QueryAsync(
            "SELECT browser, browser_version, os, os_version, device, country, source, referrer_source, click_id_param FROM events"));
        Assert.Equal(["Chrome", "120.0", "Windows", "10", "Desktop", "US", "hn", "Hacker News", "gclid"], row);
    }
}
