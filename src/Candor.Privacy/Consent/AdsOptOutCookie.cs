namespace Candor.Privacy.Consent;

/// <summary>
/// The one cookie the ads opt-out sets, declared here so the cookie inventory and the generated policy can list
/// it. It is set only when a visitor follows the opt-out link, never on a page view.
/// </summary>
public static class AdsOptOutCookie
{
    public const string Name = "candor_ads_opt_out";
    public const string Value = "1";
    public const string Purpose = "Remembers that you do not want to see ads, so pages are sent to you without the ad script.";
    /// <summary>Two years: long enough that a choice is not silently forgotten, as the issue asks.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(730);
    public const string LegalBasis = "Strictly necessary to honour your choice (no consent needed); it holds no identifier.";
}
