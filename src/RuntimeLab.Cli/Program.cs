using System.CommandLine;
var root = new RootCommand("RuntimeLab");
root.Subcommands.Add(RuntimeLab.Cli.Commands.JitCommand.Create());
root.Subcommands.Add(RuntimeLab.Cli.Commands.LabCommand.Create());
return root.Parse(args).Invoke();
