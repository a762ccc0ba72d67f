using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Candor.Server.Snapshot;

/// <summary>
/// A second body for some HTML files, made once when the file is loaded and chosen per request — the page without
/// its ad slots for visitors who opted out. Files <paramref name="Make"/> returns null for have one body.
/// <paramref name="Vary"/> names the request headers the choice depends on, so caches keep the bodies apart.
/// </summary>
public sealed record AlternateBody(Func<byte[], byte[]?> Make, Func<HttpRequest, bool> Wants, string Vary);
