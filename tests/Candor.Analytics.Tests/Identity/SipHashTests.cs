using Candor.Analytics.Identity;

namespace Candor.Analytics.Tests.Identity;

public class SipHashTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    private static byte[] Message(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)i)];

    /// <summary>Appendix A of the SipHash paper: key 00..0f, message 00..0e.</summary>
    [Fact]
    public void Paper_appendix_vector() => Assert.Equal(0xa129ca6149be45e5UL, SipHash.Hash24(Key, Message(15)));

    /// <summary>From the reference implementation's vectors.h (key 00..0f, message 00..len-1), read as little-endian.</summary>
    [Theory]
    [InlineData(0, 0x726fdb47dd0e0e31UL)]
    [InlineData(1, 0x74f839c593dc67fdUL)]
    [InlineData(2, 0x0d6c8009d9a94f5aUL)]
    [InlineData(3, 0x85676696d7fb7e2dUL)]
    [InlineData(8, 0x93f5f5799a932462UL)]
    public void Reference_implementation_vectors(int length, ulong expected) => Assert.Equal(expected, SipHash.Hash24(Key, Message(length)));

    [Fact]
    public void Keys_must_be_16_bytes() => Assert.Throws<ArgumentException>(() => SipHash.Hash24(new byte[8], []));
}
