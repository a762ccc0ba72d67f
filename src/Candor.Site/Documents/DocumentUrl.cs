using System.Globalization;
using Candor.Site.Ruby;

namespace Candor.Site.Documents;

/// <summary>Computes a page's or document's URL from its permalink template, as Jekyll's URL drops do.</summary>
public static class DocumentUrl
{
    /// <summary>A page's URL under the site's permalink style (Jekyll's <c>Page#template</c>).</summary>
    public static string ForPage(Document page, string permalinkStyle)
    {
        var dir = page.RelativePath.Contains('/') ? page.RelativePath[..page.RelativePath.LastIndexOf('/')] : "";
        var html = page.OutputExtension is ".html" or ".htm" or ".xhtml";
        string template;
        if (!html) template = "/:path/:basename:output_ext";
        else if (page.BaseNameWithoutExtension == "index") template = "/:path/";
        else template = Permalink.AddSuffix("/:path/:basename", permalinkStyle);
        var placeholders = new Dictionary<string, string?>
        {
            ["path"] = dir,
            ["basename"] = page.BaseNameWithoutExtension,
            ["output_ext"] = page.OutputExtension,
        };
        var permalink = page.Data.GetValueOrDefault("permalink") is { } p ? RubyText.ToS(p) : null;
        return Permalink.Expand(string.IsNullOrEmpty(permalink) ? template : permalink, placeholders);
    }

    /// <summary>A collection document's URL from the collection's template (Jekyll's <c>Drops::UrlDrop</c>).</summary>
    public static string ForDocument(Document doc, string template, string collectionRelativePath)
    {
        var date = doc.Date ?? DateTimeOffset.MinValue;
        var slugData = doc.Data.GetValueOrDefault("slug") is { } s ? RubyText.ToS(s) : null;
        var withoutExt = doc.BaseNameWithoutExtension;
        var categories = (doc.Data.GetValueOrDefault("categories") as List<object?> ?? [])
            .Select(c => RubyText.ToS(c).ToLowerInvariant()).Distinct();
        var cleaned = collectionRelativePath[..^Path.GetExtension(collectionRelativePath).Length].TrimEnd('.');
        string F(string format) => date.ToString(format, CultureInfo.InvariantCulture);
        var isoWeek = ISOWeek.GetWeekOfYear(date.DateTime);
        var placeholders = new Dictionary<string, string?>
        {
            ["collection"] = doc.Collection,
            ["path"] = cleaned,
            ["name"] = Slug.Make(withoutExt),
            ["title"] = slugData is not null ? Slug.Make(slugData, "pretty", cased: true) : Slug.Make(withoutExt, "pretty", cased: true),
            ["slug"] = slugData is not null ? Slug.Make(slugData) : Slug.Make(withoutExt),
            ["categories"] = string.Join("/", categories),
            ["year"] = F("yyyy"),
            ["month"] = F("MM"),
            ["day"] = F("dd"),
            ["hour"] = F("HH"),
            ["minute"] = F("mm"),
            ["second"] = F("ss"),
            ["i_day"] = date.Day.ToString(CultureInfo.InvariantCulture),
            ["i_month"] = date.Month.ToString(CultureInfo.InvariantCulture),
            ["short_month"] = F("MMM"),
            ["long_month"] = F("MMMM"),
            ["short_year"] = F("yy"),
            ["y_day"] = date.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
            ["w_year"] = ISOWeek.GetYear(date.DateTime).ToString(CultureInfo.InvariantCulture),
            ["week"] = isoWeek.ToString("00", CultureInfo.InvariantCulture),
            ["w_day"] = (((int)date.DayOfWeek + 6) % 7 + 1).ToString(CultureInfo.InvariantCulture),
            ["short_day"] = F("ddd"),
            ["long_day"] = F("dddd"),
            ["output_ext"] = doc.OutputExtension,
        };
        var permalink = doc.Data.GetValueOrDefault("permalink") is { } p ? RubyText.ToS(p) : null;
        return Permalink.Expand(string.IsNullOrEmpty(permalink) ? template : permalink, placeholders);
    }
}
