using Candor.Privacy.AccessLog;
using Candor.Server.Configuration;
using Candor.Site;

namespace Candor.Server.Tests;

/// <summary>The access log as <c>candor serve</c> runs it: through <see cref="SiteServer"/>, behind the proxy step.</summary>
public sealed class AccessLogWiringTests
{
    [Fact]
    public async Task Page_views_are_logged_with_the_five_policy_fields_and_the_forwarded_client()
    {
        using var site = new TestSite();
        var logs = Path.Combine(site.Root, "logs");
        await using (var server = await RunningServer.Start(new SiteServerOptions
        {
            SiteRoot = site.Site,
            TrustedProxies = ["127.0.0.1"],
            AccessLog = new AccessLogOptions { Folder = logs },
        }))
        {
            using var client = server.Client();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/about?secret=1");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            request.Headers.Referrer = new Uri("https://news.example/item");
            request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
            Assert.Equal(400, (await RawHttp.Send(server.Base, "/%2e%2e/secret.txt", "")).Status);
        }

        var lines = File.ReadAllLines(Directory.GetFiles(logs, "access-*.log").Single()).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(2, lines.Count);
        // Lines are written after each response, so the two requests may be logged in either order.
        var columns = lines.Single(l => l.Contains("news.example", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(5, columns.Length);
        Assert.Equal("203.0.113.9", columns[1]);
        Assert.StartsWith("Firefox 133", columns[2]);
        Assert.StartsWith("Windows", columns[3]);
        Assert.Equal("https://news.example/item", columns[4]);
        var all = string.Join("\n", lines);
        Assert.DoesNotContain("about", all);
        Assert.DoesNotContain("secret", all);
        Assert.DoesNotContain("Gecko", all);
    }

    [Fact]
    public void The_configuration_sets_folder_retention_fields_and_masking_or_turns_the_log_off()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "_config.yml"), """
            candor:
              server:
                access_log:
                  folder: var/log
                  retention_days: 7
                  fields: [time, ip, path, status]
                  mask_ip: true
            """);
        var config = new SiteBuilder(new BuildOptions { Source = site.Root }).LoadConfig();
        var log = ServerConfigSection.Apply(new SiteServerOptions { SiteRoot = site.Site }, config.Values, "/srv/site").AccessLog!;
        Assert.Equal("/srv/site/var/log", log.Folder);
        Assert.Equal(7, log.RetentionDays);
        Assert.Equal(AccessLogFields.Time | AccessLogFields.ClientIp | AccessLogFields.Path | AccessLogFields.Status, log.Fields);
        Assert.True(log.MaskIp);

        File.WriteAllText(Path.Combine(site.Root, "_config.yml"), "candor:\n  server:\n    access_log: false\n");
        var off = new SiteBuilder(new BuildOptions { Source = site.Root }).LoadConfig();
        var defaults = new SiteServerOptions { SiteRoot = site.Site, AccessLog = new AccessLogOptions { Folder = "x" } };
        Assert.Null(ServerConfigSection.Apply(defaults, off.Values, "/srv/site").AccessLog);

        File.WriteAllText(Path.Combine(site.Root, "_config.yml"), "candor:\n  server:\n    access_log:\n      fields: [time, cookies]\n");
        var bad = new SiteBuilder(new BuildOptions { Source = site.Root }).LoadConfig();
        var error = Assert.Throws<ServerConfigException>(() => ServerConfigSection.Apply(defaults, bad.Values, "/srv/site"));
        Assert.Contains("cookies", error.Message);
    }
}
