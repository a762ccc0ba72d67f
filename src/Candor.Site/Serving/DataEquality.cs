using System.Collections;

namespace Candor.Site.Serving;

/// <summary>Deep equality of plain data (hashes, lists, scalars) as read from YAML.</summary>
internal static class DataEquality
{
    public static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (IDictionary x, IDictionary y) => x.Count == y.Count && x.Keys.Cast<object>().All(k => y.Contains(k) && Equal(x[k], y[k])),
        (IList x, IList y) => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => Equal(x[i], y[i])),
        _ => Equals(a, b),
    };
}
