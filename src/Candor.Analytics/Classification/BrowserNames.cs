namespace Candor.Analytics.Classification;

/// <summary>
/// uap-core's browser families folded to the names Plausible's dashboard shows, so the same visitors land in
/// the same rows as on Plausible ("Mobile Safari" → "Safari", "Chrome Mobile" → "Chrome").
/// </summary>
internal static class BrowserNames
{
    private static readonly Dictionary<string, string> Folded = new(StringComparer.Ordinal)
    {
        ["Mobile Safari"] = "Safari",
        ["Mobile Safari UI/WKWebView"] = "Safari",
        ["Chrome Mobile"] = "Chrome",
        ["Chrome Mobile iOS"] = "Chrome",
        ["Chrome Mobile WebView"] = "Chrome Webview",
        ["Chromium"] = "Chromium",
        ["Firefox Mobile"] = "Firefox",
        ["Firefox iOS"] = "Firefox",
        ["Opera Mobile"] = "Opera",
        ["Opera Mini"] = "Opera",
        ["Edge"] = "Microsoft Edge",
        ["Edge Mobile"] = "Microsoft Edge",
        ["Samsung Internet"] = "Samsung Browser",
        ["Yandex Browser Lite"] = "Yandex Browser",
        ["IE"] = "Internet Explorer",
        ["IE Mobile"] = "Internet Explorer",
    };

    /// <summary>"Other" is uap-core's word for "no rule matched"; Candor stores that as null.</summary>
    public static string? Fold(string? family) =>
        family is null or "Other" ? null : Folded.GetValueOrDefault(family, family);
}
