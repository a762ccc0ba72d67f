using System.Globalization;
using System.Security.Cryptography;

namespace Candor.Analytics.Identity;

/// <summary>The salts a visitor id may be computed with right now.</summary>
/// <param name="Today">Today's (UTC) salt: new visitor ids use it.</param>
/// <param name="Previous">Yesterday's salt, only during the first session window after midnight, so a session
/// that started before midnight keeps its visitor; null otherwise.</param>
public sealed record DailySalts(byte[] Today, byte[]? Previous);

/// <summary>
/// One random 16-byte salt per UTC day, kept in a folder so a restart does not split a day's visitors.
/// Privacy invariant 2: yesterday's salt is deleted as soon as the session window after midnight has
/// passed (a timer does it even when no event arrives), so no salt outlives a day plus 30 minutes, and a
/// visitor id cannot be recomputed afterwards.
/// </summary>
public sealed class SaltStore : IDisposable
{
    public const int SaltSize = SipHash.KeySize;
    private const string Extension = ".salt";

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sessionWindow;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private DateOnly _day;
    private DailySalts? _salts;

    public SaltStore(string directory, TimeProvider time, TimeSpan? sessionWindow = null)
    {
        _directory = directory;
        _time = time;
        _sessionWindow = sessionWindow ?? SessionTracker.DefaultWindow;
        Directory.CreateDirectory(directory);
        _timer = time.CreateTimer(_ => Refresh(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Refresh();
    }

    public string DirectoryPath => _directory;

    public DailySalts Current()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_salts is null || DateOnly.FromDateTime(now.UtcDateTime) != _day || (_salts.Previous is not null && now >= WindowEnd(_day)))
                Refresh(now);
            return _salts!;
        }
    }

    /// <summary>Makes sure today's salt exists, deletes every salt no session can need, and arms the timer for the next deletion.</summary>
    private void Refresh() => Refresh(_time.GetUtcNow());

    private void Refresh(DateTimeOffset now)
    {
        lock (_lock)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var keepPrevious = now < WindowEnd(today);
            var yesterday = today.AddDays(-1);
            foreach (var file in Directory.EnumerateFiles(_directory, "*" + Extension))
            {
                var day = DayOf(file);
                if (day == today || (keepPrevious && day == yesterday)) continue;
                File.Delete(file);
            }
            var todaySalt = ReadOrCreate(today);
            var previousSalt = keepPrevious ? Read(yesterday) : null;
            _day = today;
            _salts = new DailySalts(todaySalt, previousSalt);

            // Next time something must be deleted: the end of today's window if yesterday's salt is still
            // here, else the end of tomorrow's (when today's salt becomes the stale one).
            var next = keepPrevious ? WindowEnd(today) : WindowEnd(today.AddDays(1));
            _timer.Change(next - now, Timeout.InfiniteTimeSpan);
        }
    }

    private DateTimeOffset WindowEnd(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + _sessionWindow;

    private string PathOf(DateOnly day) => Path.Combine(_directory, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Extension);

    private static DateOnly? DayOf(string file) =>
        DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private byte[]? Read(DateOnly day)
    {
        var path = PathOf(day);
        if (!File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        return bytes.Length == SaltSize ? bytes : null;
    }

    private byte[] ReadOrCreate(DateOnly day)
    {
        if (Read(day) is { } existing) return existing;
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        // Write then rename, so a crash never leaves a short salt; only the owner may read it.
        var temporary = PathOf(day) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options)) stream.Write(salt);
        File.Move(temporary, PathOf(day), overwrite: true);
        return salt;
    }

    public void Dispose() => _timer.Dispose();
}
