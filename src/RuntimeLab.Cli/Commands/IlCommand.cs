using System.CommandLine;
using RuntimeLab.Bytecode.Inspect;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Cli.Help;

namespace RuntimeLab.Cli.Commands;

/// <summary><c>runtimelab il app.dll --method Program::Main</c>: IL with the importer's stack types.</summary>
internal static class IlCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("assembly") { Description = "A .NET assembly (app.dll)." };
        var method = new Option<string?>("--method") { Description = "Only methods whose Type::Method matches this pattern (* is a wildcard), e.g. 'Program::*'." };
        var il = new Command("il", "Show each method's IL beside the evaluation-stack types RuntimeLab's IL importer proves for every instruction.")
        {
            file, method,
        };
        Examples.Attach(il, "runtimelab il app.dll --method 'Program::Main'", "runtimelab il app.dll --method '*Sort*'");
        il.SetAction(parse =>
        {
            LoadedProgram program;
            try
            {
                program = ProgramLoader.Load(parse.GetValue(file)!);
            }
            catch (BytecodeLoadException e)
            {
                throw new CliException(e.Message);
            }
            using (program)
            {
                var shown = 0;
                foreach (var m in StackTypeListing.Select(program.Assembly.MainModule, parse.GetValue(method)))
                {
                    if (shown++ > 0) Console.Out.WriteLine();
                    StackTypeListing.Write(Console.Out, m);
                }
                if (shown == 0) throw new CliException($"no method matches '{parse.GetValue(method)}'");
            }
            return ExitCodes.Ok;
        });
        return il;
    }
}
