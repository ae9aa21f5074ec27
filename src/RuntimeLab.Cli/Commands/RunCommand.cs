using System.CommandLine;
using RuntimeLab.Cli.Help;
using RuntimeLab.Runtime;

namespace RuntimeLab.Cli.Commands;

/// <summary><c>runtimelab run app.dll [ARGS…]</c>: a .NET program on RuntimeLab's own VM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var program = new Argument<string>("program") { Description = "A .NET assembly built by the standard SDK (app.dll)." };
        var programArguments = new Argument<string[]>("args") { Description = "Arguments for the program, passed unchanged.", Arity = ArgumentArity.ZeroOrMore };
        var heapLimit = new Option<long?>("--heap-limit") { Description = "Heap limit in MiB; beyond it the program gets OutOfMemoryException." };
        var maxDepth = new Option<int?>("--max-call-depth") { Description = "Managed call depth at which the program stops with \"Stack overflow.\" (default 20000)." };
        var run = new Command("run", "Run a .NET program on RuntimeLab: its own loader, interpreter, base library and heap; the host CLR never runs the program.")
        {
            program, programArguments, heapLimit, maxDepth,
        };
        Examples.Attach(run, "runtimelab run bytecode/samples/hello/bin/Release/net10.0/hello.dll");
        run.SetAction(parse =>
        {
            var options = new RunOptions
            {
                HeapLimit = (parse.GetValue(heapLimit) ?? 0) << 20,
                MaxCallDepth = parse.GetValue(maxDepth) ?? 20_000,
            };
            var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            try
            {
                return AppVm.Run(parse.GetValue(program)!, parse.GetValue(programArguments) ?? [],
                    new AppIo(Console.In, stdout, Console.Error), options);
            }
            catch (AppLoadException e)
            {
                stdout.Flush();
                throw new CliException(e.Message);
            }
            finally
            {
                stdout.Flush();
            }
        });
        return run;
    }
}
