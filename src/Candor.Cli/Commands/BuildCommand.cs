using System.CommandLine;
using Candor.Server.Policy;
using Candor.Site;
using Spectre.Console;

namespace Candor.Cli.Commands;

/// <summary><c>candor build [SOURCE] [--destination DIR] [--future] [--drafts]</c></summary>
public static class BuildCommand
{
    public static readonly Argument<string> Source = new("source") { Description = "The site's source folder", DefaultValueFactory = _ => "." };
    public static readonly Option<string?> Destination = new("--destination", "-d") { Description = "Where to write the site (default: SOURCE/_site)" };
    public static readonly Option<bool> Future = new("--future") { Description = "Publish posts dated in the future" };
    public static readonly Option<bool> Drafts = new("--drafts", "-D") { Description = "Render posts from _drafts" };
    public static readonly Option<string[]> Config = new("--config") { Description = "Configuration files instead of _config.yml (comma-separated or repeated)" };
    private static readonly Option<bool> Verbose = new("--verbose", "-V") { Description = "Also print the time each build stage took" };

    public static Command Create()
    {
        var command = new Command("build", "Build the site into its destination folder") { Source, Destination, Future, Drafts, Config, Verbose };
        command.SetAction(result => Run(Options(result), result.GetValue(Verbose)));
        return command;
    }

    public static BuildOptions Options(ParseResult result) => new()
    {
        Source = Path.GetFullPath(result.GetValue(Source) ?? "."),
        Destination = result.GetValue(Destination),
        Future = result.GetValue(Future),
        Drafts = result.GetValue(Drafts),
        ConfigFiles = result.GetValue(Config) is { Length: > 0 } files ? files.SelectMany(f => f.Split(',')).ToList() : null,
    };

    /// <summary>Builds with a progress bar on a terminal; returns the process exit code.</summary>
    public static int Run(BuildOptions options, bool verbose = false)
    {
        if (!Directory.Exists(options.Source))
        {
            Console.Error.WriteLine($"error: source folder '{options.Source}' does not exist");
            return 2;
        }
        try
        {
            var result = BuildReporter.Build(new SiteBuilder(options, generatedPages: [new PrivacyPolicyPage()]));
            if (verbose)
                Console.WriteLine(string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0} ms")));
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {warning}");
            Console.WriteLine(result.Summary);
            return 0;
        }
        catch (SiteBuildException e)
        {
            BuildReporter.PrintErrors(e);
            return 1;
        }
    }
}
