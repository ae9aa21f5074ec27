using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Thrown by a repeated string instruction that used up its budget with elements left: the
/// interpreter restarts the instruction from where it stopped (ECX, ESI and EDI already say how far
/// it got), after returning to the machine loop, which may take an interrupt in between, as hardware
/// does between iterations. One preallocated instance: it carries no data.
/// </summary>
public sealed class RestartInstructionException : Exception
{
    public static readonly RestartInstructionException Instance = new();
    private RestartInstructionException() : base("a repeated string instruction restarts") { }
}

/// <summary>
/// In the bare-metal machine a REP string instruction runs at most <see cref="Elements"/> elements per
/// execution. Nothing faults there the way unmapped pages do in user mode, so REP STOSD with ECX near
/// 2^32 would otherwise hold the host for minutes, deaf to the instruction limit and the timeout.
/// User mode pays one mode test per REP instruction and never defers.
/// </summary>
public static unsafe class RepeatBudget
{
    public const uint Elements = 1 << 16;

    /// <summary>
    /// Caps ECX at the budget in system mode; returns the count set aside, to add back afterwards. While
    /// single-stepping or with a breakpoint enabled the budget is one element: the #DB of TF or of a
    /// data breakpoint comes after each iteration, with EIP still at the instruction, as in QEMU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Defer(CpuState* s)
    {
        ref uint ecx = ref s->Regs[Gpr.Ecx];
        if (s->Mode != ExecutionMode.System) return 0;
        var budget = (s->SlowPath & (EflagsBits.TF | DebugRegisterBits.Enables)) != 0 ? 1 : Elements;
        if (ecx <= budget) return 0;
        var rest = ecx - budget;
        ecx = budget;
        return rest;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RestartIfDeferred(uint deferred)
    {
        if (deferred != 0) throw RestartInstructionException.Instance;
    }
}
