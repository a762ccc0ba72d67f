using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Candor.GitHub.OAuth;

/// <summary>
/// Proof Key for Code Exchange (RFC 7636) with S256: the authorization code is useless to whoever intercepts
/// it (a leaky redirect, a browser extension, a log) without the verifier, which never leaves this server
/// except to GitHub's token endpoint — and in between it is inside the encrypted state cookie.
/// </summary>
public static class Pkce
{
    /// <summary>32 random bytes, base64url: 43 characters, the shortest verifier RFC 7636 allows, 256 bits of entropy.</summary>
    public static string NewVerifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~].</summary>
    public static bool IsWellFormed(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 } && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');
}
