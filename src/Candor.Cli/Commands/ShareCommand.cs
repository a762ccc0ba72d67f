using System.CommandLine;
using System.Text;
using Candor.Analytics.Dashboard.Sharing;
using Candor.Analytics.Endpoint;

namespace Candor.Cli.Commands;

/// <summary>
/// <c>candor share create --site DOMAIN [--password] | list | revoke SLUG [SOURCE] [--data DIR]</c>: share links for a site's dashboard,
/// stored in <c>DATA/share-links.json</c> (DATA as for <c>serve</c>). With <c>--password</c> the password is read from
/// the terminal (not echoed) or from standard input — never from a flag, which process lists would show. Prints the
/// link's path on the last line; a running server knows it at once.
/// </summary>
public static class ShareCommand
{
    private static readonly Option<string> Site = new("--site") { Description = "The analytics site (domain) to share", Required = true };
    private static readonly Option<bool> Password = new("--password") { Description = "Protect the link with a password (asked for, or read from standard input)" };
    private static readonly Argument<string> Slug = new("slug") { Description = "The link's slug (its auth= value), as `share list` shows it" };

    public static Command Create()
    {
        var create = new Command("create", "Create a share link to a site's statistics; prints its path on the last line") { Site, Password, BuildCommand.Source, DataFolder.Option };
        create.SetAction(result =>
        {
            string? password = null;
            if (result.GetValue(Password))
            {
                password = ReadPassword();
                if (string.IsNullOrEmpty(password))
                {
                    Console.Error.WriteLine("error: --password needs a password (type it, or pipe it on standard input)");
                    return 2;
                }
            }
            return DataFolder.Guarded(() =>
            {
                var store = new ShareLinkStore(DataFolder.Of(result), TimeProvider.System);
                var link = store.Create(AnalyticsOptions.NormaliseSite(result.GetValue(Site)!), password);
                Console.WriteLine($"Created a share link for {link.Site}{(password is null ? "" : " with a password (only its PBKDF2 hash is kept)")} in {store.FilePath}:");
                Console.WriteLine(link.Path);
                return 0;
            });
        });
        var list = new Command("list", "List the share links (site, path, whether a password protects it)") { BuildCommand.Source, DataFolder.Option };
        list.SetAction(result => DataFolder.Guarded(() =>
        {
            var links = new ShareLinkStore(DataFolder.Of(result), TimeProvider.System).Links();
            foreach (var link in links) Console.WriteLine($"{link.Site}\t{link.Path}\t{(link.Password is null ? "open" : "password")}");
            if (links.Count == 0) Console.WriteLine("No share links.");
            return 0;
        }));
        var revoke = new Command("revoke", "Delete a share link; it stops working at once") { Slug, BuildCommand.Source, DataFolder.Option };
        revoke.SetAction(result => DataFolder.Guarded(() =>
        {
            var slug = result.GetValue(Slug)!;
            if (new ShareLinkStore(DataFolder.Of(result), TimeProvider.System).Revoke(slug))
            {
                Console.WriteLine($"Revoked the share link {slug}.");
                return 0;
            }
            Console.Error.WriteLine($"error: there is no share link '{slug}' (see `candor share list`)");
            return 1;
        }));
        return new Command("share", "Share links to the statistics dashboard") { create, list, revoke };
    }



    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0) password.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}
