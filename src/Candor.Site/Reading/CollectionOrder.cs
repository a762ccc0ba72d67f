using Candor.Site.Documents;
using Candor.Site.Ruby;

namespace Candor.Site.Reading;

/// <summary>
/// Jekyll's collection order: an explicit <c>order:</c> list of file names, else <c>sort_by:</c> a front
/// matter key (documents without it last), else by date and then path.
/// </summary>
public static class CollectionOrder
{
    public static void Sort(List<Document> docs, Dictionary<string, object?> meta, DateTimeOffset now)
    {
        int ByDate(Document a, Document b) =>
            (a.Date ?? now).CompareTo(b.Date ?? now) is var c && c != 0 ? c : string.CompareOrdinal(a.RelativePath, b.RelativePath);
        docs.Sort(ByDate);
        if (meta.GetValueOrDefault("order") is List<object?> order)
        {
            var positions = order.Select((name, i) => (name: RubyText.ToS(name), i)).ToDictionary(x => x.name, x => x.i);
            var ordered = docs.Select((d, i) => (d, i))
                .OrderBy(x => positions.TryGetValue(WithinCollection(x.d), out var p) ? p : positions.Count + x.i)
                .Select(x => x.d).ToList();
            docs.Clear();
            docs.AddRange(ordered);
        }
        else if (meta.GetValueOrDefault("sort_by") is string key)
        {
            var sorted = docs.OrderBy(d => d, Comparer<Document>.Create((a, b) =>
            {
                var x = a.Data.GetValueOrDefault(key);
                var y = b.Data.GetValueOrDefault(key);
                if (x is null && y is not null) return 1;
                if (x is not null && y is null) return -1;
                var c = Compare(x, y);
                return c != 0 ? c : ByDate(a, b);
            })).ToList();
            docs.Clear();
            docs.AddRange(sorted);
        }
    }

    private static string WithinCollection(Document doc) => doc.RelativePath[(doc.RelativePath.IndexOf('/') + 1)..];

    private static int Compare(object? x, object? y) => (x, y) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (long a, double b) => ((double)a).CompareTo(b),
        (double a, long b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => 0,
    };
}
