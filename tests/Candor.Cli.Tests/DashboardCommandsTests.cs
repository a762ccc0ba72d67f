using System.IO.Compression;
using Candor.Analytics.Dashboard.Sharing;
using Candor.Analytics.Store;

namespace Candor.Cli.Tests;

/// <summary><c>candor share create</c> and <c>candor export</c>, run as the real CLI against a temp data folder.</summary>
public sealed class DashboardCommandsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "candor-cli-dashboard-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ShareCreatePrintsTheLinkPathLastAndKeepsOnlyAPasswordHash()
    {
        var open = await CandorProcess.RunAsync("share", "create", "--site", "Example.org", "--data", _data);
        var locked = await CandorProcess.RunWithInputAsync("hunter2 and more\n", "share", "create", "--site", "example.org", "--password", "--data", _data);

        Assert.Equal(0, open.ExitCode);
        Assert.Equal(0, locked.ExitCode);
        var openPath = open.Stdout.Trim().Split('\n')[^1].Trim();
        var lockedPath = locked.Stdout.Trim().Split('\n')[^1].Trim();
        Assert.Matches("^/share/example\\.org\\?auth=[A-Za-z0-9_-]{22}$", openPath);
        Assert.Matches("^/share/example\\.org\\?auth=[A-Za-z0-9_-]{22}$", lockedPath);
        var store = new ShareLinkStore(_data, TimeProvider.System);
        Assert.Null(store.Find("example.org", openPath.Split("auth=")[1])!.Password);
        Assert.True(store.Find("example.org", lockedPath.Split("auth=")[1])!.Password!.Verify("hunter2 and more"));
        Assert.DoesNotContain("hunter2", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareListShowsTheLinksAndRevokeDeletesOne()
    {
        var created = await CandorProcess.RunAsync("share", "create", "--site", "example.org", "--data", _data);
        var path = created.Stdout.Trim().Split('\n')[^1].Trim();
        var slug = path.Split("auth=")[1];

        var list = await CandorProcess.RunAsync("share", "list", "--data", _data);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"example.org\t{path}\topen", list.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await CandorProcess.RunAsync("share", "revoke", slug, "--data", _data)).ExitCode);
        Assert.Null(new ShareLinkStore(_data, TimeProvider.System).Find("example.org", slug));
        var again = await CandorProcess.RunAsync("share", "revoke", slug, "--data", _data);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no share link", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareCreateWithAnEmptyPasswordFails()
    {
        var result = await CandorProcess.RunWithInputAsync("\n", "share", "create", "--site", "example.org", "--password", "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--password needs a password", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWritesEveryPanelWithExactFigures()
    {
        var yesterday = DateTime.UtcNow.Date.AddDays(-1).AddHours(12);
        await using (var store = DuckDbEventStore.Open(Path.Combine(_data, "analytics.duckdb")))
        {
            await store.AppendAsync(
            [
                new StoredEvent { Timestamp = yesterday, Site = "example.org", Name = "pageview", VisitorId = 1, SessionId = 11, Hostname = "example.org", Pathname = "/", Source = "Google", Channel = "Organic Search", Country = "DE", Browser = "Firefox", Device = "Desktop" },
                new StoredEvent { Timestamp = yesterday.AddMinutes(1), Site = "example.org", Name = "pageview", VisitorId = 1, SessionId = 11, Hostname = "example.org", Pathname = "/about/", Source = "Google", Channel = "Organic Search", Country = "DE", Browser = "Firefox", Device = "Desktop" },
            ]);
        }
        var zip = Path.Combine(_data, "out.zip");

        var result = await CandorProcess.RunAsync("export", "--site", "example.org", "--period", "7d", "--data", _data, "-o", zip);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var archive = ZipFile.OpenRead(zip);
        string Read(string name)
        {
            using var reader = new StreamReader(archive.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }
        // One visitor: the owner's export is exact, where a public one would say "<5".
        Assert.Contains("Google,1,1,0,60", Read("sources.csv"), StringComparison.Ordinal);
        Assert.Contains("DE,1", Read("countries.csv"), StringComparison.Ordinal);
        Assert.Equal(8, Read("visitors.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(File.Exists(zip + ".tmp"));
    }

    [Fact]
    public async Task ExportNamesAMissingStoreAndABadPeriod()
    {
        var missing = await CandorProcess.RunAsync("export", "--site", "example.org", "--data", _data, "-o", Path.Combine(_data, "x.zip"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no analytics store", missing.Stderr, StringComparison.Ordinal);

        await using (DuckDbEventStore.Open(Path.Combine(_data, "analytics.duckdb"))) { }
        var badPeriod = await CandorProcess.RunAsync("export", "--site", "example.org", "--period", "fortnight", "--data", _data, "-o", Path.Combine(_data, "x.zip"));
        Assert.Equal(2, badPeriod.ExitCode);
        Assert.Contains("--period: period \"fortnight\"", badPeriod.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
