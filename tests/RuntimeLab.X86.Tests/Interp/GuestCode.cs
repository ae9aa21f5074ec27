using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Interp;

/// <summary>
/// A few instructions assembled with Iced into a fresh user address space, run on the interpreter
/// until they reach <c>int 0x80</c> (or fault). For unit tests of single instruction families.
/// With <c>bitness: 16</c> the code is 16-bit: assembled at IP 0 in a code segment based at
/// <see cref="CodeAddress"/>, with 16-bit data and stack segments based at <see cref="DataAddress"/>
/// and 64 KiB below <see cref="StackTop"/> (SP starts at 0, so the first push wraps to 0xFFFE).
/// <paramref name="engine"/> picks the interpreter (the default) or the translator.
/// </summary>
internal sealed unsafe class GuestCode : IDisposable
{
    public const uint CodeAddress = 0x0804_8000;
    public const uint DataAddress = 0x1000_0000;
    public const uint StackTop = 0x2000_0000;

    public UserAddressSpace Memory { get; } = new();
    public Interpreter Cpu { get; }
    public CpuState* State => Cpu.State;

    /// <summary>The assembled program, <c>int 0x80</c> included (at <see cref="CodeAddress"/>, or IP 0 in 16-bit code).</summary>
    public byte[] Code { get; }

    public GuestCode(Action<Assembler> program, int bitness = 32, RuntimeLab.X86.Dbt.EngineOptions? engine = null)
    {
        var assembler = new Assembler(bitness);
        program(assembler);
        assembler.@int(0x80);
        var stream = new MemoryStream();
        assembler.Assemble(new StreamCodeWriter(stream), bitness == 16 ? 0 : CodeAddress);
        Memory.Map(CodeAddress, (ulong)stream.Length, Protection.Read | Protection.Exec);
        // Write through a temporary writable mapping: the code page itself is read-only to the guest.
        Memory.Protect(CodeAddress, (ulong)stream.Length, Protection.All);
        Code = stream.ToArray();
        Memory.Write(CodeAddress, Code);
        Memory.Protect(CodeAddress, (ulong)stream.Length, Protection.Read | Protection.Exec);
        Memory.Map(DataAddress, bitness == 16 ? 0x10000u : 0x1000u, Protection.ReadWrite);
        Memory.Map(StackTop - 0x10000, 0x10000, Protection.ReadWrite);
        Cpu = new Interpreter(Memory, engine);
        State->Eip = CodeAddress;
        State->Regs[Gpr.Esp] = StackTop;
        if (bitness == 16)
        {
            State->CodeMode = CodeMode.Code16Stack16;
            State->Eip = 0;
            State->SegmentBase[Seg.Cs] = CodeAddress;
            State->SegmentBase[Seg.Ds] = State->SegmentBase[Seg.Es] = DataAddress;
            State->SegmentBase[Seg.Ss] = StackTop - 0x10000;
            State->Regs[Gpr.Esp] = 0x0001_0000;
        }
    }

    public StopReason Run(ulong limit = 1_000_000) => Cpu.Run(limit);

    public uint this[int register] => State->Regs[register];

    public uint Flags => State->Eflags;

    public void Dispose()
    {
        Cpu.Dispose();
        Memory.Dispose();
    }
}
