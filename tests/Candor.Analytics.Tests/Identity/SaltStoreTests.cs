using Candor.Analytics.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Identity;

public sealed class SaltStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "candor-salts-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string[] Files() => [.. Directory.GetFiles(_dir).Select(Path.GetFileName).Order()!];

    [Fact]
    public void A_day_has_one_persisted_16_byte_salt_that_survives_a_restart()
    {
        byte[] first;
        using (var store = new SaltStore(_dir, _time)) first = store.Current().Today;
        Assert.Equal(16, first.Length);
        Assert.Equal(["2026-03-10.salt"], Files());
        using var again = new SaltStore(_dir, _time);
        Assert.Equal(first, again.Current().Today);
        Assert.Null(again.Current().Previous);
    }

    [Fact]
    public void After_midnight_a_new_salt_is_used_and_the_old_one_kept_only_for_the_session_window()
    {
        using var store = new SaltStore(_dir, _time);
        var monday = store.Current().Today;

        _time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 10, 0, TimeSpan.Zero));
        var salts = store.Current();
        Assert.NotEqual(monday, salts.Today);
        Assert.Equal(monday, salts.Previous);
        Assert.Equal(["2026-03-10.salt", "2026-03-11.salt"], Files());

        // The timer deletes yesterday's salt at 00:30 even if no event asks for a salt.
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero));
        Assert.Equal(["2026-03-11.salt"], Files());
        Assert.Null(store.Current().Previous);
    }

    [Fact]
    public void A_quiet_server_still_deletes_salts_on_schedule()
    {
        using var store = new SaltStore(_dir, _time);
        // Three days pass with no event at all: only the timer runs.
        _time.Advance(TimeSpan.FromDays(3));
        Assert.Single(Files());
        Assert.True(Files()[0].CompareTo("2026-03-12.salt") >= 0);
    }

    [Fact]
    public void Stale_salts_left_by_an_earlier_run_are_deleted_at_start()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllBytes(Path.Combine(_dir, "2026-03-01.salt"), new byte[16]);
        File.WriteAllBytes(Path.Combine(_dir, "2026-03-09.salt"), new byte[16]);
        using var store = new SaltStore(_dir, _time);
        Assert.Equal(["2026-03-10.salt"], Files());
    }
}
