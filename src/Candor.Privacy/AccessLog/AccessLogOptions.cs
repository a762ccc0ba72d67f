namespace Candor.Privacy.AccessLog;

/// <summary>Where the access log goes, what it holds and how long it is kept.</summary>
public sealed record AccessLogOptions
{
    /// <summary>The folder that holds the daily files <c>access-YYYY-MM-DD.log</c>.</summary>
    public required string Folder { get; init; }

    /// <summary>
    /// Days a file is kept. The file for day D (UTC) is deleted once D &lt; today − RetentionDays, so with 30
    /// a file from 30 days ago is kept and one from 31 days ago is deleted (within the hour after midnight UTC).
    /// </summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>The columns to write; by default exactly the privacy policy's five.</summary>
    public AccessLogFields Fields { get; init; } = AccessLogFields.Default;

    /// <summary>Shorten IP addresses before they are written: IPv4 to its /24, IPv6 to its /48.</summary>
    public bool MaskIp { get; init; }

    /// <summary>How many lines may wait in memory for the disk; beyond that lines are dropped and counted.</summary>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>Throws if the options cannot work, naming the field at fault.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Folder))
            throw new ArgumentException("AccessLogOptions.Folder must name a folder.", nameof(Folder));
        if (RetentionDays < 1)
            throw new ArgumentOutOfRangeException(nameof(RetentionDays), RetentionDays, "AccessLogOptions.RetentionDays must be at least 1.");
        if ((Fields & ~AccessLogFields.All) != 0 || Fields == AccessLogFields.None)
            throw new ArgumentOutOfRangeException(nameof(Fields), Fields, "AccessLogOptions.Fields must name at least one known field.");
        if (BufferCapacity < 1)
            throw new ArgumentOutOfRangeException(nameof(BufferCapacity), BufferCapacity, "AccessLogOptions.BufferCapacity must be at least 1.");
    }
}
