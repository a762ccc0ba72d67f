using System.CommandLine;
using Candor.Server;
using Microsoft.Extensions.Hosting;
using Candor.Site;
using Candor.Site.Serving;

namespace Candor.Cli.Commands;

/// <summary><c>candor serve [SOURCE] [--port N] [--host ADDR]</c>: build, serve, rebuild on change.</summary>
public static class ServeCommand
{
    private static readonly Option<int> Port = new("--port", "-P") { Description = "Port to listen on", DefaultValueFactory = _ => 4000 };
    private static readonly Option<string> Host = new("--host", "-H") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<bool> NoWatch = new("--no-watch") { Description = "Do not rebuild when sources change" };

    public static Command Create()
    {
        var command = new Command("serve", "Build the site, serve it, and rebuild what changed")
        {
            BuildCommand.Source, BuildCommand.Destination, BuildCommand.Future, BuildCommand.Drafts, BuildCommand.Config, Port, Host, NoWatch,
        };
        command.SetAction((result, cancel) => Run(BuildCommand.Options(result), result.GetValue(Host)!, result.GetValue(Port), !result.GetValue(NoWatch), cancel));
        return command;
    }

    private static async Task<int> Run(BuildOptions options, string host, int port, bool watch, CancellationToken cancel)
    {
        if (!Directory.Exists(options.Source))
        {
            Console.Error.WriteLine($"error: source folder '{options.Source}' does not exist");
            return 2;
        }
        var session = new SiteSession(options);
        try
        {
            Console.WriteLine(session.BuildAll().Summary);
        }
        catch (SiteBuildException e)
        {
            BuildReporter.PrintErrors(e);
            return 1;
        }
        using var watcher = watch ? new SourceWatcher(session, Console.Out) : null;
        var server = SiteServer.Create(new SiteServerOptions(session.Destination, host, port));
        await server.StartAsync(cancel);
        Console.WriteLine($"Serving {session.Destination} at http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}/ (Ctrl+C to stop)");
        try
        {
            await server.WaitForShutdownAsync(cancel);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
