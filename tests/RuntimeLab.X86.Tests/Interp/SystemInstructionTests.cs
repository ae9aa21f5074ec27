using Iced.Intel;
using RuntimeLab.X86.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

/// <summary>
/// The protected-mode system family exists only in the bare-metal machine: in Linux user mode each of
/// these instructions still raises #UD (SIGILL), exactly as before the machine was added.
/// </summary>
public sealed unsafe class SystemInstructionTests
{
    public static TheoryData<string> Instructions() => new() { "cli", "sti", "out", "in", "mov cr0", "lgdt", "iretd", "ljmp", "invlpg" };

    [Theory, MemberData(nameof(Instructions))]
    public void IsUndefinedInLinuxUserMode(string name)
    {
        using var code = new GuestCode(a =>
        {
            switch (name)
            {
                case "cli": a.cli(); break;
                case "sti": a.sti(); break;
                case "out": a.@out(0xE9, al); break;
                case "in": a.@in(al, dx); break;
                case "mov cr0": a.mov(cr0, eax); break;
                case "lgdt": a.lgdt(__[GuestCode.DataAddress]); break;
                case "iretd": a.iretd(); break;
                case "ljmp": a.jmp(0x08, 0x1000); break;
                case "invlpg": a.invlpg(__[GuestCode.DataAddress]); break;
            }
        });
        Assert.Equal(StopReason.Fault, code.Run());
        Assert.Equal(FaultVector.InvalidOpcode, code.State->Fault.Vector);
        Assert.Equal(GuestCode.CodeAddress, code.State->Eip);
    }
}
