using Iced.Intel;
using RuntimeLab.X86.Machine;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>
/// The translator in system mode, on hand-built kernels with paging on (a 4 MiB identity page for
/// the first 4 MiB, through CR4.PSE): code reached through a second mapping of its frame, and faults
/// raised in the middle of a compiled block and delivered through the guest's IDT.
/// </summary>
public sealed class TranslatedSystemCodeTests
{
    private const uint Directory = 0x20_0000, Table = 0x20_1000, Frame = 0x28_0000;
    /// <summary>Two linear pages, both mapped to <see cref="Frame"/> (page directory entry 1).</summary>
    private const uint Alias1 = 0x40_0000, Alias2 = 0x40_1000;
    /// <summary>Not present (page directory entry 2 is empty): reading it is a #PF.</summary>
    private const uint Unmapped = 0x80_0000;
    private const uint Idt = 0x21_0000, IdtRegister = 0x21_1000, Log = 0x22_0000, LogPointer = 0x22_1000;

    /// <summary>
    /// A routine "mov eax, 1; ret" is written through one mapping and called through the other (six
    /// times, so it is compiled), rewritten through the first to return 7, and called six more times:
    /// the write must reach the translation of the other mapping. Exit status (6*1 + 6*7) * 2 + 1.
    /// </summary>
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void CodeRewrittenThroughAnAliasRunsAsRewritten(string engine)
    {
        var a = new Assembler(32);
        EnablePaging(a);
        a.mov(__byte_ptr[Alias1], 0xB8);
        a.mov(__dword_ptr[Alias1 + 1], 1);
        a.mov(__byte_ptr[Alias1 + 5], 0xC3);
        a.xor(ebx, ebx);
        CallSixTimes(a);
        a.mov(__byte_ptr[Alias1 + 1], 7);      // through the other mapping
        CallSixTimes(a);
        a.mov(eax, ebx);
        a.@out(0xF4, al);
        a.hlt();
        int invalidations = 0;
        var (_, result, diagnostics) = KernelTests.Boot(KernelImages.WithCode(Assemble(a)), engine: Engines.Named(engine),
            inspect: machine => invalidations = machine.Cpu.Translation?.Invalidations ?? 0);
        Assert.True(result.Stop == MachineStop.DebugExit, $"{result.Stop}: {diagnostics}");
        Assert.Equal((6 * 1 + 6 * 7) * 2 + 1, result.ExitStatus);
        // In dbt the routine was compiled on its first call: the write through the alias must have dropped it.
        if (engine == "dbt") Assert.True(invalidations > 0, "no compiled block was invalidated");
    }

    private static void CallSixTimes(Assembler a)
    {
        var again = a.CreateLabel();
        a.mov(ecx, 6);
        a.Label(ref again);
        a.call(Alias2);
        a.add(ebx, eax);
        a.loop(again);
    }

    /// <summary>
    /// A loop whose one block sets registers, reads an unmapped page (#PF) and divides by zero (#DE);
    /// each handler logs the registers (pushad), its exception frame and CR2, and resumes after the
    /// faulting instruction. In dbt the block is compiled: the log must be the interpreter's byte for
    /// byte, and its first records must hold what the SDM says (EIP of the faulting instruction, the
    /// registers as the instructions before it left them, error code 0, CR2 the address read).
    /// </summary>
    [Fact]
    public void FaultsInsideACompiledBlockReachTheHandlerAsInterpreted()
    {
        var (interpreted, labels) = RunFaultKernel("interp");
        var (translated, _) = RunFaultKernel("dbt");
        Assert.True(interpreted.AsSpan().SequenceEqual(translated),
            $"the handlers' log differs between interp and dbt (first at byte {interpreted.AsSpan().CommonPrefixLength(translated)}):\n" +
            $"  interp {Convert.ToHexString(interpreted, 0, 104)}\n  dbt    {Convert.ToHexString(translated, 0, 104)}");

        // Record 1, the #PF in the first pass (EBP = 3): pushad's EDI ESI EBP ESP EBX EDX ECX EAX, error code, EIP, CS, EFLAGS, CR2.
        var pf = Dwords(interpreted, 0, 13);
        Assert.Equal(0x1111_1111u + 3, pf[1]);                 // ESI, set by instructions before the fault in the same block
        Assert.Equal(3u, pf[2]);                               // EBP
        Assert.Equal(0u, pf[8]);                               // not present, read, supervisor
        Assert.Equal(labels.FaultPf, pf[9]);
        Assert.Equal(0x08u, pf[10]);
        Assert.Equal(Unmapped + 3 * 4, pf[12]);
        // Record 2, the #DE: pushad, EIP, CS, EFLAGS and a marker.
        var de = Dwords(interpreted, 13 * 4, 12);
        Assert.Equal(0x2222_2222u + 3, de[0]);                 // EDI
        Assert.Equal(0u, de[6]);                               // ECX, the divisor
        Assert.Equal(100u, de[7]);                             // EAX, the dividend, untouched by the failed division
        Assert.Equal(labels.FaultDe, de[8]);
        Assert.Equal(0xDEu, de[11]);
    }

    private const int Passes = 3, LogBytes = Passes * (13 + 12) * 4;

    private static uint[] Dwords(byte[] bytes, int offset, int count) =>
        Enumerable.Range(0, count).Select(i => BitConverter.ToUInt32(bytes, offset + 4 * i)).ToArray();

    private record struct FaultLabels(uint PfHandler, uint DeHandler, uint FaultPf, uint ResumePf, uint FaultDe, uint ResumeDe);

