using System.Diagnostics;
using System.Text;

namespace Candor.Cli.Tests;

/// <summary>Runs the real <c>candor</c> CLI (the candor.dll built next to this test assembly) as a child process.</summary>
internal sealed class CandorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CandorProcess(IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "candor.dll");
        Assert.True(File.Exists(dll), $"candor.dll not found next to the tests at {dll}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static CandorProcess Start(params string[] args) => new(args);

    /// <summary>Runs candor to completion (bounded) and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var candor = new CandorProcess(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await candor._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"candor {string.Join(' ', args)} did not finish within 90 s.\nstdout:\n{candor.Stdout}\nstderr:\n{candor.Stderr}");
        }
        candor._process.WaitForExit(); // flushes the asynchronous output readers
        return (candor.ExitCode, candor.Stdout, candor.Stderr);
    }

    /// <summary>Like <see cref="RunAsync"/>, with <paramref name="input"/> written to standard input (then closed).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithInputAsync(string input, params string[] args)
    {
        using var candor = new CandorProcess(args);
        await candor._process.StandardInput.WriteAsync(input);
        candor._process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await candor._process.WaitForExitAsync(timeout.Token);
        candor._process.WaitForExit();
        return (candor.ExitCode, candor.Stdout, candor.Stderr);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}

/// <summary>A throw-away site folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempSite : IDisposable
{
    public TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "candor-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Source = Path.Combine(Root, "site");
        Directory.CreateDirectory(Source);
    }

    public string Root { get; }
    public string Source { get; }

    public string At(string relative) => Path.Combine(Source, relative.Replace('/', Path.DirectorySeparatorChar));

    public TempSite Write(string relative, string text)
    {
        var path = At(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return this;
    }

    /// <summary>A small good site: a layout, an include, pages, a 404 page, a post, a draft, a future post and a static file.</summary>
    public static TempSite Good() => new TempSite()
        .Write("_config.yml", "title: CLI Test Site\npermalink: /blog/:year/:title:output_ext\n")
        .Write("_layouts/default.html", "<!DOCTYPE html>\n<html><head><title>{{ page.title }} | {{ site.title }}</title></head>\n<body>{% include nav.html %}\n<main>{{ content }}</main></body></html>\n")
        .Write("_includes/nav.html", "<nav><a href=\"/\">Home</a></nav>")
        .Write("index.md", "---\nlayout: default\ntitle: Home\n---\n# Welcome home\n\n{% for post in site.posts %}- [{{ post.title }}]({{ post.url }})\n{% endfor %}\n")
        .Write("about.md", "---\nlayout: default\ntitle: About\n---\nAbout this site: original text.\n")
        .Write("404.html", "---\nlayout: default\ntitle: Not found\n---\n<h1>Custom not-found page</h1>\n")
        .Write("_posts/2020-01-02-hello.md", "---\nlayout: default\ntitle: Hello\n---\nThe first post.\n")
        .Write("_posts/2099-01-01-from-the-future.md", "---\nlayout: default\ntitle: Future\n---\nNot yet.\n")
        .Write("_drafts/work-in-progress.md", "---\nlayout: default\ntitle: Draft\ndate: 2020-06-01\n---\nA draft.\n")
        .Write("assets/site.css", "body { margin: 0 }\n");

    /// <summary>Every file under <paramref name="folder"/>: relative path → contents.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
