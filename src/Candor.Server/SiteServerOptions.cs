namespace Candor.Server;

/// <summary>Where the built site is and where to listen.</summary>
public sealed record SiteServerOptions(string SiteRoot, string Host, int Port);
