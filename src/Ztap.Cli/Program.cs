using Ztap.Cli;

var console = CliConsole.FromSystem();
var exitCode = await ZtapCommandLine.RunAsync(args, console, CancellationToken.None);
// Synchronously: the console stream has no asynchronous write, so FlushAsync would start a
// thread-pool thread only to write the last buffer before the process exits.
console.Out.Flush();
return exitCode;
