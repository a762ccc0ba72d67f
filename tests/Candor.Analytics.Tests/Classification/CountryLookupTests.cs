using Candor.Analytics.Classification;

namespace Candor.Analytics.Tests.Classification;

public sealed class CountryLookupTests
{
    [Theory]
    [InlineData("8.8.8.8", "US")]
    [InlineData("::ffff:8.8.8.8", "US")]
    [InlineData("2001:4860:4860::8888", "US")]
    public void Public_addresses_get_their_country(string ip, string country) =>
        Assert.Equal(country, ClassificationData.Countries.Country(ip));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.9")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("not an ip")]
    public void Private_loopback_and_invalid_addresses_have_none(string ip) => Assert.Null(ClassificationData.Countries.Country(ip));
}

/// <summary>The IPv4 range index gives the reader's answer for every address: at random and at every edge of many networks.</summary>
public sealed class Ipv4CountryRangesTests
{
    [Fact]
    public void The_index_agrees_with_the_reader()
    {
        var lookup = ClassificationData.Countries;
        Assert.True(lookup.WaitForIpv4Index());
        var addresses = new List<uint>();
        var random = new Random(4);
        for (var i = 0; i < 200_000; i++) addresses.Add((uint)random.NextInt64(0, 1L << 32));
        // The edges of every 20th network of the file (and one address either side): where an off-by-one would show.
        using (var reader = new MaxMind.Db.Reader(ClassificationData.Sets.CountryDatabase))
        {
            var n = 0;
            foreach (var node in reader.FindAll<CountryLookup.CountryRecord>())
            {
                if (node.Start.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || n++ % 20 != 0) continue;
                var start = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(node.Start.GetAddressBytes());
                var end = start | (uint.MaxValue >> node.PrefixLength);
                addresses.AddRange([start - 1, start, end, end + 1]);
            }
            Assert.True(n > 10_000, $"only {n} IPv4 networks read");
        }
        var differences = addresses
            .Select(a => new System.Net.IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(a)))
            .Where(ip => CountryLookup.IsPublic(ip))
            .Select(ip => (ip, index: lookup.Country(ip), reader: lookup.CountryFromReader(ip)))
            .Where(x => x.index != x.reader)
            .Take(5)
            .ToList();
        Assert.Empty(differences);
    }
}
