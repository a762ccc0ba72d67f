using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub;

/// <summary>
/// Per-client token buckets (System.Threading.RateLimiting): each client address may make
/// <see cref="GitHubStarProxyOptions.RequestsPerMinute"/> requests in a burst, refilled evenly over a minute.
/// This keeps one client from spending the server's unauthenticated GitHub quota (60 calls an hour per
/// server address) or hammering the login. Addresses live only in memory, in limiters that are dropped
/// when idle. IPv6 clients are grouped by /64, which is what one customer usually gets.
/// </summary>
public sealed class ClientRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public ClientRateLimit(GitHubStarProxyOptions options)
    {
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            ClientKey(context.Connection.RemoteIpAddress),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.RequestsPerMinute,
                TokensPerPeriod = Math.Max(1, options.RequestsPerMinute / 12),
                ReplenishmentPeriod = TimeSpan.FromSeconds(5),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>True when the request may go on; otherwise <paramref name="retryAfter"/> says when to try again.</summary>
    public bool TryAcquire(HttpContext context, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(context);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);
        return lease.IsAcquired;
    }

    internal static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter.Dispose();
}
