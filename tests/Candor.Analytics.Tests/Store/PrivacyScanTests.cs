using System.Text;
using Candor.Analytics.Identity;
using Candor.Analytics.Ingestion;
using Candor.Analytics.Store;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Store;

/// <summary>Privacy invariant 1: after ingesting events from known IPs and user agents, no file the analytics part wrote contains them.</summary>
public sealed class PrivacyScanTests : IDisposable
{
    private readonly TempFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private static readonly string[] Ips = ["203.0.113.77", "198.51.100.23", "2001:db8::5eed:1"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 CandorProbeA",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 CandorProbeB",
    ];

    [Fact]
    public async Task Neither_the_store_nor_the_salt_folder_holds_an_ip_or_user_agent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 23, 50, 0, TimeSpan.Zero));
        var saltFolder = Path.Combine(_folder.Path, "salts");
        var stored = 0;
        using (var salts = new SaltStore(saltFolder, time))
        await using (var store = DuckDbEventStore.Open(_folder.File("events.duckdb")))
        await using (var buffer = new EventBuffer(store, time, new EventBufferOptions { BatchSize = 4 }))
        {
            var recorder = new EventRecorder(salts, new SessionTracker(time), time, Classification.ClassificationData.Classifier);
            var sites = new HashSet<string> { "example.com" };
            foreach (var ip in Ips)
            foreach (var agent in Agents)
            {
                // Across midnight, so both salts are in play.
                time.Advance(TimeSpan.FromMinutes(3));
                var request = EventRequestParser.Parse(Encoding.UTF8.GetBytes(
                    """{"n":"pageview","u":"https://example.com/?utm_source=x","d":"example.com","r":"https://ref.org/","p":{"k":"v"}}""")).Request!;
                foreach (var e in recorder.Record(request, sites, ip, agent))
                {
                    Assert.True(buffer.TryAdd(e));
                    stored++;
                }
            }
        }

        await using (var reopened = DuckDbEventStore.Open(_folder.File("events.duckdb")))
            Assert.Equal(stored, await reopened.CountAsync());
        Assert.Equal(Ips.Length * Agents.Length, stored);

        var files = Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".salt", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in Ips.Concat(Agents).Concat(["CandorProbe"]))
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} found in {file}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"{secret} (UTF-16) found in {file}");
            }
        }
    }

    [Fact]
    public void The_stored_event_type_has_no_field_for_an_ip_or_user_agent()
    {
        var names = typeof(StoredEvent).GetProperties().Select(p => p.Name.ToLowerInvariant()).ToArray();
        Assert.DoesNotContain(names, n => n.Contains("ip") || n.Contains("agent") || n.Contains("address"));
        Assert.DoesNotContain(typeof(EventRequest).GetProperties(), p => p.Name.Contains("Ip") || p.Name.Contains("Agent"));
    }
}
