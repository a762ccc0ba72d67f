using System.CommandLine;
using Candor.Cli.Commands;

var root = new RootCommand("Candor: a self-hosted, privacy-respecting website platform that builds Jekyll sites.")
{
    BuildCommand.Create(),
    ServeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
