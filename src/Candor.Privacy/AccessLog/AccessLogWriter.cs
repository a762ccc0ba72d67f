using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// Appends lines to the day's file <c>access-YYYY-MM-DD.log</c> (UTC day of the request) without ever
/// making a request wait: <see cref="TryWrite"/> puts the line in a bounded in-memory queue, and one
/// background task drains it, writing each batch in one write and flushing it to the OS as soon as the
/// queue is empty. Files are opened in append mode, so a restart keeps adding to the same day's file.
/// If the queue is full or the disk refuses a write (disk full, folder gone, no permission) the lines are
/// dropped and counted (<see cref="DroppedLines"/>, logged at most once a minute); the next batch tries
/// the disk again. Disposing drains the queue, so a graceful shutdown loses nothing.
/// </summary>
public sealed class AccessLogWriter : IAsyncDisposable, IDisposable
{
    /// <summary>How often, at most, dropped lines are reported through the logger.</summary>
    public static readonly TimeSpan DropReportInterval = TimeSpan.FromMinutes(1);

    const int MaxBatchBytes = 64 * 1024;

    readonly AccessLogOptions options;
    readonly TimeProvider time;
    readonly ILogger logger;
    readonly Func<string, Stream> openFile;
    readonly Channel<Item> queue;
    readonly Task drain;
    readonly byte[] header;
    readonly MemoryStream pending = new();
    byte[] scratch = new byte[1024];
    int pendingLines;
    DateOnly? currentDay;
    Stream? stream;
    long dropped;
    long written;
    long reportedDropped;
    DateTimeOffset? lastReport;
    string? lastError;

    /// <param name="openFile">Opens a file for appending; tests pass one that fails like a full disk.</param>
    public AccessLogWriter(AccessLogOptions options, TimeProvider time, ILogger<AccessLogWriter> logger, Func<string, Stream>? openFile = null)
    {
        options.Validate();
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.openFile = openFile ?? OpenForAppend;
        header = Encoding.UTF8.GetBytes(AccessLogLine.Header(options.Fields) + "\n");
        queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then returns false instead of waiting
            SingleReader = true,
            SingleWriter = false,
        });
        drain = Task.Run(DrainAsync);
    }

    /// <summary>Lines dropped so far because the queue was full or the disk refused them.</summary>
    public long DroppedLines => Interlocked.Read(ref dropped);

    /// <summary>Lines handed to the operating system so far.</summary>
    public long WrittenLines => Interlocked.Read(ref written);

    /// <summary>The path of the file for a UTC day.</summary>
    public string FilePath(DateOnly day) => Path.Combine(options.Folder, FileName(day));

    /// <summary><c>access-YYYY-MM-DD.log</c>.</summary>
    public static string FileName(DateOnly day) => $"access-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.log";

    /// <summary>Queues a line (without line break) for the day's file. Never blocks, never throws; false if the line was dropped.</summary>
    public bool TryWrite(DateOnly day, string line)
    {
        if (queue.Writer.TryWrite(new Item(day, line, null)))
            return true;
        Interlocked.Increment(ref dropped);
        return false;
    }

    /// <summary>Completes once every line queued before the call has been written (or dropped).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await queue.Writer.WriteAsync(new Item(default, null, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await drain.ConfigureAwait(false);
            return;
        }
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    async Task DrainAsync()
    {
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    if (item.Flushed is { } flushed)
                    {
                        WritePending();
                        flushed.TrySetResult();
                        continue;
                    }
                    if (item.Day != currentDay)
                    {
                        WritePending();
                        CloseFile();
                        currentDay = item.Day;
                    }
                    AppendLine(item.Line!);
                    pendingLines++;
                    if (pending.Length >= MaxBatchBytes)
                        WritePending();
                }
                WritePending();
                ReportDrops(force: false);
            }
        }
        finally
        {
            WritePending();
            CloseFile();
            ReportDrops(force: true);
        }
    }

    /// <summary>Encodes the line and its break straight into the batch, through one reused buffer.</summary>
    void AppendLine(string line)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(line.Length) + 1;
        if (scratch.Length < needed)
            scratch = new byte[Math.Max(needed, scratch.Length * 2)];
        var length = Encoding.UTF8.GetBytes(line, scratch);
        scratch[length] = (byte)'\n';
        pending.Write(scratch, 0, length + 1);
    }

    void WritePending()
    {
        if (pendingLines == 0 || currentDay is not { } day)
            return;
        try
        {
            if (stream is null)
            {
                stream = openFile(FilePath(day));
                stream.Write(header);
            }
            stream.Write(pending.GetBuffer(), 0, (int)pending.Length);
            stream.Flush();
            Interlocked.Add(ref written, pendingLines);
        }
        catch (Exception ex)
        {
            // Disk full, folder removed, permissions changed...: drop this batch, try the disk again next time.
            Interlocked.Add(ref dropped, pendingLines);
            lastError = ex.Message;
            CloseFile();
        }
        finally
        {
            pending.SetLength(0);
            pendingLines = 0;
        }
    }

    void CloseFile()
    {
        var closing = stream;
        stream = null;
        if (closing is null)
            return;
        try
        {
            closing.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A full disk can refuse the final flush too; nothing is buffered in the stream itself (bufferSize 0).
            lastError = ex.Message;
        }
    }

    void ReportDrops(bool force)
    {
        var total = DroppedLines;
        if (total == reportedDropped)
            return;
        var now = time.GetUtcNow();
        if (!force && lastReport is { } last && now - last < DropReportInterval)
            return;
        logger.LogWarning("Access log dropped {Count} line(s) ({Total} since start); last error: {Error}",
            total - reportedDropped, total, lastError ?? "buffer full");
        reportedDropped = total;
        lastReport = now;
    }

    FileStream OpenForAppend(string path)
    {
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            // The log holds IP addresses: owner read/write, group read, nobody else.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
            Directory.CreateDirectory(options.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        else
        {
            Directory.CreateDirectory(options.Folder);
        }
        return new FileStream(path, fileOptions);
    }

    /// <summary>Stops taking lines, writes what is queued and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await drain.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    readonly record struct Item(DateOnly Day, string? Line, TaskCompletionSource? Flushed);
}
