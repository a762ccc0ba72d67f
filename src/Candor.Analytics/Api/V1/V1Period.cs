using Candor.Analytics.Query;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Api.V1;

/// <summary>The v1 <c>period</c> and <c>date</c> parameters (default <c>30d</c> before today, UTC) resolved by <see cref="Query.Period"/>, with Plausible's errors.</summary>
public static class V1Period
{
    private static readonly string[] Periods = ["day", "7d", "30d", "month", "6mo", "12mo", "custom"];

    public static (ResolvedPeriod? Period, string? Error) Parse(IQueryCollection query, DateTime now)
    {
        var period = query["period"].ToString();
        if (period.Length == 0) period = "30d";
        if (!Periods.Contains(period))
            return (null, $"Error parsing `period` parameter: invalid period `{period}`. Please find accepted values in our docs: https://plausible.io/docs/stats-api#time-periods");
        var date = query["date"];
        if (period == "custom")
        {
            if (date.Count == 0) return (null, "The `date` parameter is required when using a custom period. See https://plausible.io/docs/stats-api#time-periods");
            var parts = date.ToString().Split(',');
            if (parts.Length != 2 || ApiDate.Parse(parts[0].Trim()) is not { } from || ApiDate.Parse(parts[1].Trim()) is not { } to || from > to)
                return (null, "Invalid format for `date` parameter. When using a custom period, please include two ISO-8601 formatted dates joined by a comma. See https://plausible.io/docs/stats-api#time-periods");
            return (Query.Period.Custom(from, to), null);
        }
        DateOnly? day = null;
        if (date.Count > 0)
        {
            if (ApiDate.Parse(date.ToString()) is not { } parsed)
                return (null, "Error parsing `date` parameter: invalid_format. Please specify a valid date in ISO-8601 format.");
            day = parsed;
        }
        return (Query.Period.Resolve(period, day, now), null);
    }
}
