using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Candor.Site.Configuration;
using Candor.Site.Documents;
using Candor.Site.Ruby;

namespace Candor.Site.Converters.Sass;

/// <summary>
/// jekyll-sass-converter 2.2 for pages named <c>*.scss</c>/<c>*.sass</c> with front matter: their Liquid-rendered
/// text is compiled to CSS by Debian's <c>sassc</c> program, which runs the same libsass as the gem's
/// ruby-sassc, with the gem's defaults: <c>compact</c> style, no line comments, a source map (so the CSS ends
/// with its <c>sourceMappingURL</c> comment), imports from <c>sass.sass_dir</c> (default <c>_sass</c>) and
/// <c>sass.load_paths</c>.
/// </summary>
public sealed partial class SassConverter(SiteConfig config)
{
    private static readonly string[] Styles = ["nested", "expanded", "compact", "compressed"];

    public static bool Handles(string extension) => extension.Equals(".scss", StringComparison.OrdinalIgnoreCase) || extension.Equals(".sass", StringComparison.OrdinalIgnoreCase);

    private Dictionary<string, object?> Options => config.Values.GetValueOrDefault("sass") as Dictionary<string, object?> ?? new();

    /// <summary>Output style: <c>sass.style</c> when it is one libsass knows (a leading ':' allowed), else compact.</summary>
    internal string Style => Options.GetValueOrDefault("style") is { } s && Styles.Contains(RubyText.ToS(s).TrimStart(':')) ? RubyText.ToS(s).TrimStart(':') : "compact";

    private bool LineComments => Options.GetValueOrDefault("line_comments") is true;

    // :always by default; :development writes one only when JEKYLL_ENV is development; :never none.
    private bool SourceMap => (Options.GetValueOrDefault("sourcemap") is { } m ? RubyText.ToS(m).TrimStart(':') : "always") switch
    {
        "never" => false,
        "development" => (Environment.GetEnvironmentVariable("JEKYLL_ENV") ?? "development") == "development",
        _ => true,
    };

    /// <summary>Folders searched by <c>@import</c>, as the gem lists them: load_paths (globs), then sass_dir.</summary>
    internal IReadOnlyList<string> LoadPaths()
    {
        var paths = new List<string>();
        var configured = Options.GetValueOrDefault("load_paths") switch
        {
            List<object?> list => list.Where(x => x is not null).Select(RubyText.ToS).ToList(),
            null => [],
            var one => [RubyText.ToS(one)],
        };
        var sassDir = Options.GetValueOrDefault("sass_dir") is { } d && RubyText.ToS(d).Length > 0 ? RubyText.ToS(d) : "_sass";
        foreach (var path in configured.Append(sassDir))
        {
            var full = Path.GetFullPath(Path.Combine(config.Source, path));
            if (Directory.Exists(full) && !paths.Contains(full)) paths.Add(full);
        }
        return paths;
    }

    /// <summary>Compiles one page's rendered Sass; errors name the page (or the imported file) and line.</summary>
    public string Convert(string content, Document page)
    {
        var work = Directory.CreateTempSubdirectory("candor-sass-");
        try
        {
            // The page's own name, so the source map comment reads like the gem's ("style.css.map").
            var baseName = Path.GetFileNameWithoutExtension(page.RelativePath);
            var input = Path.Combine(work.FullName, baseName + Path.GetExtension(page.RelativePath).ToLowerInvariant());
            var output = Path.Combine(work.FullName, baseName + ".css");
            File.WriteAllText(input, content);
            var start = new ProcessStartInfo("sassc") { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("--style");
            start.ArgumentList.Add(Style);
            if (LineComments) start.ArgumentList.Add("--line-comments");
            if (SourceMap) start.ArgumentList.Add("--sourcemap=auto");
            if (Path.GetExtension(page.RelativePath).Equals(".sass", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add("--sass");
            // Relative imports resolve from the page's folder first, as libsass does with the gem's file name.
            var pageDir = Path.GetDirectoryName(Path.Combine(config.Source, page.RelativePath))!;
            foreach (var dir in LoadPaths().Prepend(pageDir))
            {
                start.ArgumentList.Add("--load-path");
                start.ArgumentList.Add(dir);
            }
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(output);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception)
            {
                throw new SiteException(page.RelativePath, null,
                    "compiling Sass needs the sassc program, which is not installed (Debian: apt-get install sassc)");
            }
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            _ = stdout.Result;
            if (process.ExitCode != 0) throw Error(stderr, page, input);
            var css = File.ReadAllText(output);
            // libsass may start non-ASCII output with a byte order mark; the gem removes it.
            return css.TrimStart('\uFEFF');
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private SiteException Error(string stderr, Document page, string input)
    {
        var message = stderr.Split('\n').FirstOrDefault(l => l.Length > 0)?.Trim() ?? "Sass error";
        if (message.StartsWith("Error: ", StringComparison.Ordinal)) message = message["Error: ".Length..];
        var where = Location().Match(stderr);
        if (!where.Success) return new SiteException(page.RelativePath, null, "Sass error: " + message);
        var line = int.Parse(where.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        // sassc names files relative to its working folder (ours).
        var file = where.Groups["file"].Value.Trim();
        var full = file == "stdin" ? input : Path.GetFullPath(file);
        if (full == input)
            return new SiteException(page.RelativePath, page.ContentLine + line - 1, "Sass error: " + message);
        // The error is in an imported file: name it relative to the site.
        var relative = full.StartsWith(config.Source, StringComparison.Ordinal) ? Path.GetRelativePath(config.Source, full).Replace('\\', '/') : file;
        return new SiteException(relative, line, $"Sass error (imported by {page.RelativePath}): {message}");
    }

    [GeneratedRegex(@"on line (?<line>\d+)(?::\d+)? of (?<file>[^\n]+)")]
    private static partial Regex Location();
}
