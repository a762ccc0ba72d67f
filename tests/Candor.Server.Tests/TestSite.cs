namespace Candor.Server.Tests;

/// <summary>
/// A built site in a temporary folder: <c>ROOT/site</c> is served, and <c>ROOT/secret.txt</c> sits just
/// outside it so escapes can be detected by its content.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string Secret = "TOP-SECRET-OUTSIDE-THE-SITE";
    public const string NotFoundText = "Custom not-found page";

    public TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "candor-server-" + Guid.NewGuid().ToString("N"));
        Site = Path.Combine(Root, "site");
        Directory.CreateDirectory(Site);
        File.WriteAllText(Path.Combine(Root, "secret.txt"), Secret);
        Write("index.html", "<!doctype html><title>Home</title><p>Welcome home</p>");
        Write("about.html", "<!doctype html><title>About</title><p>About page</p>");
        Write("blog/index.html", "<!doctype html><title>Blog</title><p>Blog index</p>");
        Write("empty/readme.txt", "no index here");
        Write("404.html", $"<!doctype html><title>Missing</title><p>{NotFoundText}</p>");
        // Big enough that compressing it is worth it (the middleware compresses anything, but a test should look real).
        Write("style.css", string.Concat(Enumerable.Repeat("body { color: #333; margin: 0 auto; max-width: 40em; }\n", 200)));
        Write("app.0123abcd.js", "console.log('fingerprinted');");
        Write("app.js", "console.log('plain');");
        Write("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
        Write("data.json", "{\"a\":1}");
        Write("feed.xml", "<feed/>");
        Write("font.woff2", "wOF2");
        Write("thing.unknownext", "??");
        Write(".git/config", "[core]");
    }

    public string Root { get; }
    public string Site { get; }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Site, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
