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

    /// <summary>The "Server log files" section as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### Server log files\n\n");
        text.Append("The website provider automatically collects and stores information that your browser automatically transmits to us in \"server log files\". These are:\n\n");
        foreach (var field in Fields)
            text.Append("  * ").Append(field).Append('\n');
        text.Append('\n');
        text.Append($"These log files are used for security measures and are deleted after {RetentionDays} days.\n\n");
        text.Append("These data will not be combined with data from other sources.\n");
        return text.ToString();
    }
}
