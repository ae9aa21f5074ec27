using RuntimeLab.Cli;

return CliApp.Run(args);
