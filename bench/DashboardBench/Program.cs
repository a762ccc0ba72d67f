using Candor.Bench.Dashboard;

// dotnet DashboardBench.dll generate DATA_DIR SITE EVENTS
// dotnet DashboardBench.dll measure BASE_URL SITE API_KEY RUNS
return args switch
{
    ["generate", var data, var site, var count] => await EventGenerator.RunAsync(data, site, long.Parse(count)),
    ["measure", var baseUrl, var site, var key, var runs] => await Measurement.RunAsync(baseUrl, site, key, int.Parse(runs)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DashboardBench generate DATA_DIR SITE EVENTS | measure BASE_URL SITE API_KEY RUNS");
    return 2;
}
