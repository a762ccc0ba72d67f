using System.CommandLine;
using Candor.Analytics.Dashboard;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Query;
using Candor.Analytics.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Candor.Cli.Commands;

/// <summary>
/// <c>candor export --site DOMAIN [--period 30d] [SOURCE] [--data DIR] -o FILE.zip</c>: every dashboard panel as CSV
/// in one zip, with exact figures (this is the owner, at the server's console; k-anonymity is for public views).
/// </summary>
public static class ExportCommand
{
    private static readonly Option<string> Site = new("--site") { Description = "The analytics site (domain) to export", Required = true };
    private static readonly Option<string> Period = new("--period") { Description = "realtime, day, 7d, 28d, 30d, 91d, month, 6mo, 12mo, year or all", DefaultValueFactory = _ => DashboardState.DefaultPeriod };
    private static readonly Option<string> Output = new("--output", "-o") { Description = "The zip file to write", Required = true };

    public static Command Create()
    {
        var command = new Command("export", "Export every dashboard panel as CSV files in a zip (exact figures)") { Site, Period, BuildCommand.Source, DataFolder.Option, Output };
        command.SetAction((result, cancel) => RunAsync(result, cancel));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancel)
    {
        var site = AnalyticsOptions.NormaliseSite(result.GetValue(Site)!);
        var data = DataFolder.Of(result);
        var storePath = Path.Combine(data, "analytics.duckdb");
        if (!File.Exists(storePath))
        {
            Console.Error.WriteLine($"error: there is no analytics store at {storePath} (give the site's folder or --data DIR)");
            return 2;
        }
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["period"] = result.GetValue(Period) });
        var state = DashboardState.Parse(query, "", null, onlyIsFilters: false);
        if (state.Problems.Count > 0 || state.Period == "custom")
        {
            Console.Error.WriteLine($"error: --period: {(state.Problems.Count > 0 ? state.Problems[0] : "custom needs dates; choose a named period")}");
            return 2;
        }
        var output = Path.GetFullPath(result.GetValue(Output)!);
        try
        {
            await using var store = DuckDbEventStore.Open(storePath);
            var engine = new StatsEngine(store, TimeProvider.System);
            var period = await DashboardPeriod.ResolveAsync(state, DateTime.UtcNow, engine, site, cancel);
            var request = new DashboardLoader.Request
            {
                Site = site, State = state, Privacy = KAnonymity.Exact, Range = period.Range, Interval = period.Interval,
            };
            var temporary = output + ".tmp";
            await using (var file = File.Create(temporary))
                await new CsvExport(engine).WriteAsync(request, [], file, cancel);
            File.Move(temporary, output, overwrite: true);
            Console.WriteLine($"Exported {site} ({DashboardPage.Names(state.Period)}) to {output}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
