using System.Text;
using Candor.Analytics.Classification;
using Candor.Analytics.Identity;
using Candor.Analytics.Ingestion;
using Candor.Analytics.Query;
using Candor.Analytics.Store;
using Candor.Analytics.Tests.Classification;
using Candor.Analytics.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Query;

/// <summary>Channel classification examples, and the channel computed at ingestion reaching the store and the Channels breakdown.</summary>
public sealed class ChannelTests
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    [Fact]
    public async Task Ingestion_stores_the_channel_and_the_channel_breakdown_reads_it()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        using var salts = new SaltStore(folder.File("salts"), time);
        var recorder = new EventRecorder(salts, new SessionTracker(time), time, ClassificationData.Classifier);
        await using var store = DuckDbEventStore.Open(folder.File("analytics.duckdb"));
        string[] requests =
        [
            """{"n":"pageview","u":"https://example.com/","r":"https://www.google.com/"}""",
            """{"n":"pageview","u":"https://example.com/?utm_source=google&utm_medium=cpc"}""",
            """{"n":"pageview","u":"https://example.com/"}""",
        ];
        var ip = 1;
        foreach (var json in requests)
        {
            var request = EventRequestParser.Parse(Encoding.UTF8.GetBytes(json)).Request!;
            await store.AppendAsync(recorder.Record(request, ["example.com"], $"8.8.8.{ip++}", Chrome));
        }

        var stored = await store.QueryAsync("SELECT channel FROM events ORDER BY channel");
        Assert.Equal(["Direct", "Organic Search", "Paid Search"], stored.Select(r => r[0]));

        var engine = new StatsEngine(store, time);
        var result = await engine.QueryAsync(new StatsQuery
        {
            Site = "example.com",
            Range = new DateRange(new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 11, 0, 0, 0, DateTimeKind.Utc)),
            Metrics = [Metric.Visitors],
            Dimensions = [Dimension.Parse("visit:channel")],
            OrderBy = [("visit:channel", false)],
        });
        Assert.Equal(["Direct", "Organic Search", "Paid Search"], result.Rows.Select(r => r.Dimensions[0]));
    }

    [Theory]
    [InlineData(null, null, null, null, "Direct")]
    [InlineData("Google", null, null, null, "Organic Search")]
    [InlineData("Google", "cpc", null, null, "Paid Search")]
    [InlineData("Google", null, null, "gclid", "Paid Search")]
    [InlineData("Bing", null, null, "msclkid", "Paid Search")]
    [InlineData("DuckDuckGo", null, null, null, "Organic Search")]
    [InlineData("Facebook", null, null, null, "Organic Social")]
    [InlineData("Facebook", "paid-social", null, null, "Paid Social")]
    [InlineData("fb", "cpc", null, null, "Paid Social")]
    [InlineData("Hacker News", null, null, null, "Organic Social")]
    [InlineData("Twitter", null, null, "twclid", "Paid Social")]
    [InlineData("YouTube", null, null, null, "Organic Video")]
    [InlineData("YouTube", "cpv", null, null, "Paid Video")]
    [InlineData("newsletter", "email", null, null, "Email")]
    [InlineData("Mailchimp", "e-mail", null, null, "Email")]
    [InlineData("partner", "affiliate", null, null, "Affiliates")]
    [InlineData("adnet", "banner", null, null, "Display")]
    [InlineData("adnet", "cpc", null, null, "Paid Other")]
    [InlineData("amazon", null, null, null, "Organic Shopping")]
    [InlineData("shop-ads", "paid", "spring shopping", null, "Paid Shopping")]
    [InlineData("x", "y", "cross-network-q3", null, "Cross-network")]
    [InlineData("example.org", null, null, null, "Referral")]
    [InlineData("GitHub", null, null, null, "Referral")]
    [InlineData("podcast", "audio", null, null, "Audio")]
    [InlineData("sms", null, null, null, "SMS")]
    [InlineData("app", "push", null, null, "Mobile Push Notifications")]
    [InlineData(null, "organic", null, null, "Organic Search")]
    [InlineData(null, "social", null, null, "Organic Social")]
    public void Examples(string? source, string? medium, string? campaign, string? clickId, string expected) =>
        Assert.Equal(expected, Channels.Of(source, medium, campaign, clickId));

    [Fact]
    public void Channels_All_lists_every_channel_name()
    {
        // The store's channel ENUM is checked against All (DuckDbEventStoreTests): a channel missing here would be stored as NULL.
        var constants = typeof(Channels).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(), Channels.All.Order());
    }

    [Fact]
    public void A_workshop_campaign_is_not_shopping()
    {
        Assert.Equal("Referral", Channels.Of("partner", null, "workshop", null));
        Assert.Equal("Organic Shopping", Channels.Of("partner", null, "eshop-sale", null));
    }
}
