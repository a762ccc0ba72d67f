using Candor.Site;
using Spectre.Console;

namespace Candor.Cli.Commands;

/// <summary>Shows build progress (a bar on a terminal, nothing when redirected) and errors.</summary>
public static class BuildReporter
{
    public static BuildResult Build(SiteBuilder builder)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return builder.Build();
        BuildResult? result = null;
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("Reading");
            result = builder.Build(new Progress<BuildProgress>(p =>
            {
                task.Description = p.Stage;
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }));
        });
        return result!;
    }

    public static void PrintErrors(SiteBuildException e)
    {
        Console.Error.WriteLine($"Build failed with {e.Errors.Count} error(s); the destination was left as it was:");
        foreach (var error in e.Errors) Console.Error.WriteLine($"  {error}");
    }
}
