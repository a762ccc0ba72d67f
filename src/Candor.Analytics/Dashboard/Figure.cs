namespace Candor.Analytics.Dashboard;

/// <summary>
/// A number as a dashboard may show it: the value, or <see cref="Hidden"/> when showing it would single out fewer
/// than k visitors (a count is then shown as "&lt; k", a rate or duration as a dash). <see cref="Value"/> is null
/// when hidden, so rendering code cannot print what it must not.
/// </summary>
public readonly record struct Figure
{
    private Figure(double? value, bool hidden)
    {
        Value = value;
        Hidden = hidden;
    }

    /// <summary>The number to show; null when there is none (a rate of nothing) or when <see cref="Hidden"/>.</summary>
    public double? Value { get; }

    public bool Hidden { get; }

    public static Figure Of(double? value) => new(value, false);

    public static readonly Figure Withheld = new(null, true);

    public override string ToString() => Hidden ? "hidden" : Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
