using System.Net;
using System.Xml.Linq;

namespace Candor.GitHub.Tests;

/// <summary>The key ring outlives the process (logins survive a restart) and rotates on its own.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task LoginSurvivesARestartWithTheSameKeyFolder()
    {
        await using var fake = await FakeGitHub.Start();
        var root = Path.Combine(Path.GetTempPath(), "candor-github-restart-" + Guid.NewGuid().ToString("N"));
        string cookie;
        await using (var first = await ProxyHost.Start(fake, root: root))
        {
            using var b = new Browserless(first.Url);
            await b.LogIn();
            cookie = b.Cookies[TokenCookie.Name];
        }
        await using var second = await ProxyHost.Start(fake, root: root);
        using var again = new Browserless(second.Url);
        again.Cookies[TokenCookie.Name] = cookie;
        Assert.Equal(HttpStatusCode.OK, (await again.Get("/proxy/user")).StatusCode);

        var keys = Directory.GetFiles(Path.Combine(root, "keys"), "key-*.xml");
        var key = XDocument.Load(Assert.Single(keys)).Root!;
        var lifetime = DateTimeOffset.Parse(key.Element("expirationDate")!.Value) - DateTimeOffset.Parse(key.Element("activationDate")!.Value);
        Assert.InRange(lifetime.TotalDays, 29.9, 30.1); // rotated monthly (Data Protection's default is 90 days)
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(root, "keys")));
        Directory.Delete(root, recursive: true);
    }
}
