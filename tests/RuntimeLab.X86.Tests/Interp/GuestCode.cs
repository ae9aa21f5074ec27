using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Interp;

/// <summary>
/// A few instructions assembled with Iced into a fresh user address space, run on the interpreter
/// until they reach <c>int 0x80</c> (or fault). For unit tests of single instruction families.
/// </summary>
internal sealed unsafe class GuestCode : IDisposable
{
    public const uint CodeAddress = 0x0804_8000;
    public const uint DataAddress = 0x1000_0000;
    public const uint StackTop = 0x2000_0000;

    public UserAddressSpace Memory { get; } = new();
    public Interpreter Cpu { get; }
    public CpuState* State => Cpu.State;

    public GuestCode(Action<Assembler> program)
    {
        var assembler = new Assembler(32);
        program(assembler);
        assembler.@int(0x80);
        var stream = new MemoryStream();
        assembler.Assemble(new StreamCodeWriter(stream), CodeAddress);
        Memory.Map(CodeAddress, (ulong)stream.Length, Protection.Read | Protection.Exec);
        // Write through a temporary writable mapping: the code page itself is read-only to the guest.
        Memory.Protect(CodeAddress, (ulong)stream.Length, Protection.All);
        Memory.Write(CodeAddress, stream.ToArray());
        Memory.Protect(CodeAddress, (ulong)stream.Length, Protection.Read | Protection.Exec);
        Memory.Map(DataAddress, 0x1000, Protection.ReadWrite);
        Memory.Map(StackTop - 0x10000, 0x10000, Protection.ReadWrite);
        Cpu = new Interpreter(Memory);
        State->Eip = CodeAddress;
        State->Regs[Gpr.Esp] = StackTop;
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
