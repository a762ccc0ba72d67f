namespace Candor.Server;

/// <summary>A server setting the user got wrong; <see cref="Setting"/> names it as <c>_config.yml</c> spells it
/// (under <c>candor.server</c>, or under another <c>candor.</c> <paramref name="section"/> such as <c>github_proxy</c>).</summary>
public sealed class ServerConfigException(string setting, string message, string section = "server")
    : Exception(setting.Length == 0 ? $"candor.{section}: {message}" : $"candor.{section}.{setting}: {message}")
{
    public string Setting { get; } = setting;
}
