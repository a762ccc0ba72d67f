namespace Candor.GitHub;

/// <summary>A proxy setting that is wrong; <see cref="Setting"/> names it as <c>_config.yml</c> spells it under <c>github_proxy</c>.</summary>
public sealed class GitHubStarProxyConfigException(string setting, string message) : Exception(message)
{
    public string Setting { get; } = setting;
}
