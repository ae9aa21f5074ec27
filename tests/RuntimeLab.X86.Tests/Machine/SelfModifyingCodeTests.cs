using Iced.Intel;
using RuntimeLab.X86.Machine;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>Code watches work in the machine too: a write to code that already ran drops its decoded block.</summary>
public sealed class SelfModifyingCodeTests
{
    [Fact]
    public void RewrittenCodeRunsAsRewritten()
    {
        // Two passes: the first finds where "mov al, 0" lands, the second patches that address in (same sizes).
        var (_, targetAddress) = Assemble(0);
        var (code, _) = Assemble(targetAddress + 1);
        var (_, result, _) = KernelTests.Boot(KernelImages.WithCode(code));
        Assert.Equal(MachineStop.DebugExit, result.Stop);
        Assert.Equal(15, result.ExitStatus);
    }

    private static (byte[] Code, uint Target) Assemble(uint immediateByteAddress)
    {
        var a = new Assembler(32);
        var again = a.CreateLabel();
        var target = a.CreateLabel();
        a.mov(ecx, 2);
        a.Label(ref again);
        a.call(target);
        a.mov(__byte_ptr[immediateByteAddress], 7);   // "mov al, 0" becomes "mov al, 7" after its first run
        a.loop(again);
        a.@out(0xF4, al);                             // isa-debug-exit: status (7 << 1) | 1
        a.hlt();
        a.Label(ref target);
        a.mov(al, 0);
        a.ret();
        var code = new MemoryStream();
        var result = a.Assemble(new StreamCodeWriter(code), KernelImages.EntryAddress, BlockEncoderOptions.ReturnNewInstructionOffsets);
        return (code.ToArray(), (uint)result.GetLabelRIP(target));
    }
}
