using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Candor.Server.Static;

/// <summary>
/// RFC 9110 section 13.2.2's order of conditional headers for a GET/HEAD of a body Candor sends itself (the static
/// file middleware evaluates its own): If-Match, else If-Unmodified-Since, then If-None-Match, else
/// If-Modified-Since. Returns 200 (send it), 304 or 412. The site snapshot uses it too (for the last two only: it
/// leaves If-Match and If-Unmodified-Since requests to the static file middleware).
/// </summary>
internal static class Preconditions
{
    public static int Evaluate(IHeaderDictionary headers, string etag, DateTimeOffset lastModified)
    {
        if (headers.IfMatch.Count > 0)
        {
            // Strong comparison: a weak tag never matches If-Match.
            if (!Matches(headers.IfMatch.ToString(), etag, weak: false)) return StatusCodes.Status412PreconditionFailed;
        }
        else if (headers.IfUnmodifiedSince.Count > 0
            && HeaderUtilities.TryParseDate(headers.IfUnmodifiedSince.ToString(), out var unmodifiedSince)
            && lastModified > unmodifiedSince)
        {
            return StatusCodes.Status412PreconditionFailed;
        }
        if (headers.IfNoneMatch.Count > 0)
            return Matches(headers.IfNoneMatch.ToString(), etag, weak: true) ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        // A date in the future is ignored, as the static file middleware does.
        return headers.IfModifiedSince.Count > 0
            && HeaderUtilities.TryParseDate(headers.IfModifiedSince.ToString(), out var since)
            && since <= DateTimeOffset.UtcNow && since >= lastModified
            ? StatusCodes.Status304NotModified
            : StatusCodes.Status200OK;
    }

    // Span slices, not string.Split: the snapshot answers every conditional page view through this.
    private static bool Matches(string list, string etag, bool weak)
    {
        foreach (var range in list.AsSpan().Split(','))
        {
            var tag = list.AsSpan(range).Trim();
            if (tag is "*") return true;
            if (tag.StartsWith("W/", StringComparison.Ordinal))
            {
                if (!weak) continue;
                tag = tag[2..];
            }
            if (tag.SequenceEqual(etag)) return true;
        }
        return false;
    }
}
