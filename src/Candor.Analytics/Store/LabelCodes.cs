using System.Text;
using DuckDB.NET.Data;

namespace Candor.Analytics.Store;

/// <summary>
/// The writer's side of the <c>labels</c> dictionary (migration 5): the id of each coded value, with new values
/// given the next id inside the append's own transaction, so a batch and the labels it introduced commit or roll
/// back together. Ids are only ever added, never changed, so a remembered id stays right for the file's life.
/// Only the append path uses an instance (under the store's lock), so it needs no locking of its own.
/// </summary>
/// <param name="capacity">
/// How many ids to remember. The values come from visitors (event names, hostnames, versions), so memory is bounded:
/// past this many it is emptied and refilled from the table as values come back. A site sees a few hundred.
/// </param>
internal sealed class LabelCodes(DuckDBConnection connection, int capacity = 100_000)
{
    private const int LookupChunk = 500;

    private readonly Dictionary<string, uint> _ids = new(StringComparer.Ordinal);
    private uint _lastId;
    private bool _loaded;

    /// <summary>Writes the id of <c>values[i]</c> to <c>ids[i]</c> (0 for a null value).</summary>
    public void Find(ReadOnlySpan<string?> values, Span<uint> ids)
    {
        if (!_loaded) Load();
        ids.Clear();
        HashSet<string>? missing = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value) continue;
            if (_ids.TryGetValue(value, out var id)) ids[i] = id;
            else (missing ??= new HashSet<string>(StringComparer.Ordinal)).Add(AsStored(value));
        }
        if (missing is null) return;

        if (_ids.Count + missing.Count > capacity) _ids.Clear();
        var known = FindStored(missing);
        foreach (var (value, id) in known)
        {
            _ids[value] = id;
            missing.Remove(value);
        }
        if (missing.Count > 0) Insert(missing);
        for (var i = 0; i < values.Length; i++)
            if (ids[i] == 0 && values[i] is { } value) ids[i] = _ids[value] = _ids[AsStored(value)];
    }

    /// <summary>
    /// The text as DuckDB will hold it: UTF-8, where a lone surrogate becomes U+FFFD. Two values that differ only
    /// there are one label, and looking one up by its .NET text would miss the stored row and insert it twice — a
    /// failed batch. The parser already refuses such text; this keeps the store safe for any caller.
    /// </summary>
    private static string AsStored(string value) =>
        value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) : value;

    /// <summary>
    /// After a failed append: its transaction rolled back, and with it any label it added, so nothing remembered
    /// since the last commit can be trusted; the next batch starts again from the table.
    /// </summary>
    public void Forget()
    {
        _ids.Clear();
        _loaded = false;
    }

    private void Load()
    {
        _ids.Clear();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM labels";
        _lastId = Convert.ToUInt32(command.ExecuteScalar());
        _loaded = true;
    }

    private List<(string Value, uint Id)> FindStored(HashSet<string> values)
    {
        var found = new List<(string, uint)>();
        foreach (var chunk in values.Chunk(LookupChunk))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT value, id FROM labels WHERE value IN ({string.Join(", ", chunk.Select((_, i) => "$" + (i + 1)))})";
            foreach (var value in chunk) command.Parameters.Add(new DuckDBParameter(value));
            using var reader = command.ExecuteReader();
            while (reader.Read()) found.Add((reader.GetString(0), Convert.ToUInt32(reader.GetValue(1))));
        }
        return found;
    }

    private void Insert(HashSet<string> values)
    {
        using var appender = connection.CreateAppender("labels");
        foreach (var value in values)
        {
            var id = checked(++_lastId);
            appender.CreateRow().AppendValue(id).AppendValue(value).EndRow();
            _ids[value] = id;
        }
    }
}
