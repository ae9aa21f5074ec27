using System.Runtime.InteropServices;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Cpu;

/// <summary>Why the CPU loop returned to its caller.</summary>
public enum StopReason : uint
{
    None = 0,
    /// <summary><c>int 0x80</c>: the Linux layer handles it and resumes at EIP.</summary>
    Syscall,
    /// <summary>A fault the loop could not deliver in the guest (user mode has no IDT); see <see cref="CpuState.Fault"/>.</summary>
    Fault,
    Halt,
    InstructionLimit,
    /// <summary>System mode: a device needs the machine loop's attention (an exit request, a newly unmasked interrupt) before the next block.</summary>
    DeviceRequest,
}

/// <summary>Which world the CPU runs in: it decides what INT n, privileged instructions and segment loads mean.</summary>
public enum ExecutionMode : uint
{
    /// <summary>Linux user mode: CPL 3, INT 0x80 is the system call, segments come from the TLS entries.</summary>
    LinuxUser = 0,
    /// <summary>The bare-metal machine: descriptors from the guest's GDT, interrupts through its IDT, port I/O.</summary>
    System = 1,
}

/// <summary>GDTR or IDTR: a descriptor table's linear base and byte limit.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct DescriptorTableRegister
{
    public uint Base;
    public uint Limit;
}

/// <summary>
/// The whole guest CPU in one flat, unmanaged structure, so that the interpreter's handlers and,
/// later, code compiled by the binary translator address it the same way: through one pointer,
/// at fixed offsets. It lives in native memory and never moves.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct CpuState
{
    /// <summary>
    /// EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI in encoding order (see <see cref="Gpr"/>), then a ninth
    /// slot that is always zero: a memory operand without base or index names it, so effective
    /// addresses are computed without branches.
    /// </summary>
    public fixed uint Regs[9];
    public uint Eip;

    /// <summary>EFLAGS without the six arithmetic flags, which live lazily in the Cc* fields.</summary>
    public uint FlagsRest;
    /// <summary>The last flag-setting operation and its operands (QEMU's cc_op scheme, <see cref="LazyFlags"/>).</summary>
    public CcOp CcOp;
    public uint CcDst;
    public uint CcSrc;
    public uint CcSrc2;

    /// <summary>Segment registers in encoding order ES, CS, SS, DS, FS, GS, and their cached descriptors.</summary>
    public fixed ushort Selectors[6];
    public fixed uint SegmentBase[6];
    public fixed uint SegmentLimit[6];

    public uint Cr0, Cr2, Cr3, Cr4;

    /// <summary>Instructions retired, exact at block boundaries and at faults.</summary>
    public ulong InstructionCount;

    public StopReason Stop;
    public GuestFault Fault;
    /// <summary>The address of the instruction that raised <see cref="Fault"/> (for a trap EIP is already past it): a failed INT n faults here.</summary>
    public uint FaultingEip;

    /// <summary>The memory fast path: a direct-mapped table of guest pages (see <see cref="Tlb"/>).</summary>
    public TlbEntry* Tlb;
    public uint TlbMask;
    /// <summary>A GCHandle to the <see cref="IAddressSpace"/> that serves the slow path.</summary>
    public nint AddressSpaceHandle;
    /// <summary>A GCHandle to the interpreter that owns this state (segment loads call back into it).</summary>
    public nint OwnerHandle;

    public ExecutionMode Mode;
    public DescriptorTableRegister Gdt, Idt;
    /// <summary>The task register: the selector and the TSS base and limit it loaded (SS0:ESP0 for ring changes).</summary>
    public ushort TaskRegister;
    public ushort LdtRegister;
    public uint TaskBase, TaskLimit;
    /// <summary>The LDT that LLDT loaded (limit 0 with no LDT, so every TI = 1 selector faults).</summary>
    public uint LdtBase, LdtLimit;
    /// <summary>Non-zero while the machine's interrupt controller has a request waiting for EFLAGS.IF (set by the machine, read by STI, POPF and IRET).</summary>
    public uint PendingInterrupts;
    /// <summary>DR0-DR7 (DR4 and DR5 are never used: they alias DR6 and DR7). See <see cref="Interp.Breakpoints"/>.</summary>
    public fixed uint DebugRegs[8];
    /// <summary>
    /// Non-zero when the next block must run one instruction at a time: tracing (<see cref="TraceBit"/>),
    /// EFLAGS.TF or RF, or a breakpoint enabled in DR7. Kept by <see cref="RefreshSlowPath"/>, so the
    /// run loop tests one field per block and the common path pays nothing per instruction.
    /// </summary>
    public uint SlowPath;
    /// <summary>DR6's B0-B3 of the data breakpoints the current instruction's accesses hit (set by the memory slow path).</summary>
    public uint DataBreakpointHits;
    /// <summary>Set by MOV/POP SS (2) and STI (1): the single-step trap waits until after the next instruction (see <see cref="Interp.Breakpoints"/>).</summary>
    public uint StepShadow;
    public const uint StiShadow = 1, StackShadow = 2;

    /// <summary>The current privilege level: CS's RPL in protected mode, 0 in real mode (conforming code segments are not modelled).</summary>
    public readonly int Cpl => IsRealMode ? 0 : Selectors[Seg.Cs] & 3;

    /// <summary>The machine with CR0.PE clear (Linux user mode is always protected).</summary>
    public readonly bool IsRealMode => Mode == ExecutionMode.System && (Cr0 & Cr0Bits.PE) == 0;

    /// <summary>Where <see cref="Interp.Interpreter.Run"/> stops: compiled code chains to the next block only below it.</summary>
    public ulong InstructionLimit;

    /// <summary>The x87 unit, after everything else so that the fields above keep their offsets.</summary>
    public Fpu.FpuState Fpu;

    /// <summary>CS's D bit and SS's B bit: what the next block is decoded for (see <see cref="Cpu.CodeMode"/>).</summary>
    public CodeMode CodeMode;

    /// <summary>The interrupt flag, DF and the other non-arithmetic bits, with the arithmetic flags computed.</summary>
    public uint Eflags
    {
        get
        {
            fixed (CpuState* self = &this) return (FlagsRest & ~EflagsBits.Arithmetic) | LazyFlags.Compute(self) | EflagsBits.Reserved1;
        }
    }

    /// <summary>Sets every flag; the arithmetic ones become materialized (CcOp = Eflags).</summary>
    public void SetEflags(uint value)
    {
        FlagsRest = (value & ~EflagsBits.Arithmetic) | EflagsBits.Reserved1;
        CcOp = CcOp.Eflags;
        CcSrc = value & EflagsBits.Arithmetic;
        RefreshSlowPath();
    }

    public const uint TraceBit = 1u << 31;

    /// <summary>Recomputes <see cref="SlowPath"/> after TF, RF or DR7 changed. Debug traps exist in the machine only.</summary>
    public void RefreshSlowPath()
    {
        var debug = Mode == ExecutionMode.System ? (FlagsRest & (EflagsBits.TF | EflagsBits.RF)) | (DebugRegs[7] & DebugRegisterBits.Enables) : 0;
        SlowPath = (SlowPath & TraceBit) | debug;
    }
}

