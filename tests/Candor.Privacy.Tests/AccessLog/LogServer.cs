using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Candor.Privacy.AccessLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Privacy.Tests.AccessLog;

/// <summary>A real Kestrel host on 127.0.0.1 (ephemeral port) whose only job is the access log and a fixed "hello".</summary>
sealed class LogServer : IAsyncDisposable
{
    public const string Body = "hello\n";

    LogServer(WebApplication app, Uri address, CapturedLogs logs)
    {
        App = app;
        Address = address;
        Logs = logs;
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public CapturedLogs Logs { get; }
    public AccessLogWriter Writer => App.Services.GetRequiredService<AccessLogWriter>();

    public static async Task<LogServer> StartAsync(AccessLogOptions options, TimeProvider time, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAccessLog(options);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAccessLog();
        app.Run(context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(Body);
        });
        await app.StartAsync();
        return new LogServer(app, new Uri(app.Urls.Single()), logs);
    }

    public HttpClient Client() => new() { BaseAddress = Address };

    /// <summary>Sends raw bytes on a fresh connection and returns whatever the server answers until it closes.</summary>
    public async Task<string> SendRawAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        // No half-close: Kestrel treats the client's FIN as an abort and may close the socket while the
        // pipeline (and so the access log) is still running. Every request here says Connection: close or
        // is rejected, so the server closes once it is completely done.
        using var response = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await stream.CopyToAsync(response, timeout.Token);
        }
        catch (IOException)
        {
            // Kestrel may reset the connection after a 400.
        }
        return Encoding.Latin1.GetString(response.ToArray());
    }

    public Task<string> SendRawAsync(string request) => SendRawAsync(Encoding.Latin1.GetBytes(request));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Log messages written through ILogger, for assertions.</summary>
sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    public IEnumerable<string> Messages(string categorySuffix, LogLevel level) =>
        Entries.Where(e => e.Category.EndsWith(categorySuffix, StringComparison.Ordinal) && e.Level == level).Select(e => e.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}

/// <summary>A temporary folder, deleted afterwards, and reading helpers for the log files in it.</summary>
sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "candor-accesslog-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(DateOnly day) => System.IO.Path.Combine(Path, AccessLogWriter.FileName(day));

    /// <summary>All lines of a log file, including #Fields headers.</summary>
    public string[] ReadAll(DateOnly day)
    {
        using var stream = new FileStream(File(day), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        Assert.EndsWith("\n", text);
        return text[..^1].Split('\n');
    }

    /// <summary>The log lines of a file (headers left out), split into their tab-separated columns.</summary>
    public string[][] Rows(DateOnly day) => [.. ReadAll(day).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t'))];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

static class TestClock
{
    /// <summary>A fake clock at the given UTC time.</summary>
    public static FakeTimeProvider At(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Polls (real time) until the condition holds or the timeout passes.</summary>
    public static async Task<bool> Eventually(Func<bool> condition, int milliseconds = 5000)
    {
        var deadline = Environment.TickCount64 + milliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (condition())
                return true;
            await Task.Delay(20);
        }
        return condition();
    }
}
