using System.Net;
using Candor.Privacy.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candor.Privacy.Tests.Cookies;

public sealed class CookieInventoryCheckTests
{
    private static readonly CookieDeclaration Declared = new("declared", "a test cookie", TimeSpan.FromHours(1), "testing");
    private static readonly CookieDeclaration Share = new("candor-share-<domain>", "share", TimeSpan.FromDays(30), "testing");

    [Fact]
    public void Declarations_match_exact_names_and_trailing_placeholders()
    {
        Assert.True(Declared.Matches("declared"));
        Assert.False(Declared.Matches("declared2"));
        Assert.True(Share.Matches("candor-share-example.org"));
        Assert.False(Share.Matches("candor-share-"));
        Assert.False(Share.Matches("candor-shared"));
        Assert.Equal("2 years", new CookieDeclaration("x", "x", TimeSpan.FromDays(730), "x").LifetimeText);
        Assert.Equal("10 minutes", new CookieDeclaration("x", "x", TimeSpan.FromMinutes(10), "x").LifetimeText);
        Assert.Equal("1 hour", Declared.LifetimeText);
    }

    [Fact]
    public async Task In_development_an_undeclared_cookie_fails_the_response()
    {
        await using var app = await Start("Development");
        using var http = Client(app);
        var declared = await http.GetAsync("/declared");
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.StartsWith("declared=1", declared.Headers.GetValues("Set-Cookie").Single());
        Assert.Equal("candor-share-example.org=1; path=/", (await http.GetAsync("/share")).Headers.GetValues("Set-Cookie").Single());
        var rogue = await http.GetAsync("/rogue");
        Assert.Equal(HttpStatusCode.InternalServerError, rogue.StatusCode);
        Assert.False(rogue.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task In_production_an_undeclared_cookie_is_removed_and_logged_once()
    {
        var logs = new List<string>();
        await using var app = await Start("Production", logs);
        using var http = Client(app);
        for (var i = 0; i < 3; i++)
        {
            var rogue = await http.GetAsync("/rogue");
            Assert.Equal(HttpStatusCode.OK, rogue.StatusCode);
            Assert.Equal(["declared=1; path=/"], rogue.Headers.GetValues("Set-Cookie"));
        }
        lock (logs) Assert.Single(logs, l => l.Contains("rogue", StringComparison.Ordinal));
    }

    private static async Task<WebApplication> Start(string environment, List<string>? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(new ListLoggerProvider(logs));
        builder.Services.DeclareCookies([Declared, Share]);
        var app = builder.Build();
        app.UseCookieInventoryCheck();
        app.MapGet("/declared", (HttpResponse r) => { r.Cookies.Append("declared", "1"); return "ok"; });
        app.MapGet("/share", (HttpResponse r) => { r.Cookies.Append("candor-share-example.org", "1"); return "ok"; });
        app.MapGet("/rogue", (HttpResponse r) => { r.Cookies.Append("declared", "1"); r.Cookies.Append("rogue", "1"); return "ok"; });
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private sealed class ListLoggerProvider(List<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);
        public void Dispose() { }
    }

    private sealed class ListLogger(List<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (logs) logs.Add(formatter(state, exception));
        }
    }
}
