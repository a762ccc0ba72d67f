using System.Net;
using Candor.Privacy.AccessLog;

namespace Candor.Privacy.Tests.AccessLog;

public class AccessLogLineTests
{
    static readonly AccessLogOptions Defaults = new() { Folder = "unused" };
    static readonly DateTimeOffset Time = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_line_has_its_own_second_whatever_order_lines_come_in()
    {
        var timeOnly = Defaults with { Fields = AccessLogFields.Time };
        string Line(DateTimeOffset time) => AccessLogLine.Format(new AccessLogEntry { Time = time }, timeOnly, new MinimalUserAgentParser());
        Assert.Equal("2026-11-29T10:00:00Z", Line(Time.AddMilliseconds(999)));
        Assert.Equal("2026-11-29T10:00:01Z", Line(Time.AddSeconds(1)));
        Assert.Equal("2026-11-29T10:00:00Z", Line(Time)); // a slower request finishing late
        Assert.Equal("2026-11-29T10:00:00Z", Line(new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Default_line_is_the_five_policy_fields_in_order()
    {
        var entry = new AccessLogEntry
        {
            Time = Time.AddMilliseconds(123),
            ClientIp = IPAddress.Parse("203.0.113.7"),
            UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            Referrer = "https://ref.example/page?q=1",
            Method = "GET",
            Path = "/secret",
            Status = 200,
            Bytes = 42,
            Duration = TimeSpan.FromMilliseconds(5),
        };
        Assert.Equal("2026-11-29T10:00:00Z\t203.0.113.7\tFirefox 133.0\tWindows 10\thttps://ref.example/page?q=1",
            AccessLogLine.Format(entry, Defaults, new MinimalUserAgentParser()));
        Assert.Equal("#Fields: time ip browser os referrer", AccessLogLine.Header(AccessLogFields.Default));
    }

    [Fact]
    public void All_fields_and_missing_values()
    {
        var entry = new AccessLogEntry { Time = Time, Method = "GET", Path = "/a b/\n", Status = 404, Bytes = null, Duration = TimeSpan.FromMilliseconds(1.5) };
        var options = Defaults with { Fields = AccessLogFields.All };
        Assert.Equal("2026-11-29T10:00:00Z\t-\t-\t-\t-\tGET\t/a%20b/%0A\t404\t-\t0.001500", AccessLogLine.Format(entry, options, new MinimalUserAgentParser()));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "-")]
    [InlineData(null, "-")]
    [InlineData("a\tb", @"a\tb")]
    [InlineData("a\r\nInjected: yes", @"a\r\nInjected: yes")]
    [InlineData("nul\0bell\adel\u007f", @"nul\x00bell\x07del\x7F")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("next\u0085line\u2028sep\u2029", @"next\u0085line\u2028sep\u2029")]
    [InlineData("emoji \U0001F600 and é", "emoji \U0001F600 and é")]
    public void Escape_leaves_no_control_characters(string? value, string expected)
    {
        var escaped = AccessLogLine.Escape(value);
        Assert.Equal(expected, escaped);
        Assert.DoesNotContain(escaped, c => char.IsControl(c) || c is '\u2028' or '\u2029');
    }

    [Fact]
    public void Lone_surrogates_are_escaped_not_replaced()
    {
        // (Not an InlineData: attribute data cannot carry a lone surrogate.)
        Assert.Equal(@"lone\uD800surrogate", AccessLogLine.Escape("lone" + (char)0xD800 + "surrogate"));
        Assert.Equal(@"end\uDC00", AccessLogLine.Escape("end" + (char)0xDC00));
    }

    [Fact]
    public void Long_referrers_are_capped()
    {
        var entry = new AccessLogEntry { Time = Time, Referrer = "https://x.example/" + new string('a', 5000) };
        var line = AccessLogLine.Format(entry, Defaults with { Fields = AccessLogFields.Referrer }, new MinimalUserAgentParser());
        Assert.Equal(AccessLogLine.MaxReferrerLength + 3, line.Length);
        Assert.EndsWith("a...", line);
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("10.1.2.255", "10.1.2.0")]
    [InlineData("2001:db8:abcd:1234:5678:9abc:def0:1234", "2001:db8:abcd::")]
    [InlineData("2001:db8:ab01:ffff::1", "2001:db8:ab01::")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0")]
    [InlineData("::1", "::")]
    public void Masking_keeps_the_network_part(string address, string expected) =>
        Assert.Equal(expected, IpMask.Mask(IPAddress.Parse(address)).ToString());

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.77")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.9")]
    [InlineData("fe80::1%3", "fe80::1")]
    public void Unmasked_addresses_are_normalised(string address, string expected) =>
        Assert.Equal(expected, IpMask.Normalize(IPAddress.Parse(address), mask: false).ToString());

    [Fact]
    public void GoAccess_format_follows_the_columns()
    {
        Assert.Equal(@"%x\t%h\t%u\t%U\t%R", GoAccessFormat.LogFormat(AccessLogFields.Default));
        Assert.Equal(@"%x\t%h\t%u\t%^\t%R\t%m\t%U\t%s\t%b\t%T", GoAccessFormat.LogFormat(AccessLogFields.All));
        Assert.Throws<ArgumentException>(() => GoAccessFormat.LogFormat(AccessLogFields.Time | AccessLogFields.Referrer));
        Assert.Throws<ArgumentException>(() => GoAccessFormat.LogFormat(AccessLogFields.Time | AccessLogFields.ClientIp | AccessLogFields.Browser));
        Assert.Equal(@"%x\t%h\t%U\t%s", GoAccessFormat.LogFormat(AccessLogFields.Time | AccessLogFields.ClientIp | AccessLogFields.Path | AccessLogFields.Status));
        Assert.Equal(@"goaccess access-*.log --log-format='%x\t%h\t%u\t%U\t%R' --datetime-format='%Y-%m-%dT%H:%M:%SZ'", GoAccessFormat.CommandLine(AccessLogFields.Default));
    }

    [Fact]
    public void Policy_lists_the_configured_fields_and_retention()
    {
        var policy = AccessLogPolicy.For(Defaults);
        Assert.Equal(["Browser type and browser version", "Operating system used", "Referrer URL", "Time of the server request", "IP address"], policy.Fields);
        Assert.Contains("deleted after 30 days", policy.ToMarkdown());
        var seedPath = Path.Combine(RepoRoot(), "..", "shared", "seed", "privacy-policy.md");
        if (File.Exists(seedPath)) // the policy text Candor started from, beside the checkout when it is there
        {
            var seed = File.ReadAllText(seedPath);
            foreach (var field in policy.Fields)
                Assert.Contains("  * " + field, seed); // same words as the policy we started from
        }

        var extended = AccessLogPolicy.For(Defaults with { Fields = AccessLogFields.All, MaskIp = true, RetentionDays = 7 });
        Assert.Equal(10, extended.Fields.Count);
        Assert.StartsWith("IP address, shortened", extended.Fields[4]);
        Assert.Contains("Requested page (its path, without query string)", extended.Fields);
        Assert.Contains("deleted after 7 days", extended.ToMarkdown());
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new AccessLogOptions { Folder = " " }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessLogOptions { Folder = "x", RetentionDays = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessLogOptions { Folder = "x", Fields = AccessLogFields.None }.Validate());
    }

    static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Candor.slnx")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Candor.slnx not found");
    }
}
