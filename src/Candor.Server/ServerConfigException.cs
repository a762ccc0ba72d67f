namespace Candor.Server;

/// <summary>A server setting the user got wrong; <see cref="Setting"/> names it as <c>_config.yml</c> spells it.</summary>
public sealed class ServerConfigException(string setting, string message) : Exception($"candor.server.{setting}: {message}")
{
    public string Setting { get; } = setting;
}
