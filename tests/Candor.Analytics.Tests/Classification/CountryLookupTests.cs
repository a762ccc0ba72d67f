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
