using System.Text.Json;
using Candor.Analytics.Query;

namespace Candor.Analytics.Api;

/// <summary>Metric values as Plausible writes them: counts, rates and durations as integers, ratios with decimals.</summary>
public static class MetricValues
{
    public static bool IsDecimal(Metric metric) => metric is Metric.ViewsPerVisit or Metric.ConversionRate or Metric.Percentage;

    public static void Write(Utf8JsonWriter json, Metric metric, double? value)
    {
        if (value is not { } v || double.IsNaN(v) || double.IsInfinity(v)) json.WriteNullValue();
        else if (IsDecimal(metric)) json.WriteNumberValue(Math.Round(v, 2));
        else json.WriteNumberValue((long)Math.Round(v, MidpointRounding.AwayFromZero));
    }

    public static void Write(Utf8JsonWriter json, string property, Metric metric, double? value)
    {
        json.WritePropertyName(property);
        Write(json, metric, value);
    }
}
