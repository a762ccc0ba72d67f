using System.CommandLine;
using System.Globalization;
using Candor.Analytics.Api.Keys;
using Candor.Analytics.Endpoint;

namespace Candor.Cli.Commands;

/// <summary>
/// <c>candor keys create --site DOMAIN | list | revoke ID [SOURCE] [--data DIR]</c>: the Stats API keys in
/// <c>DATA/api-keys.json</c> (DATA as for <c>serve</c>: <c>--data</c>, else <c>SOURCE/.candor</c>). A running server
/// sees changes without a restart.
/// </summary>
public static class KeysCommand
{
    private static readonly Option<string> Site = new("--site") { Description = "The analytics site (domain) the key may read", Required = true };
    private static readonly Argument<string> Id = new("id") { Description = "The key's id, as `keys list` shows it" };

    public static Command Create()
    {
        var create = new Command("create", "Create an API key for one site; the key is printed once, on the last line") { Site, BuildCommand.Source, DataFolder.Option };
        create.SetAction(result => DataFolder.Guarded(() =>
        {
            var store = Store(result);
            var (key, secret) = store.Create(AnalyticsOptions.NormaliseSite(result.GetValue(Site)!), DateTime.UtcNow);
            Console.WriteLine($"Created API key {key.Id} for {key.Site}; only its SHA-256 is kept in {store.FilePath}, so copy it now:");
            Console.WriteLine(secret);
            return 0;
        }));
        var list = new Command("list", "List the API keys (ids and sites; the keys themselves are not stored)") { BuildCommand.Source, DataFolder.Option };
        list.SetAction(result => DataFolder.Guarded(() =>
        {
            var keys = Store(result).List();
            foreach (var key in keys)
                Console.WriteLine($"{key.Id}\t{key.Site}\t{key.Created.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
            if (keys.Count == 0) Console.WriteLine("No API keys.");
            return 0;
        }));
        var revoke = new Command("revoke", "Delete an API key; requests with it fail from then on") { Id, BuildCommand.Source, DataFolder.Option };
        revoke.SetAction(result => DataFolder.Guarded(() =>
        {
            var id = result.GetValue(Id)!;
            if (Store(result).Revoke(id))
            {
                Console.WriteLine($"Revoked API key {id}.");
                return 0;
            }
            Console.Error.WriteLine($"error: there is no API key '{id}' (see `candor keys list`)");
            return 1;
        }));
        return new Command("keys", "Stats API keys") { create, list, revoke };
    }


    private static ApiKeyStore Store(ParseResult result) => new(DataFolder.Of(result));
}
