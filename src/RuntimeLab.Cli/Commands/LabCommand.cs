using System.CommandLine;

namespace RuntimeLab.Cli.Commands;

/// <summary>Placeholder so the CLI builds; the lab work replaces this file at merge.</summary>
public static class LabCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Run a lab experiment (not yet).");
        demo.SetAction(_ =>
        {
            Console.Error.WriteLine("not yet");
            return 1;
        });
        return new Command("lab", "Experiments built on the VM, the emulator and the JIT.") { demo };
    }
}
