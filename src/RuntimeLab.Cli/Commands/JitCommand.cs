using System.CommandLine;

namespace RuntimeLab.Cli.Commands;

/// <summary>Placeholder so the CLI builds; the JIT work replaces this file at merge.</summary>
public static class JitCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Compile and run a small function with the LLVM JIT (not yet).");
        demo.SetAction(_ =>
        {
            Console.Error.WriteLine("not yet");
            return 1;
        });
        return new Command("jit", "The shared LLVM JIT backend.") { demo };
    }
}
