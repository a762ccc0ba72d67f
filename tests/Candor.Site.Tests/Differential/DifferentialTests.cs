using System.Text;
using Candor.Site.Tests.Markdown;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Candor.Site.Tests.Differential;

/// <summary>
/// Builds every fixture site under tests/fixtures/sites with real Jekyll and with Candor and compares
/// every output file: the same set of files, the same bytes for static files, the same text (after
/// <see cref="OutputNormalizer"/>) for rendered ones.
/// </summary>
public sealed class DifferentialTests : IClassFixture<DifferentialTests.CleanWorkspace>
{
    /// <summary>Removes the run's sources, Jekyll and Candor outputs once every fixture has been compared.</summary>
    public sealed class CleanWorkspace : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(JekyllReference.Workspace)) Directory.Delete(JekyllReference.Workspace, recursive: true);
        }
    }

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "sites")).Order())
            data.Add(Path.GetFileName(dir));
        return data;
    }

    private static readonly string[] Rendered = [".html", ".htm", ".xml", ".json", ".txt", ".css", ".js", ".md", ".htaccess", ".csv", ".atom"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Builds_the_same_site_as_Jekyll(string fixture)
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "sites", fixture);
        var flagsFile = Path.Combine(source, ".candor-test-flags");
        var flags = File.Exists(flagsFile) ? File.ReadAllText(flagsFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var expectedRoot = JekyllReference.Build(source, flags);
        var copy = JekyllReference.CopyFixture(source);
        var actualRoot = Path.Combine(JekyllReference.Workspace, "candor", fixture);
        new SiteBuilder(new BuildOptions { Source = copy, Destination = actualRoot, Drafts = flags.Contains("--drafts"), Future = flags.Contains("--future") }).Build();

        var expected = Files(expectedRoot);
        var actual = Files(actualRoot);
        var report = new StringBuilder();
        foreach (var missing in expected.Except(actual).Where(p => !Known(fixture, p)))
            report.AppendLine($"missing in Candor's output: {missing}");
        foreach (var extra in actual.Except(expected).Where(p => !Known(fixture, p)))
            report.AppendLine($"only in Candor's output: {extra}");
        foreach (var path in expected.Intersect(actual).Where(p => !Known(fixture, p)))
        {
            var e = Path.Combine(expectedRoot, path);
            var a = Path.Combine(actualRoot, path);
            if (Rendered.Contains(Path.GetExtension(path)) || Path.GetFileName(path) == ".htaccess")
            {
                var left = OutputNormalizer.Normalize(File.ReadAllText(e));
                var right = OutputNormalizer.Normalize(File.ReadAllText(a));
                foreach (var known in KnownDifferences.Lines.Where(l => l.Fixture == fixture && l.Path == path))
                    right = right.Replace(known.Candor, known.Jekyll, StringComparison.Ordinal);
                if (left != right) report.AppendLine($"--- {path} (- Jekyll, + Candor)").Append(Diff(left, right));
            }
            else if (!File.ReadAllBytes(e).AsSpan().SequenceEqual(File.ReadAllBytes(a)))
            {
                report.AppendLine($"binary file differs: {path}");
            }
        }
        Assert.True(report.Length == 0, $"{fixture}: Candor's output differs from Jekyll's\n{report}");
    }

    private static bool Known(string fixture, string path) => KnownDifferences.Files.ContainsKey((fixture, path));

    private static HashSet<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);

    /// <summary>Changed lines with two lines of context, at most 60 lines per file.</summary>
    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < lines.Count && shown < 60; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2)).Any(j => lines[j].Type != ChangeType.Unchanged);
            if (!near) continue;
            var prefix = lines[i].Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
            sb.Append(prefix).AppendLine(lines[i].Text);
            shown++;
        }
        return sb.ToString();
    }
}
