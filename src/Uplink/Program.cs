using Uplink.Cli;

return await UplinkCommandLine.RunAsync(args, Console.Out, Console.Error);
