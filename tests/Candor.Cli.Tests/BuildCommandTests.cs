using System.Text.RegularExpressions;

namespace Candor.Cli.Tests;

/// <summary>Runs <c>candor build</c> as a process on small temporary sites.</summary>
public sealed partial class BuildCommandTests
{
    [GeneratedRegex(@"^Built (\d+) pages and copied (\d+) files into .+ in \d+(\.\d+)? s$")]
    private static partial Regex SummaryLine();

    [Fact]
    public async Task GoodBuildExitsZeroAndPrintsOneSummaryLine()
    {
        using var site = TempSite.Good();
        var (code, stdout, stderr) = await CandorProcess.RunAsync("build", site.Source);

        Assert.True(code == 0, $"exit code {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        var match = SummaryLine().Match(line);
        Assert.True(match.Success, $"unexpected summary line: {line}");
        Assert.Equal(4, int.Parse(match.Groups[1].Value)); // index, about, 404, one past post
        Assert.Equal(1, int.Parse(match.Groups[2].Value)); // assets/site.css
        Assert.Equal("", stderr.Trim());

        var output = Path.Combine(site.Source, "_site");
        Assert.Contains("Welcome home", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Contains("<nav>", File.ReadAllText(Path.Combine(output, "about.html")));
        Assert.True(File.Exists(Path.Combine(output, "blog", "2020", "hello.html")));
        Assert.True(File.Exists(Path.Combine(output, "assets", "site.css")));
        Assert.False(Directory.Exists(Path.Combine(output, "blog", "2099")), "future post was published without --future");
        Assert.DoesNotContain("work-in-progress", string.Join("\n", Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)));
    }

    [Fact]
    public async Task DestinationAndFutureAreHonoured()
    {
        using var site = TempSite.Good();
        var destination = Path.Combine(site.Root, "elsewhere", "out");
        var (code, stdout, stderr) = await CandorProcess.RunAsync("build", site.Source, "--destination", destination, "--future");

        Assert.True(code == 0, $"exit code {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains(destination, stdout);
        Assert.False(Directory.Exists(Path.Combine(site.Source, "_site")), "wrote into SOURCE/_site despite --destination");
        Assert.True(File.Exists(Path.Combine(destination, "index.html")));
        Assert.True(File.Exists(Path.Combine(destination, "blog", "2020", "hello.html")));
        Assert.True(File.Exists(Path.Combine(destination, "blog", "2099", "from-the-future.html")), "--future did not publish the future post");
        Assert.Contains("Future", File.ReadAllText(Path.Combine(destination, "index.html")));
        Assert.DoesNotContain("work-in-progress", string.Join("\n", Directory.EnumerateFiles(destination, "*", SearchOption.AllDirectories)));
    }

    [Fact]
    public async Task DraftsAreRenderedWithDrafts()
    {
        using var site = TempSite.Good();
        var destination = Path.Combine(site.Root, "out");
        var (code, stdout, stderr) = await CandorProcess.RunAsync("build", site.Source, "-d", destination, "--drafts");

        Assert.True(code == 0, $"exit code {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.True(File.Exists(Path.Combine(destination, "blog", "2020", "work-in-progress.html")), "--drafts did not render the draft");
        Assert.Contains("Draft", File.ReadAllText(Path.Combine(destination, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(destination, "blog", "2099")), "future post was published without --future");
    }

    [Fact]
    public async Task FailedBuildReportsEveryErrorAndLeavesTheDestinationUntouched()
    {
        using var site = TempSite.Good();
        var destination = Path.Combine(site.Root, "out");
        var first = await CandorProcess.RunAsync("build", site.Source, "-d", destination);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var before = TempSite.Snapshot(destination);
        Assert.NotEmpty(before);

        site.Write("broken-yaml.md", "---\ntitle: Broken\n  tags: badly indented\nlayout: default\n---\nBody.\n")
            .Write("unknown-layout.md", "---\nlayout: no-such-layout\ntitle: Lost\n---\nBody.\n")
            .Write("missing-include.md", "---\nlayout: default\n---\nLine one.\n\n{% include no-such-include.html %}\n")
            .Write("bad-liquid.md", "---\nlayout: default\n---\nFine.\n\n{% if page.title %}never closed\n")
            .Write("about.md", "---\nlayout: default\ntitle: About\n---\nChanged text that must not be written.\n");

        var (code, stdout, stderr) = await CandorProcess.RunAsync("build", site.Source, "-d", destination);
        var all = stdout + stderr;

        Assert.True(code != 0, $"a broken site built with exit code 0:\n{all}");
        var errorLines = stderr.Split('\n', StringSplitOptions.TrimEntries);
        foreach (var file in new[] { "broken-yaml.md", "unknown-layout.md", "missing-include.md", "bad-liquid.md" })
            Assert.True(errorLines.Any(l => l.StartsWith(file + ":", StringComparison.Ordinal)), $"no error line for {file}:\n{stderr}");
        Assert.Contains("no-such-layout", stderr);
        Assert.Contains("no-such-include.html", stderr);
        // Line numbers where the error is in a known place (lines counted in the whole file).
        Assert.True(errorLines.Any(l => l.StartsWith("broken-yaml.md:3:", StringComparison.Ordinal)), $"YAML error not located at line 3:\n{stderr}");
        Assert.True(errorLines.Any(l => l.StartsWith("missing-include.md:6:", StringComparison.Ordinal)), $"missing include not located at line 6:\n{stderr}");

        var after = TempSite.Snapshot(destination);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed after a failed build");
    }

    [Fact]
    public async Task UnclosedFlowSequenceInFrontMatterIsAnErrorNotACrash()
    {
        using var site = TempSite.Good();
        site.Write("tags.md", "---\ntitle: Tags\ntags: [one, two\nlayout: default\n---\nBody.\n");
        var (code, _, stderr) = await CandorProcess.RunAsync("build", site.Source);

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.Contains("tags.md:", stderr);
    }

    [Fact]
    public async Task MissingSourceFolderFails()
    {
        using var site = new TempSite();
        var (code, _, stderr) = await CandorProcess.RunAsync("build", Path.Combine(site.Root, "does-not-exist"));
        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", stderr);
    }
}
