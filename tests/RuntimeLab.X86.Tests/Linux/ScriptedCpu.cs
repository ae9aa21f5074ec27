using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Linux;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Linux;

/// <summary>
/// A stand-in for the interpreter: each Run plays the next scripted step (usually "make this system
/// call"), so the runner's loop can be tested without executing x86 code.
/// </summary>
internal sealed unsafe class ScriptedCpu : IGuestCpu
{
    public delegate StopReason Step(CpuState* state, UserAddressSpace memory);

    private readonly Queue<Step> _steps;
    private readonly UserAddressSpace _memory;

    public CpuState* State { get; } = (CpuState*)NativeMemory.AllocZeroed((nuint)sizeof(CpuState));
    public List<(int Segment, uint Base)> SegmentBases { get; } = [];
    public ThreadArea? ThreadArea { get; init; }
    /// <summary>The initial registers the runner set, captured at the first Run.</summary>
    public (uint Eip, uint Esp)? Start { get; private set; }

    public ScriptedCpu(UserAddressSpace memory, IEnumerable<Step> steps)
    {
        _memory = memory;
        _steps = new Queue<Step>(steps);
    }

    public StopReason Run(ulong maxInstructions)
    {
        Start ??= (State->Eip, State->Regs[Gpr.Esp]);
        State->InstructionCount += 10;
        if (State->InstructionCount > maxInstructions + 10 || !_steps.TryDequeue(out var step)) return StopReason.InstructionLimit;
        return step(State, _memory);
    }

    /// <summary>A scripted CPU has no instructions to name.</summary>
    public string? Unimplemented(uint eip) => null;

    public void SetSegmentBase(int segment, uint @base) => SegmentBases.Add((segment, @base));

    public void Dispose() => NativeMemory.Free(State);

    /// <summary>A step that makes system call <paramref name="number"/> with the given EBX, ECX, EDX.</summary>
    public static Step Syscall(int number, uint ebx = 0, uint ecx = 0, uint edx = 0) => (state, _) =>
    {
        state->Regs[Gpr.Eax] = (uint)number;
        state->Regs[Gpr.Ebx] = ebx;
        state->Regs[Gpr.Ecx] = ecx;
        state->Regs[Gpr.Edx] = edx;
        return StopReason.Syscall;
    };

    public static Step Fault(GuestFault fault, uint eip) => (state, _) =>
    {
        state->Fault = fault;
        state->Eip = eip;
        return StopReason.Fault;
    };
}
