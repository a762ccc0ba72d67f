namespace Candor.Analytics.Query;

/// <summary>
/// A conversion goal of a site: either a custom event name (<c>Signup</c>, <c>404</c>, <c>File Download</c>) or a
/// page path with <c>*</c> wildcards (<c>/blog/*</c> — <c>*</c> matches any run of characters, <c>**</c> too).
/// </summary>
public sealed record Goal
{
    public string? EventName { get; init; }
    public string? PagePath { get; init; }

    /// <summary>What the dashboard and the <c>event:goal</c> dimension show: the event name, or <c>Visit /blog/*</c>.</summary>
    public string DisplayName => EventName ?? $"Visit {PagePath}";

    public static Goal Event(string name) => new() { EventName = name };
    public static Goal Page(string path) => new() { PagePath = path };
}