/// <summary>General-purpose register numbers in x86 encoding order.</summary>
public static class Gpr
{
    public const int Eax = 0, Ecx = 1, Edx = 2, Ebx = 3, Esp = 4, Ebp = 5, Esi = 6, Edi = 7;
    /// <summary>The always-zero slot: "no base" or "no index" in a memory operand.</summary>
    public const int Zero = 8;
    public static readonly string[] Names = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"];
}

/// <summary>Segment register numbers in x86 encoding order.</summary>
public static class Seg
{
    public const int Es = 0, Cs = 1, Ss = 2, Ds = 3, Fs = 4, Gs = 5;
    /// <summary>"No segment override": the decoder resolves the default segment itself, so this never reaches a handler.</summary>
    public const int None = 0xFF;
}

public static class Cr0Bits
{
    public const uint PE = 1 << 0, MP = 1 << 1, EM = 1 << 2, TS = 1 << 3, ET = 1 << 4, NE = 1 << 5, WP = 1 << 16, AM = 1 << 18, PG = 1u << 31;
}

public static class DebugRegisterBits
{
    /// <summary>DR7's L0-L3: breakpoints local to the current task, cleared by a task switch.</summary>
    public const uint LocalEnables = 0x55;
    /// <summary>DR7's L0-L3 and G0-G3.</summary>
    public const uint Enables = 0xFF;
    /// <summary>DR6's B0-B3 (which breakpoints matched) and BS (a single-step trap).</summary>
    public const uint Hits = 0xF, SingleStep = 1 << 14;
    /// <summary>The bits of DR6 and DR7 that always read as 1 (QEMU's DR6_FIXED_1 and DR7_FIXED_1).</summary>
    public const uint Dr6Fixed = 0xFFFF_0FF0, Dr7Fixed = 0x400;
}

public static class Cr4Bits
{
    /// <summary>Page size extensions: PDEs with PS set map 4 MiB pages.</summary>
    public const uint PSE = 1 << 4;
}

public static class EflagsBits
{
    public const uint CF = 1 << 0, Reserved1 = 1 << 1, PF = 1 << 2, AF = 1 << 4, ZF = 1 << 6, SF = 1 << 7,
        TF = 1 << 8, IF = 1 << 9, DF = 1 << 10, OF = 1 << 11, Iopl = 3 << 12, NT = 1 << 14, RF = 1 << 16, VM = 1 << 17, AC = 1 << 18, ID = 1 << 21;
    public const uint Arithmetic = CF | PF | AF | ZF | SF | OF;
}
