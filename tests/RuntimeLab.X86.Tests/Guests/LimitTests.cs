using System.Text;
using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.X86.Tests.Guests;

/// <summary>
/// Guests that would hang the run or exhaust the host (lab/guests/limits) end with a clear message and
/// the status the documentation gives. There is no qemu reference: qemu-i386 would wait forever.
/// </summary>
public sealed class LimitTests
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();

    private static (int Status, string Output, string Diagnostics) Run(string name, ulong maxInstructions = 2_000_000_000)
    {
        var output = new MemoryStream();
        var diagnostics = new StringWriter();
        var program = s_guests.LimitProgram(name);
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = "/" + name,
            Root = Path.GetDirectoryName(program)!,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(), output, new MemoryStream()),
            Diagnostics = diagnostics,
            MaxInstructions = maxInstructions,
            CreateCpu = Interpreter.ForUserMode,
        });
        return (status, Encoding.UTF8.GetString(output.ToArray()), diagnostics.ToString());
    }

    [Fact]
    public void AProcessWaitingForItselfEndsTheRunAsADeadlock()
    {
        var (status, output, diagnostics) = Run("deadlock");
        Assert.Equal(UserModeProcess.DeadlockStatus, status);
        Assert.Equal("waiting for a byte nobody will write\n", output);
        Assert.Contains("every guest process is waiting for another (deadlock)", diagnostics);
    }

    [Fact]
    public void AForkBombMeetsTheProcessLimit()
    {
        var (status, output, _) = Run("fork-bomb");
        Assert.Equal(0, status);
        Assert.Equal($"fork failed after {ProcessTable.MaxProcesses - 1} children: Resource temporarily unavailable\n", output);
    }

    [Fact]
    public void AnEndlessLoopStopsAtTheInstructionLimit()
    {
        var (status, _, diagnostics) = Run("spin", maxInstructions: 5_000_000);
        Assert.Equal(UserModeProcess.InstructionLimitStatus, status);
        Assert.Contains("instruction limit of 5000000 reached", diagnostics);
    }
}