    private static (byte[] Log, FaultLabels Labels) RunFaultKernel(string engine)
    {
        // Two passes: the first finds the handlers' and faulting instructions' addresses (same sizes in both).
        var labels = AssembleFaultKernel(default).Labels;
        var (code, check) = AssembleFaultKernel(labels);
        Assert.Equal(labels, check);
        var log = new byte[LogBytes];
        var (_, result, diagnostics) = KernelTests.Boot(KernelImages.WithCode(code), engine: Engines.Named(engine),
            inspect: machine => machine.Ram.Read(Log, log));
        Assert.True(result.Stop == MachineStop.DebugExit, $"{engine}: {result.Stop}: {diagnostics}");
        Assert.Equal(2 * Passes * 2 + 1, result.ExitStatus);  // the handlers counted 2 * Passes faults
        return (log, labels);
    }

    private static (byte[] Code, FaultLabels Labels) AssembleFaultKernel(FaultLabels at)
    {
        var a = new Assembler(32);
        EnablePaging(a);
        Gate(a, 0, at.DeHandler);
        Gate(a, 14, at.PfHandler);
        a.mov(__word_ptr[IdtRegister], 8 * 32 - 1);
        a.mov(__dword_ptr[IdtRegister + 2], Idt);
        a.lidt(__[IdtRegister]);
        a.mov(__dword_ptr[LogPointer], Log);
        a.mov(ebp, Passes);
        var again = a.CreateLabel();
        var faultPf = a.CreateLabel();
        var resumePf = a.CreateLabel();
        var faultDe = a.CreateLabel();
        var resumeDe = a.CreateLabel();
        var pfHandler = a.CreateLabel();
        var deHandler = a.CreateLabel();
        a.Label(ref again);                    // one block: no branch until jnz
        a.mov(esi, 0x1111_1111);
        a.mov(edi, 0x2222_2222);
        a.add(esi, ebp);
        a.Label(ref faultPf);
        a.mov(edx, __dword_ptr[ebp * 4 + Unmapped]);
        a.Label(ref resumePf);
        a.mov(eax, 100);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.add(edi, ebp);
        a.Label(ref faultDe);
        a.div(ecx);
        a.Label(ref resumeDe);
        a.dec(ebp);
        a.jne(again);
        a.mov(eax, __dword_ptr[LogPointer]);
        a.sub(eax, Log);
        a.mov(ecx, (13 + 12) * 4 / 2);         // bytes per pass / 2 faults: status = faults counted
        a.xor(edx, edx);
        a.div(ecx);
        a.@out(0xF4, al);
        a.hlt();

        a.Label(ref pfHandler);
        Handler(a, dwords: 12, tail: () => { a.mov(eax, cr2); a.stosd(); }, errorCode: true, skip: at.ResumePf - at.FaultPf);
        a.Label(ref deHandler);
        Handler(a, dwords: 11, tail: () => { a.mov(eax, 0xDE); a.stosd(); }, errorCode: false, skip: at.ResumeDe - at.FaultDe);

        var stream = new MemoryStream();
        var result = a.Assemble(new StreamCodeWriter(stream), KernelImages.EntryAddress, BlockEncoderOptions.ReturnNewInstructionOffsets);
        uint Rip(Label label) => (uint)result.GetLabelRIP(label);
        return (stream.ToArray(), new FaultLabels(Rip(pfHandler), Rip(deHandler), Rip(faultPf), Rip(resumePf), Rip(faultDe), Rip(resumeDe)));
    }

    /// <summary>Logs pushad and the exception frame (<paramref name="dwords"/> in all), then <paramref name="tail"/>'s dword; resumes past the faulting instruction.</summary>
    private static void Handler(Assembler a, int dwords, Action tail, bool errorCode, uint skip)
    {
        a.pushad();
        a.cld();
        a.mov(esi, esp);
        a.mov(edi, __dword_ptr[LogPointer]);
        a.mov(ecx, dwords);
        a.rep.movsd();
        tail();
        a.mov(__dword_ptr[LogPointer], edi);
        a.popad();
        if (errorCode) a.add(esp, 4);
        a.add(__dword_ptr[esp], skip);
        a.iretd();
    }

    /// <summary>A 32-bit interrupt gate (DPL 0, present) for <paramref name="vector"/>, written at run time.</summary>
    private static void Gate(Assembler a, int vector, uint handler)
    {
        a.mov(__dword_ptr[Idt + 8 * (uint)vector], (0x08u << 16) | (handler & 0xFFFF));
        a.mov(__dword_ptr[Idt + 8 * (uint)vector + 4], (handler & 0xFFFF_0000) | 0x8E00);
    }

    /// <summary>Identity-maps the first 4 MiB with one large page and maps <see cref="Alias1"/> and <see cref="Alias2"/> to <see cref="Frame"/>.</summary>
    private static void EnablePaging(Assembler a)
    {
        const uint present = 1, writable = 2, large = 0x80;
        a.mov(__dword_ptr[Directory], present | writable | large);
        a.mov(__dword_ptr[Directory + 4], Table | present | writable);
        a.mov(__dword_ptr[Table], Frame | present | writable);
        a.mov(__dword_ptr[Table + 4], Frame | present | writable);
        a.mov(eax, cr4);
        a.or(eax, 0x10);                       // PSE
        a.mov(cr4, eax);
        a.mov(eax, Directory);
        a.mov(cr3, eax);
        a.mov(eax, cr0);
        a.or(eax, unchecked((int)0x8000_0000)); // PG
        a.mov(cr0, eax);
    }

    private static byte[] Assemble(Assembler a)
    {
        var stream = new MemoryStream();
        a.Assemble(new StreamCodeWriter(stream), KernelImages.EntryAddress);
        return stream.ToArray();
    }
}
