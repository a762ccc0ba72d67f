using System.CommandLine;
using Candor.Site;
using Candor.Site.Previews;

namespace Candor.Cli.Commands;

/// <summary>
/// <c>candor previews fetch [SOURCE] [--config FILES]</c>: renders the site in memory to learn which videos it
/// shows, then downloads the previews it lacks into <c>SOURCE/assets/previews/</c>. Exits 1 if any failed.
/// </summary>
public static class PreviewsCommand
{
    /// <summary>Per request: a stalled image server must not hang the command.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var fetch = new Command("fetch", "Download the missing YouTube previews into SOURCE/assets/previews/") { BuildCommand.Source, BuildCommand.Config };
        fetch.SetAction((result, cancel) => Fetch(BuildCommand.Options(result), cancel));
        return new Command("previews", "Video preview images kept in the site") { fetch };
    }

    private static async Task<int> Fetch(BuildOptions options, CancellationToken cancel)
    {
        if (!Directory.Exists(options.Source))
        {
            Console.Error.WriteLine($"error: source folder '{options.Source}' does not exist");
            return 2;
        }
        IReadOnlyList<string> ids;
        PreviewUrlTemplate urls;
        try
        {
            var builder = new SiteBuilder(options);
            urls = PreviewUrlTemplate.From(builder.LoadConfig().Values);
            // The build knows the ids, however a page spells them (literal, variable, include); nothing is written.
            ids = builder.Render().VideoIds;
        }
        catch (SiteBuildException e)
        {
            BuildReporter.PrintErrors(e);
            return 1;
        }
        catch (SiteException e)
        {
            Console.Error.WriteLine($"error: {e.ToError()}");
            return 2;
        }
        using var http = new HttpClient { Timeout = Timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("candor-previews/1");
        var results = await new PreviewFetcher(http, urls).FetchMissingAsync(options.Source, ids, cancel);
        foreach (var result in results)
            (result.Status == PreviewStatus.Failed ? Console.Error : Console.Out).WriteLine(result);
        var failed = results.Count(r => r.Status == PreviewStatus.Failed);
        Console.WriteLine($"{results.Count} video(s): {results.Count(r => r.Status == PreviewStatus.Fetched)} fetched, " +
                          $"{results.Count(r => r.Status == PreviewStatus.AlreadyThere)} already there, {failed} failed");
        return failed > 0 ? 1 : 0;
    }
}
