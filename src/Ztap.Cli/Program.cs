using Ztap.Cli;

return await ZtapCommandLine.RunAsync(args, CliConsole.FromSystem(), CancellationToken.None);
