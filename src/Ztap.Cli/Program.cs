using Ztap.Cli;

var console = CliConsole.FromSystem();
var exitCode = await ZtapCommandLine.RunAsync(args, console, CancellationToken.None);
await console.Out.FlushAsync();
return exitCode;
