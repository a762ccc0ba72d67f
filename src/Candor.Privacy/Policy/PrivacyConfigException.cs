namespace Candor.Privacy.Policy;

/// <summary>A privacy setting the site got wrong; the message starts with the setting as <c>_config.yml</c> spells it
/// (<c>privacy.controller.email: required</c>).</summary>
public sealed class PrivacyConfigException(string setting, string message) : Exception($"{setting}: {message}")
{
    public string Setting { get; } = setting;
}
