using System.Globalization;
using Candor.Site.Liquid.Values;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Liquid's <c>date</c> with Ruby strftime, and Jekyll's <c>date_to_*</c> filters.</summary>
internal static class DateFilters
{
    public static FilterCollection WithDateFilters(this FilterCollection filters, ILiquidHost host)
    {
        var zone = host.TimeZone;
        filters.AddFilter("date", (input, args, context) => Date(input, args, context, zone));
        filters.AddFilter("date_to_xmlschema", (input, _, context) =>
            Jekyll(input, context, zone, t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + RubyFormat.Offset(t.Offset, colon: true)));
        filters.AddFilter("date_to_rfc822", (input, _, context) =>
            Jekyll(input, context, zone, t => RubyStrftime.Format(t, "%a, %d %b %Y %H:%M:%S %z", zone)));
        filters.AddFilter("date_to_string", (input, args, context) =>
            Jekyll(input, context, zone, t => Styled(t, "%b", args, zone)));
        filters.AddFilter("date_to_long_string", (input, args, context) =>
            Jekyll(input, context, zone, t => Styled(t, "%B", args, zone)));
        return filters;
    }

    // Liquid returns the input untouched when it is not a date or the format is empty.
    private static ValueTask<FluidValue> Date(FluidValue input, FilterArguments args, TemplateContext context, TimeZoneInfo zone)
    {
        var format = args.At(0).S();
        if (format.Length == 0 || !DateInput.TryRead(input, context, zone, out var time)) return new(input);
        return new(new StringValue(RubyStrftime.Format(time, format, zone)));
    }

    // Jekyll converts to the site's time zone and renders nil/empty input as nothing.
    private static ValueTask<FluidValue> Jekyll(FluidValue input, TemplateContext context, TimeZoneInfo zone, Func<DateTimeOffset, string> format)
    {
        if (input.IsNil() || input.S().Length == 0) return new(input);
        if (!DateInput.TryRead(input, context, zone, out var time))
            throw new InvalidOperationException($"Invalid Date: '{input.S()}' is not a valid datetime.");
        return new(new StringValue(format(TimeZoneInfo.ConvertTime(time, zone))));
    }

    /// <summary><c>date_to_string</c>/<c>date_to_long_string</c> with Jekyll's "ordinal" and "US" styles.</summary>
    private static string Styled(DateTimeOffset t, string month, FilterArguments args, TimeZoneInfo zone)
    {
        var ordinal = args.At(0).S() == "ordinal";
        var us = args.At(1).S() == "US";
        if (!ordinal) return RubyStrftime.Format(t, $"%d {month} %Y", zone);
        var day = Ordinal(t.Day);
        return us ? RubyStrftime.Format(t, $"{month} ", zone) + day + t.ToString(", yyyy", CultureInfo.InvariantCulture)
            : day + RubyStrftime.Format(t, $" {month} %Y", zone);
    }

    private static string Ordinal(int day) =>
        day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
