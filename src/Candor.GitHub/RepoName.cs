namespace Candor.GitHub;

/// <summary>
/// An <c>owner/repo</c> pair that obeys GitHub's naming rules, so it can be pasted into an API path without
/// any way to reach another endpoint. Owner (user or organisation): 1–39 ASCII letters, digits and hyphens,
/// not starting or ending with a hyphen. Repository: 1–100 ASCII letters, digits, '.', '-', '_', but not
/// "." or "..". Parsed from the raw request target, so percent-encoding (<c>%2F</c>, <c>%2e%2e</c>,
/// double encoding) is simply not a valid character and never gets decoded into a separator.
/// </summary>
public readonly record struct RepoName(string Owner, string Repo)
{
    public static bool TryParse(string text, out RepoName name)
    {
        name = default;
        var slash = text.IndexOf('/');
        if (slash < 0 || text.IndexOf('/', slash + 1) >= 0) return false;
        var owner = text[..slash];
        var repo = text[(slash + 1)..];
        if (!IsOwner(owner) || !IsRepo(repo)) return false;
        name = new RepoName(owner, repo);
        return true;
    }

    public static bool IsOwner(string owner) =>
        owner.Length is >= 1 and <= 39 && owner[0] != '-' && owner[^1] != '-' && owner.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static bool IsRepo(string repo) =>
        repo.Length is >= 1 and <= 100 && repo is not ("." or "..") && repo.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>Safe as a path: only the characters above, which need no escaping.</summary>
    public override string ToString() => Owner + "/" + Repo;
}
