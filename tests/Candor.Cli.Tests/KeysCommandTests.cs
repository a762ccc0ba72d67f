using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Candor.Cli.Tests;

/// <summary><c>candor keys create|list|revoke</c> as a process, and the printed key against a running <c>candor serve</c>.</summary>
public sealed class KeysCommandTests
{
    [Fact]
    public async Task CreateListAndRevokeKeepOnlyHashes()
    {
        using var site = TempSite.Good();
        var data = Path.Combine(site.Root, "data");
        var created = await CandorProcess.RunAsync("keys", "create", "--site", "www.Example.org", "--data", data);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var key = LastLine(created.Stdout);
        Assert.StartsWith("cnd_", key);
        var file = File.ReadAllText(Path.Combine(data, "api-keys.json"));
        Assert.DoesNotContain(key, file);
        Assert.Contains("\"example.org\"", file);

        var list = await CandorProcess.RunAsync("keys", "list", "--data", data);
        Assert.Equal(0, list.ExitCode);
        var id = list.Stdout.Split('\t')[0].Trim();
        Assert.Contains("\texample.org\t", list.Stdout);
        Assert.DoesNotContain(key, list.Stdout);

        // Without --data the folder is SOURCE/.candor, as for serve.
        var inSite = await CandorProcess.RunAsync("keys", "create", "--site", "example.org", site.Source);
        Assert.Equal(0, inSite.ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Source, ".candor", "api-keys.json")));

        Assert.Equal(0, (await CandorProcess.RunAsync("keys", "revoke", id, "--data", data)).ExitCode);
        var again = await CandorProcess.RunAsync("keys", "revoke", id, "--data", data);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"there is no API key '{id}'", again.Stderr);
        Assert.Contains("No API keys.", (await CandorProcess.RunAsync("keys", "list", "--data", data)).Stdout);

        var missingSite = await CandorProcess.RunAsync("keys", "create", "--data", data);
        Assert.NotEqual(0, missingSite.ExitCode);
        Assert.Contains("--site", missingSite.Stderr);
    }

    [Fact]
    public async Task AKeyCreatedWhileServingReadsTheSitesStats()
    {
        using var site = TempSite.Good();
        var data = Path.Combine(site.Root, "data");
        var port = ServeCommandTests.FreePort();
        using var candor = CandorProcess.Start("serve", site.Source, "--port", port.ToString(), "--host", "127.0.0.1", "--no-watch",
            "--analytics-site", "example.org", "--data", data);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        await ServeCommandTests.WaitUntilUp(candor, http);

        var created = await CandorProcess.RunAsync("keys", "create", "--site", "example.org", "--data", data);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var key = LastLine(created.Stdout);

        using (var pageview = new HttpRequestMessage(HttpMethod.Post, "/api/event") { Content = new StringContent("""{"n":"pageview","u":"https://example.org/docs/","d":"example.org"}""") })
        {
            pageview.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(pageview)).StatusCode);
        }

        // The event reaches the store within the buffer's one-second flush.
        var watch = Stopwatch.StartNew();
        string body = "";
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats/aggregate?site_id=example.org&period=day&metrics=visitors,pageviews");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\nstderr:\n{candor.Stderr}");
            if (body == """{"results":{"visitors":{"value":1},"pageviews":{"value":1}}}""") break;
            await Task.Delay(200);
        }
        Assert.Equal("""{"results":{"visitors":{"value":1},"pageviews":{"value":1}}}""", body);

        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats/aggregate?site_id=example.org");
        wrongKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key + "x");
        using var denied = await http.SendAsync(wrongKey);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("Invalid API key or site ID. Please make sure you're using a valid API key with access to the site you've requested.",
            JsonDocument.Parse(await denied.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].Trim();
}
