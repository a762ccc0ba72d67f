namespace Candor.Site.Previews;

/// <summary>
/// Whether downloaded bytes are a JPEG (previews are saved as <c>ID.jpg</c> and served from the site, so an
/// HTML error page or anything else answered with 200 must never land there).
/// </summary>
public static class JpegImage
{
    public const string ContentType = "image/jpeg";

    /// <summary>Start of image (FF D8) followed by a marker (FF): every JPEG/JFIF/Exif file begins so.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes is [0xFF, 0xD8, 0xFF, ..];
}
