using Candor.Privacy.AccessLog;
using Microsoft.Extensions.Logging;

namespace Candor.Privacy.Tests.AccessLog;

/// <summary>The sweeper on a real server that receives no requests at all; only the fake clock moves.</summary>
public class RetentionTests
{
    static void CreateLog(TempFolder folder, DateOnly day) => File.WriteAllText(folder.File(day), "#Fields: time\n");

    [Fact]
    public async Task At_start_up_a_31_day_old_file_is_deleted_and_a_30_day_old_file_kept()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29, 10, 0);
        var today = time.Today();
        foreach (var age in new[] { 0, 1, 29, 30, 31, 32, 400 })
            CreateLog(folder, today.AddDays(-age));
        File.WriteAllText(Path.Combine(folder.Path, "access-notes.log"), "not a daily log");
        File.WriteAllText(Path.Combine(folder.Path, "other-2020-01-01.log"), "not ours");

        await using var server = await LogServer.StartAsync(new AccessLogOptions { Folder = folder.Path }, time);

        Assert.True(await TestClock.Eventually(() => !File.Exists(folder.File(today.AddDays(-31)))));
        Assert.True(await TestClock.Eventually(() => !File.Exists(folder.File(today.AddDays(-400)))));
        Assert.False(File.Exists(folder.File(today.AddDays(-32))));
        foreach (var age in new[] { 0, 1, 29, 30 })
            Assert.True(File.Exists(folder.File(today.AddDays(-age))), $"{age} days old");
        Assert.True(File.Exists(Path.Combine(folder.Path, "access-notes.log")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "other-2020-01-01.log")));
        IEnumerable<string> Deletions() => server.Logs.Messages(nameof(RetentionSweeper), LogLevel.Information);
        Assert.True(await TestClock.Eventually(() => Deletions().Count() == 3), string.Join("\n", Deletions()));
        var deletions = Deletions().ToList();
        Assert.Contains(deletions, m => m.Contains("access-2026-10-29.log") && m.Contains("30 days"));
    }

    [Fact]
    public async Task On_a_quiet_server_a_file_is_deleted_within_the_hour_after_it_turns_31_days_old()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29, 23, 30);
        var thirtyDaysAgo = time.Today().AddDays(-30);      // 2026-10-30: kept today, expires at midnight
        var twentyNineDaysAgo = time.Today().AddDays(-29);
        CreateLog(folder, thirtyDaysAgo);
        CreateLog(folder, twentyNineDaysAgo);

        await using var server = await LogServer.StartAsync(new AccessLogOptions { Folder = folder.Path }, time);
        await Task.Delay(300); // let the start-up sweep run: nothing has expired yet
        Assert.True(File.Exists(folder.File(thirtyDaysAgo)));

        time.Advance(TimeSpan.FromMinutes(59)); // 00:29 the next day: the file is now 31 days old...
        await Task.Delay(200);
        Assert.True(File.Exists(folder.File(thirtyDaysAgo))); // ...and the hourly sweep has not come round yet
        time.Advance(TimeSpan.FromMinutes(1)); // 00:30: the hourly sweep, within the hour after expiry
        Assert.True(await TestClock.Eventually(() => !File.Exists(folder.File(thirtyDaysAgo))), "31-day-old file still there an hour after it expired");
        Assert.True(File.Exists(folder.File(twentyNineDaysAgo))); // now exactly 30 days old: kept
        Assert.True(await TestClock.Eventually(() => server.Logs.Messages(nameof(RetentionSweeper), LogLevel.Information).Any(m => m.Contains("access-2026-10-30.log"))));

        time.Advance(TimeSpan.FromDays(1)); // a day later it goes too (PeriodicTimer ticks once per Advance)
        Assert.True(await TestClock.Eventually(() => !File.Exists(folder.File(twentyNineDaysAgo))));
    }

    [Theory]
    [InlineData(30, "2026-10-29", true)]
    [InlineData(30, "2026-10-30", false)]
    [InlineData(7, "2026-11-21", true)]
    [InlineData(7, "2026-11-22", false)]
    [InlineData(1, "2026-11-27", true)]
    [InlineData(1, "2026-11-28", false)]
    public void Retention_rule(int retentionDays, string day, bool deleted) =>
        Assert.Equal(deleted, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) <= RetentionSweeper.LastExpiredDay(new DateOnly(2026, 11, 29), retentionDays));

    [Theory]
    [InlineData("access-2026-11-29.log", true)]
    [InlineData("access-2026-13-29.log", false)]
    [InlineData("access-2026-11-29.log.gz", false)]
    [InlineData("xaccess-2026-11-29.log", false)]
    [InlineData("access-26-11-29.log", false)]
    public void Only_daily_log_names_are_recognised(string name, bool recognised) =>
        Assert.Equal(recognised, RetentionSweeper.TryParseDay(name, out _));
}
