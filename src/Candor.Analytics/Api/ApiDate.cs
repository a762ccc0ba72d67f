using System.Globalization;

namespace Candor.Analytics.Api;

/// <summary>The calendar dates both API versions accept: <c>YYYY-MM-DD</c>, years 1900–9000.</summary>
internal static class ApiDate
{
    // Years outside this window are certainly typos, and keeping to it means no period arithmetic can overflow.
    private static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(9000, 12, 31);

    public static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d >= Earliest && d <= Latest ? d : null;
}
