using Markdig.Syntax;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// An element's HTML attributes in kramdown's order. kramdown keeps attributes in a Ruby hash, so the
/// first assignment of a key fixes its position and later assignments only change the value (classes
/// accumulate). Markdig's HtmlAttributes always writes id before class, which is why this exists.
/// </summary>
internal sealed class KramdownAttributes
{
    private static readonly object DataKey = typeof(KramdownAttributes);
    private readonly List<KeyValuePair<string, string>> _items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    /// <summary>Bare names from an IAL that matched no ALD, e.g. <c>toc</c> in <c>{:toc}</c>.</summary>
    public List<string> References { get; } = [];

    public static KramdownAttributes Of(MarkdownObject obj)
    {
        if (obj.GetData(DataKey) is KramdownAttributes existing)
            return existing;
        var created = new KramdownAttributes();
        obj.SetData(DataKey, created);
        return created;
    }

    public static KramdownAttributes? Find(MarkdownObject obj) => obj.GetData(DataKey) as KramdownAttributes;

    public string? Get(string key)
    {
        foreach (var kv in _items)
            if (kv.Key == key)
                return kv.Value;
        return null;
    }

    public bool Has(string key) => Get(key) is not null;

    public void Set(string key, string value)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].Key == key)
            {
                _items[i] = new(key, value);
                return;
            }
        }
        _items.Add(new(key, value));
    }

    public void AddClass(string name)
    {
        var current = Get("class");
        Set("class", string.IsNullOrEmpty(current) ? name : current + " " + name);
    }

    /// <summary>
    /// A class assigned before any IAL was applied (as kramdown-parser-gfm does for task lists): it goes
    /// first among the classes, and the class attribute first among the attributes.
    /// </summary>
    public void PrependClass(string name)
    {
        var current = Get("class");
        Remove("class");
        _items.Insert(0, new("class", string.IsNullOrEmpty(current) ? name : name + " " + current));
    }

    public void Remove(string key) => _items.RemoveAll(kv => kv.Key == key);

    public void MergeFrom(KramdownAttributes other)
    {
        References.AddRange(other.References);
        foreach (var kv in other._items)
        {
            if (kv.Key == "class")
                AddClass(kv.Value);
            else
                Set(kv.Key, kv.Value);
        }
    }
}
