using System.Text;
using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Machine;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>
/// The multiboot kernels of lab/guests/kernels boot on the bare-metal machine and print on COM1, byte
/// for byte, what they printed under qemu-system-i386, and exit with the same status. The references
/// were made by lab/guests/regenerate-references.sh; the kernels are built from source by make.
/// </summary>
public sealed class KernelTests
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();

    public static TheoryData<string> Kernels() => new(GuestPrograms.Locate().KernelNames);

    /// <summary>Every kernel under every engine: the interpreter, the translator alone, and tiered with a low threshold so that it mixes both.</summary>
    public static TheoryData<string, string> KernelsAndEngines() => Engines.Cross(GuestPrograms.Locate().KernelNames);

    [Theory, MemberData(nameof(KernelsAndEngines))]
    public void PrintsWhatItPrintsUnderQemuSystemI386(string name, string engine)
    {
        var (expectedOutput, expectedStatus) = s_guests.ExpectedKernel(name);
        var input = s_guests.KernelInput(name) is { } bytes ? new MemoryStream(bytes) : null;
        var options = Engines.Named(engine);
        var (output, result, _) = Boot(File.ReadAllBytes(s_guests.Kernel(name)), input: input, engine: options);
        Assert.Equal(Encoding.UTF8.GetString(expectedOutput), Encoding.UTF8.GetString(output));
        Assert.Equal(expectedStatus, result.ExitStatus);
        // QEMU's odd statuses come from isa-debug-exit; 0 from a reset (a triple fault, under -no-reboot).
        if (expectedStatus % 2 == 1) Assert.Equal(MachineStop.DebugExit, result.Stop);
        else Assert.Contains(result.Stop, new[] { MachineStop.TripleFault, MachineStop.Reset });
    }

    [Fact]
    public void ATripleFaultEndsTheRunWithAMessageAndARegisterDump()
    {
        var (_, result, diagnostics) = Boot(File.ReadAllBytes(s_guests.Kernel("triple-fault")));
        Assert.Equal(MachineStop.TripleFault, result.Stop);
        Assert.Contains("triple fault", diagnostics);
        Assert.Contains("eip=", diagnostics);
        Assert.Contains("idt=00000000/0000", diagnostics);
    }

    [Fact]
    public void DebugconGetsWhatTheKernelWritesToPortE9()
    {
        var debugcon = new MemoryStream();
        var (serial, _, _) = Boot(File.ReadAllBytes(s_guests.Kernel("hello")), debugcon);
        // lib.c writes every character to both COM1 and port 0xE9.
        Assert.Equal(serial, debugcon.ToArray());
        Assert.NotEmpty(serial);
    }

    [Fact]
    public void WithTheHostClockTimeIsWallTimeAndTheOutputStillQemus()
    {
        // rtc waits for two once-a-second updates and an alarm two seconds ahead: in instruction time
        // a halted CPU skips there at once; in host time the run must really take those seconds.
        var (expectedOutput, expectedStatus) = s_guests.ExpectedKernel("rtc");
        var image = File.ReadAllBytes(s_guests.Kernel("rtc"));
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var (output, result, _) = Boot(image, clock: Devices.ClockSource.Host);
        Assert.Equal(Encoding.UTF8.GetString(expectedOutput), Encoding.UTF8.GetString(output));
        Assert.Equal(expectedStatus, result.ExitStatus);
        Assert.True(wall.Elapsed >= TimeSpan.FromSeconds(1.5), $"host time: the run took only {wall.Elapsed}");
        Assert.True(result.Instructions < 200_000_000, $"{result.Instructions} instructions: the halted CPU spun instead of sleeping");
    }

    internal static (byte[] Serial, MachineResult Result, string Diagnostics) Boot(byte[] image, Stream? debugcon = null, ulong maxInstructions = 500_000_000, Stream? input = null,
        Devices.ClockSource clock = Devices.ClockSource.Instructions, Dbt.EngineOptions? engine = null, Action<BareMetalMachine>? inspect = null)
    {
        var serial = new MemoryStream();
        var diagnostics = new StringWriter();
        using var machine = new BareMetalMachine(new MachineOptions
        {
            Serial = serial,
            SerialInput = input,
            DebugConsole = debugcon,
            Diagnostics = diagnostics,
            MaxInstructions = maxInstructions,
            Timeout = TimeSpan.FromSeconds(60),
            Clock = clock,
            Engine = engine ?? Dbt.EngineOptions.Interpreter,
        });
        machine.LoadKernel(image);
        var result = machine.Run();
        if (engine is { Engine: Dbt.X86Engine.Dbt }) Engines.AssertRanCompiled(machine.Cpu);
        inspect?.Invoke(machine); // while RAM and the CPU still exist
        return (serial.ToArray(), result, diagnostics.ToString());
    }
}
