using System.Text;

namespace Candor.Privacy.Consent;

/// <summary>
/// The ad slot as the build marks it: <c>&lt;!--candor:ad--&gt;SLOT&lt;!--candor:ad-else ALTERNATIVE candor:ad-end--&gt;</c>
/// (written by the site's <c>{% ad %}</c> tag). For a visitor who opted out, each block is replaced by its
/// alternative, so the page holds no ad script at all — not hidden, absent.
/// </summary>
public static class AdBlock
{
    public const string Start = "<!--candor:ad-->";
    public const string Else = "<!--candor:ad-else";
    public const string End = "candor:ad-end-->";

    private static readonly byte[] StartBytes = Encoding.UTF8.GetBytes(Start);
    private static readonly byte[] ElseBytes = Encoding.UTF8.GetBytes(Else);
    private static readonly byte[] EndBytes = Encoding.UTF8.GetBytes(End);

    /// <summary>The page without its ad slots, or null when it has none (then one body serves everyone).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> html)
    {
        var first = html.IndexOf(StartBytes);
        if (first < 0) return null;
        var output = new List<byte>(html.Length);
        var rest = html;
        while (true)
        {
            var start = rest.IndexOf(StartBytes);
            if (start < 0) break;
            var afterStart = rest[(start + StartBytes.Length)..];
            var elseAt = afterStart.IndexOf(ElseBytes);
            var endAt = afterStart.IndexOf(EndBytes);
            // A broken block (no else or end, or in the wrong order): drop everything from the start marker on
            // rather than risk sending the script to someone who opted out.
            if (elseAt < 0 || endAt < 0 || endAt < elseAt)
            {
                output.AddRange(rest[..start]);
                return [.. output];
            }
            output.AddRange(rest[..start]);
            output.AddRange(afterStart[(elseAt + ElseBytes.Length)..endAt].Trim((byte)' '));
            rest = afterStart[(endAt + EndBytes.Length)..];
        }
        output.AddRange(rest);
        return [.. output];
    }
}
