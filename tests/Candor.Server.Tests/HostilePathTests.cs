using System.Net;

namespace Candor.Server.Tests;

/// <summary>Requests written byte for byte, because HttpClient would clean these paths up before sending.</summary>
public sealed class HostilePathTests
{
    public static TheoryData<string> Targets => new()
    {
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/blog/..%2F..%2Fsecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/blog%5c..%5c..%5csecret.txt",
        "/%00",
        "/index.html%00.txt",
        "/about%01",
        "/a%0d%0aSet-Cookie:%20x=1",
        "/%252e%252e/secret.txt",
        "/%252fsecret.txt",
        "/./index.html",
        "http://127.0.0.1/%2e%2e/secret.txt", // absolute form
        "/" + new string('a', 2100),
        "/x/" + string.Concat(Enumerable.Repeat("%61", 700)),
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task AreRejectedWith400BeforeTouchingTheDisk(string target)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        var response = await RawHttp.Send(server.Base, target);
        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(TestSite.Secret, response.Body);
        Assert.DoesNotContain("Set-Cookie", response.Head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OrdinaryOddPathsStillWork()
    {
        using var site = new TestSite();
        site.Write("with space.html", "spaced");
        site.Write("ünï.html", "unicode");
        site.Write("v1.2.html", "dotted");
        await using var server = await RunningServer.Start(site);
        Assert.Equal(200, (await RawHttp.Send(server.Base, "/with%20space.html")).Status);
        Assert.Equal(200, (await RawHttp.Send(server.Base, "/%C3%BCn%C3%AF")).Status);
        Assert.Equal(200, (await RawHttp.Send(server.Base, "/v1.2")).Status);
        Assert.Equal(200, (await RawHttp.Send(server.Base, "/about?x=../../y")).Status);
        Assert.Equal(404, (await RawHttp.Send(server.Base, "/" + new string('a', 300))).Status); // a name too long for the file system
    }

    [Fact]
    public async Task DoesNotFollowSymlinksOutOfTheSite()
    {
        using var site = new TestSite();
        File.CreateSymbolicLink(Path.Combine(site.Site, "leak.txt"), Path.Combine(site.Root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(site.Site, "up"), site.Root);
        File.CreateSymbolicLink(Path.Combine(site.Site, "inside.html"), Path.Combine(site.Site, "about.html"));
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();

        foreach (var path in new[] { "/leak.txt", "/up/secret.txt", "/up/" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(TestSite.Secret, await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("About page", await http.GetStringAsync("/inside.html"));
    }

    [Fact]
    public async Task ASiteFolderThatIsItselfALinkIsServed()
    {
        using var site = new TestSite();
        var link = Path.Combine(site.Root, "current");
        Directory.CreateSymbolicLink(link, site.Site);
        await using var server = await RunningServer.Start(new SiteServerOptions { SiteRoot = link });
        using var http = server.Client();
        Assert.Contains("Welcome home", await http.GetStringAsync("/"));
    }
}
