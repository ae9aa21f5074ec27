using System.CommandLine;
using System.Runtime.InteropServices;
using RuntimeLab.Cli.Doctor;
using RuntimeLab.Cli.Help;
using RuntimeLab.Cli.Hosting;

namespace RuntimeLab.Cli.Commands;

/// <summary>
/// <c>runtimelab doctor</c>: what RuntimeLab needs (the .NET runtime, libLLVM) and which optional
/// peers are installed. Exit 3 only when libLLVM is unusable; missing peers are just reported.
/// </summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check the .NET runtime, libLLVM and optional peers (mono, java, qemu, bochs, gcc -m32, nasm).");
        command.SetAction((_, _) => RunAsync());
        return Examples.Attach(command, "runtimelab doctor", "runtimelab doctor | grep missing");
    }

    private static async Task<int> RunAsync()
    {
        // The probes only wait on child processes, so run them side by side.
        var peerChecks = PeerCheck.Peers.Select(PeerCheck.RunAsync).Append(GccCheck.RunAsync());
        var runtime = new Finding(".NET runtime", FindingStatus.Ok, $"{RuntimeInformation.FrameworkDescription}  {RuntimeEnvironment.GetRuntimeDirectory()}");
        var llvm = LlvmCheck.Run(out var llvmError);
        Finding[] findings = [runtime, llvm, .. await Task.WhenAll(peerChecks)];

        DoctorReport.Write(findings, Terminal.Out, Terminal.StdoutIsTerminal);
        if (llvmError is null) return ExitCodes.Ok;
        Console.Error.WriteLine($"{CliApp.Name}: error: {llvmError}");
        return ExitCodes.MissingDependency;
    }
}
