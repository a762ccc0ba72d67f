namespace Candor.Analytics.Query;

/// <summary>A half-open UTC interval [From, To) of event timestamps.</summary>
public readonly record struct DateRange(DateTime From, DateTime To)
{
    public TimeSpan Length => To - From;
}

/// <summary>Buckets of the main graph / the <c>time</c> dimension.</summary>
public enum Interval
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

/// <summary>What the current range is compared with.</summary>
public enum Comparison
{
    None,
    /// <summary>The same length immediately before (Plausible's <c>previous_period</c>).</summary>
    PreviousPeriod,
    /// <summary>The same dates one year earlier (<c>year_over_year</c>).</summary>
    YearOverYear,
}
