namespace Candor.Privacy.Cookies;

/// <summary>
/// Every cookie the enabled features of this site can set. Features add their <see cref="CookieDeclaration"/>s
/// through DI (<see cref="CookieServiceCollectionExtensions.DeclareCookies"/>) where they are wired, so the
/// inventory of a running server is exactly what is switched on; the policy generator is handed the same list.
/// </summary>
public sealed class CookieInventory(IEnumerable<CookieDeclaration> declarations)
{
    public IReadOnlyList<CookieDeclaration> Declarations { get; } = declarations.ToList();

    /// <summary>The declaration a cookie of this name falls under, or null if it is undeclared.</summary>
    public CookieDeclaration? Find(string cookieName) => Declarations.FirstOrDefault(d => d.Matches(cookieName));
}
