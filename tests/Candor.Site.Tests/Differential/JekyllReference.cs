using System.Collections.Concurrent;
using System.Diagnostics;

namespace Candor.Site.Tests.Differential;

/// <summary>Builds a fixture with Debian's real Jekyll 4.3, once per test run.</summary>
internal static class JekyllReference
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Builds = new();

    /// <summary>Everything the differential tests write goes below this folder, removed after the run.</summary>
    public static readonly string Workspace = Path.Combine(Path.GetTempPath(), "candor-differential-" + Environment.ProcessId);

    public static string Build(string site, IReadOnlyList<string> flags) =>
        Builds.GetOrAdd(site, s => new Lazy<string>(() => Run(s, flags))).Value;

    private static string Run(string site, IReadOnlyList<string> flags)
    {
        var output = Path.Combine(Workspace, "jekyll", Path.GetFileName(site));
        var work = CopyFixture(site);
        var start = new ProcessStartInfo("jekyll") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "build", "-s", work, "-d", output }.Concat(flags)) start.ArgumentList.Add(a);
        start.Environment["JEKYLL_NO_BUNDLER_REQUIRE"] = "true";
        start.Environment["JEKYLL_ENV"] = "development";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("Debian's jekyll is needed for the differential tests: apt-get install jekyll ruby-jekyll-paginate ruby-jekyll-redirect-from (.ci/run does this)");
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"jekyll failed on {site}:\n{stdout.Result}\n{stderr}");
        return output;
    }

    /// <summary>
    /// Jekyll writes .jekyll-cache into the source; a copy keeps the checkout clean and lets the draft
    /// fixture's file-time date be the same for both tools (both build the same copy).
    /// </summary>
    public static string CopyFixture(string site)
    {
        var copies = Path.Combine(Workspace, "sources");
        var target = Path.Combine(copies, Path.GetFileName(site));
        lock (Builds)
        {
            if (Directory.Exists(target)) return target;
            foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(site, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
                File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(file));
            }
        }
        return target;
    }
}
