using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Candor.Bench.Dashboard;

/// <summary>
/// Times each dashboard page and Stats API call warm: two untimed requests, then RUNS timed ones in a row;
/// prints p50 and p95 in milliseconds. Every answer must be 200 (a failing call is not a fast call).
/// </summary>
internal static class Measurement
{
    public static async Task<int> RunAsync(string baseUrl, string site, string key, int runs)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var api = new AuthenticationHeaderValue("Bearer", key);
        const string top = "visitors,visits,pageviews,views_per_visit,bounce_rate,visit_duration";
        var v2 = $$$"""{"site_id":"{{{site}}}","metrics":["visitors","pageviews","bounce_rate"],"date_range":"30d","dimensions":["visit:source"],"order_by":[["visitors","desc"]],"pagination":{"limit":10}}""";
        (string Name, Func<HttpRequestMessage> Request)[] targets =
        [
            ("dashboard 30d (all panels)", () => Get($"/stats/{site}?period=30d")),
            ("dashboard 12mo (all panels)", () => Get($"/stats/{site}?period=12mo")),
            ("dashboard 30d, filtered source=Google", () => Get($"/stats/{site}?period=30d&f=visit:source==Google")),
            ("api aggregate 30d +compare", () => Get($"/api/v1/stats/aggregate?site_id={site}&period=30d&metrics={top}&compare=previous_period", api)),
            ("api timeseries 30d", () => Get($"/api/v1/stats/timeseries?site_id={site}&period=30d&metrics=visitors,pageviews", api)),
            ("api timeseries 12mo", () => Get($"/api/v1/stats/timeseries?site_id={site}&period=12mo&metrics=visitors,pageviews", api)),
            ("api breakdown page 30d", () => Get($"/api/v1/stats/breakdown?site_id={site}&period=30d&property=event:page&metrics=visitors,pageviews,bounce_rate", api)),
            ("api breakdown source 12mo", () => Get($"/api/v1/stats/breakdown?site_id={site}&period=12mo&property=visit:source&metrics=visitors,visits", api)),
            ("api breakdown country 30d", () => Get($"/api/v1/stats/breakdown?site_id={site}&period=30d&property=visit:country&metrics=visitors", api)),
            ("api realtime visitors", () => Get($"/api/v1/stats/realtime/visitors?site_id={site}", api)),
            ("api v2 query sources 30d", () => new HttpRequestMessage(HttpMethod.Post, "/api/v2/query") { Content = new StringContent(v2, Encoding.UTF8, "application/json"), Headers = { Authorization = api } }),
        ];
        Console.WriteLine($"{"call",-40} {"p50 ms",8} {"p95 ms",8} {"bytes",9}");
        var failed = false;
        foreach (var (name, request) in targets)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < runs + 2; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.SendAsync(request());
                var body = await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"{name,-40} HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)))}");
                    failed = true;
                    break;
                }
                bytes = body.Length;
                if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            if (times.Count == runs)
                Console.WriteLine($"{name,-40} {Percentile(times, 50),8:F1} {Percentile(times, 95),8:F1} {bytes,9:N0}");
        }
        return failed ? 1 : 0;
    }

    private static HttpRequestMessage Get(string path, AuthenticationHeaderValue? auth = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        return request;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
