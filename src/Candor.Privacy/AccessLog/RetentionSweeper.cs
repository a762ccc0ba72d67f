using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// Deletes expired access log files at start-up and then every hour, whether or not the site gets any
/// traffic (logrotate's <c>maxage</c> and Caddy's <c>roll_keep_for</c> act only when a file rotates, so a
/// quiet site keeps old logs forever). The file for UTC day D is deleted once D &lt; today − RetentionDays:
/// with 30 days, the file from 31 days ago goes and the one from 30 days ago stays. Each deletion is logged.
/// </summary>
public sealed class RetentionSweeper(AccessLogOptions options, TimeProvider time, ILogger<RetentionSweeper> logger) : BackgroundService
{
    /// <summary>Time between sweeps.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    PeriodicTimer? timer;

    /// <summary>The newest UTC day that is deleted when today is <paramref name="today"/>.</summary>
    public static DateOnly LastExpiredDay(DateOnly today, int retentionDays) => today.AddDays(-retentionDays - 1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Created before the host reports "started", so a clock moved right after start-up is not missed.
        timer = new PeriodicTimer(Interval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticks = timer ?? new PeriodicTimer(Interval, time);
        Sweep();
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
                Sweep();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every <c>access-YYYY-MM-DD.log</c> in the folder whose day has expired; returns their names.</summary>
    public IReadOnlyList<string> Sweep()
    {
        var deleted = new List<string>();
        if (!Directory.Exists(options.Folder))
            return deleted;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var lastExpired = LastExpiredDay(today, options.RetentionDays);
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(options.Folder, "access-*.log").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot list access logs in {Folder}: {Error}", options.Folder, ex.Message);
            return deleted;
        }
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (!TryParseDay(name, out var day) || day > lastExpired)
                continue;
            try
            {
                File.Delete(file);
                deleted.Add(name);
                logger.LogInformation("Deleted access log {File}: day {Day} is older than {RetentionDays} days", name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), options.RetentionDays);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError("Cannot delete expired access log {File}: {Error}", name, ex.Message);
            }
        }
        return deleted;
    }

    /// <summary>Reads the day out of <c>access-YYYY-MM-DD.log</c>; other names are not access logs.</summary>
    public static bool TryParseDay(string fileName, out DateOnly day)
    {
        day = default;
        return fileName.Length == "access-YYYY-MM-DD.log".Length
            && fileName.StartsWith("access-", StringComparison.Ordinal)
            && fileName.EndsWith(".log", StringComparison.Ordinal)
            && DateOnly.TryParseExact(fileName.AsSpan(7, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }
}
