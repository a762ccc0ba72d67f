using System.Text;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// What the access log keeps and for how long, in the words of a privacy policy; the generated policy's
/// "Server log files" section is built from it, so the policy always matches the configuration.
/// </summary>
public sealed record AccessLogPolicy(IReadOnlyList<string> Fields, int RetentionDays)
{
    public static AccessLogPolicy For(AccessLogOptions options)
    {
        var fields = new List<string>();
        foreach (var column in AccessLogLine.Columns)
        {
            if (!options.Fields.HasFlag(column.Field))
                continue;
            fields.Add(column.Field switch
            {
                AccessLogFields.Browser => "Browser type and browser version",
                AccessLogFields.OperatingSystem => "Operating system used",
                AccessLogFields.Referrer => "Referrer URL",
                AccessLogFields.Time => "Time of the server request",
                AccessLogFields.ClientIp => options.MaskIp
                    ? "IP address, shortened before it is stored (the last 8 of 32 bits of an IPv4 address, the last 80 of 128 bits of an IPv6 address are removed)"
                    : "IP address",
                AccessLogFields.Method => "Request method (such as GET or POST)",
                AccessLogFields.Path => "Requested page (its path, without query string)",
                AccessLogFields.Status => "HTTP status code of the response",
                AccessLogFields.Bytes => "Amount of data sent in the response",
                AccessLogFields.Duration => "Time taken to answer the request",
                _ => column.Name,
            });
        }
        // The policy's traditional order: browser, OS, referrer, time, IP, then the opt-in fields.
        string[] order = ["Browser", "Operating", "Referrer", "Time of", "IP"];
        var sorted = fields.OrderBy(f => Array.FindIndex(order, o => f.StartsWith(o, StringComparison.Ordinal)) is var i and >= 0 ? i : order.Length).ToList();
        return new AccessLogPolicy(sorted, options.RetentionDays);
    }

    /// <summary>The "Server log files" section as Markdown (the generated policy's wording).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### Server log files\n\n");
        text.Append("For every request, the web server of this website writes one line to a log file, with exactly these details:\n\n");
        foreach (var field in Fields)
            text.Append("  * ").Append(field).Append('\n');
        text.Append('\n');
        text.Append($"We keep these files to detect and fend off attacks and to find faults. They are deleted after {RetentionDays} days, ");
        text.Append("automatically, and are not combined with any other data. ");
        text.Append("The legal basis is our legitimate interest in a secure website (Art. 6 (1) (f) GDPR).\n");
        return text.ToString();
    }
}
