namespace Candor.Analytics.Api.Keys;

/// <summary>
/// A Stats API key as it is stored: never the key itself, only its SHA-256 (<see cref="Sha256"/>, lower-case hex),
/// the one site it may read, and a short public <see cref="Id"/> to list and revoke it by.
/// </summary>
public sealed record ApiKey(string Id, string Site, string Sha256, DateTime Created);
