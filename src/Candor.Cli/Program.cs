using System.CommandLine;
using Candor.Cli.Commands;

var root = new RootCommand("Candor: a self-hosted, privacy-respecting website platform that builds Jekyll sites.")
{
    BuildCommand.Create(),
    ServeCommand.Create(),
    PreviewsCommand.Create(),
    ShareCommand.Create(),
    ExportCommand.Create(),
    KeysCommand.Create(),
};
// No ProcessTerminationTimeout: System.CommandLine would return from Main two seconds after Ctrl+C/SIGTERM,
// cutting off downloads in flight. `serve`'s host handles those signals itself and stops gracefully.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
