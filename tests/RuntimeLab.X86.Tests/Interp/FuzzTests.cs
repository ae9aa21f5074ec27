using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Interp;

/// <summary>
/// Random bytes run as code must end in a guest fault, a system call, HLT or the instruction limit,
/// never in a host crash or hang. Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed unsafe class FuzzTests
{
    private const uint Code = 0x0804_8000, Data = 0x1000_0000;

    /// <summary>16-bit code runs with CS based at the code and the data segments at the data, so 16-bit addresses stay mapped.</summary>
    [Theory, InlineData(32), InlineData(16)]
    public void RandomCodeNeverCrashesOrHangsTheHost(int bitness)
    {
        var stops = new Dictionary<StopReason, int>();
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var bytes = new byte[0x2000];
            random.NextBytes(bytes);
            using var memory = new UserAddressSpace();
            memory.Map(Code, (ulong)bytes.Length, Protection.All);
            memory.Write(Code, bytes);
            memory.Map(Data, 0x10000, Protection.ReadWrite);
            using var cpu = new Interpreter(memory);
            var s = cpu.State;
            s->Eip = Code;
            if (bitness == 16)
            {
                s->CodeMode = CodeMode.Code16Stack16;
                s->Eip = 0;
                s->SegmentBase[Seg.Cs] = Code;
                s->SegmentBase[Seg.Ds] = s->SegmentBase[Seg.Es] = s->SegmentBase[Seg.Ss] = Data;
            }
            // Registers point into mapped memory often enough that memory instructions get exercised.
            for (var r = 0; r < 8; r++) s->Regs[r] = random.Next(4) == 0 ? (uint)random.Next() : Data + (uint)random.Next(0x10000);
            StopReason stop;
            do
            {
                stop = cpu.Run(20_000);
            } while (stop == StopReason.Syscall && s->InstructionCount < 20_000);
            Assert.True(s->InstructionCount <= 20_000 + 64 + 1, $"seed {seed} ran {s->InstructionCount} instructions past the limit");
            stops[stop] = stops.GetValueOrDefault(stop) + 1;
        }
        // Most random code faults quickly; a test that never saw a fault would mean it exercised nothing.
        Assert.True(stops.GetValueOrDefault(StopReason.Fault) > 100, string.Join(", ", stops));
    }
}
