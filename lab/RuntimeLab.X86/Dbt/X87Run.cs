using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Fpu;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// A run of consecutive x87 instructions compiled as one piece of host x87 code: the guest registers
/// the run touches are loaded onto the host's stack in order, so that host ST(i) is guest ST(i)
/// throughout, each guest instruction runs as the same host instruction, and the stack is stored back
/// at the end. Values then pass from one instruction to the next in host registers, where one op at a
/// time would store each result to its slot and load it again (a store-to-load round trip of an
/// 80-bit value on every op, which dominated x87 code).
/// </summary>
/// <remarks>
/// The run is planned while translating, relative to TOP at its start: which registers it must find
/// valid (it reads them) or empty (it pushes into them), how deep the host stack gets, and what TOP
/// and the tags are after it. At run time one test of the tags and the TLB hits of its memory operands
/// choose between the run and the ops one by one (<see cref="InlineX87"/>, with their handlers behind
/// them). The status word is what the ops one by one would leave: the exceptions are sticky on the
/// host too, and C1 is taken right after the last instruction that sets it the way the interpreter does.
/// </remarks>
internal sealed unsafe class X87Run
{
    /// <summary>What one guest instruction does to the stack, and its host instruction.</summary>
    private sealed record Step(int Index, int[] Reads, int[] Writes, bool Push, int Pops, Format? Memory, bool MemoryWrite,
        C1Effect C1, bool TemporaryPush, Func<string, string> Text);

    private enum C1Effect { Unchanged, FromHost, Cleared }

    /// <summary>A memory operand's host load or store instruction and its size.</summary>
    internal readonly record struct Format(string Mnemonic, int Bytes);

    private const int MinimumLength = 2, MaximumPointers = 10, HostRegisters = 8;

    private readonly Step[] _steps;
    /// <summary>
    /// For each step that pops a register the run wrote, that register (r): its value is stored to the slot
    /// before the pop, since a popped register keeps its contents (FSAVE shows them) as the interpreter's does.
    /// </summary>
    private readonly int?[] _saveBeforePop;
    private readonly int _loaded, _netPush;
    /// <summary>Registers relative to TOP at the start (bit r for ST(r), r mod 8) that must be valid, must be empty, end valid, end empty.</summary>
    private readonly uint _mustBeValid, _mustBeEmpty, _endValid, _endEmpty;

    public int Length => _steps.Length;

    private X87Run(Step[] steps, int?[] saveBeforePop, int loaded, int netPush, uint mustBeValid, uint mustBeEmpty, uint endValid, uint endEmpty)
    {
        (_steps, _saveBeforePop, _loaded, _netPush) = (steps, saveBeforePop, loaded, netPush);
        (_mustBeValid, _mustBeEmpty, _endValid, _endEmpty) = (mustBeValid, mustBeEmpty, endValid, endEmpty);
    }

    /// <summary>The run that starts at op <paramref name="start"/>, or null where there is none worth one (or it cannot be planned).</summary>
    public static X87Run? At(DecodedOp[] ops, int start)
    {
        var steps = new List<Step>();
        for (var k = start; k < ops.Length && StepOf(ops[k], k - start) is { } step; k++) steps.Add(step);
        while (steps.Count >= MinimumLength)
        {
            if (Plan(steps.ToArray()) is { } run) return run;
            steps.RemoveAt(steps.Count - 1);
        }
        return null;
    }

    /// <summary>
    /// Follows the run's stack effects with r = i − (pushes − pops so far) naming ST(i) by its place at the
    /// start. Null where the run would fault for sure, touch a register above the start TOP it did not
    /// push, need more host registers than there are, or take more pointers than a piece of inline asm should.
    /// </summary>
    private static X87Run? Plan(Step[] steps)
    {
        var state = new Dictionary<int, bool>(); // r → valid (true) or empty (false), once the run has set it
        var written = new HashSet<int>();
        var saveBeforePop = new int?[steps.Length];
        uint mustBeValid = 0, mustBeEmpty = 0;
        int depth = 0, loaded = 0, deepest = 0;
        foreach (var step in steps)
        {
            // A step that writes ST(0) and pops it leaves a value the host never holds: not in a run.
            if (step.Pops > 0 && step.Writes.Contains(0)) return null;
            foreach (var i in step.Reads)
            {
                var r = i - depth;
                if (state.TryGetValue(r, out var valid)) { if (!valid) return null; continue; }
                if (r < 0) return null;
                mustBeValid |= Bit(r);
                loaded = Math.Max(loaded, r + 1);
            }
            foreach (var i in step.Writes)
            {
                var r = i - depth;
                if (r < 0 && !state.ContainsKey(r)) return null;
                if (r >= 0) loaded = Math.Max(loaded, r + 1);
                state[r] = true;
                written.Add(r);
            }
            if (step.Push)
            {
                var r = -1 - depth;
                if (!state.ContainsKey(r)) mustBeEmpty |= Bit(r);
                state[r] = true;
                written.Add(r);
                depth++;
            }
            deepest = Math.Max(deepest, depth + (step.TemporaryPush ? 1 : 0));
            if (step.Pops > 0 && written.Remove(-depth))
            {
                saveBeforePop[step.Index] = -depth;
                deepest = Math.Max(deepest, depth + 1);
            }
            for (var p = 0; p < step.Pops; p++)
            {
                state[-depth] = false;
                depth--;
            }
        }
        if (loaded + deepest > HostRegisters || (mustBeValid & mustBeEmpty) != 0) return null;
        var memory = steps.Count(s => s.Memory is not null);
        if (loaded + (loaded + depth) + memory + saveBeforePop.Count(r => r is not null) > MaximumPointers) return null;
        uint endValid = 0, endEmpty = 0;
        foreach (var (r, valid) in state)
            if (valid) endValid |= Bit(r); else endEmpty |= Bit(r);
        return new X87Run(steps, saveBeforePop, loaded, depth, mustBeValid, mustBeEmpty, endValid, endEmpty);
    }

    private static uint Bit(int r) => 1u << (r & 7);

    /// <summary>
    /// The run's memory operands' TLB probes and the tag test, in guest order (the operands' addresses
    /// use the registers as they are, which no x87 instruction changes), as one condition.
    /// </summary>
    public (ValueRef Fits, Func<ValueRef>[] Hosts) Guard(BlockLowering e, DecodedOp[] ops, int start)
    {
        var fits = e.StackHolds(_mustBeValid, _mustBeEmpty);
        var hosts = new List<Func<ValueRef>>();
        foreach (var step in _steps)
        {
            if (step.Memory is not { } format) continue;
            var (hit, host) = e.TlbProbe(e.LinearAddress(ops[start + step.Index]), format.Bytes, step.MemoryWrite);
            fits = e.And(fits, hit);
            hosts.Add(host);
        }
        return (fits, hosts.ToArray());
    }

    /// <summary>Emits the run itself, for the path where <see cref="Guard"/> held.</summary>
    public void Emit(BlockLowering e, DecodedOp[] ops, int start, Func<ValueRef>[] hosts)
    {
        var pointers = new List<ValueRef>();
        string Operand(ValueRef pointer)
        {
            pointers.Add(pointer);
            return $"(${pointers.Count})";
        }

        var text = new List<string>();
        for (var r = _loaded - 1; r >= 0; r--) text.Add($"fldt {Operand(e.Slot(e.StPhysical(r)))}");
        var lastFromHost = Array.FindLastIndex(_steps, s => s.C1 == C1Effect.FromHost);
        var lastCleared = Array.FindLastIndex(_steps, s => s.C1 == C1Effect.Cleared);
        var memory = 0;
        foreach (var step in _steps)
        {
            if (_saveBeforePop[step.Index] is { } popped) text.Add($"fld %st(0)\n\tfstpt {Operand(e.Slot(e.StPhysical(popped)))}");
            text.Add(step.Text(step.Memory is null ? "" : Operand(hosts[memory++]())));
            if (step.Index == lastFromHost) text.Add("fnstsw %ax");
        }
        // At the end guest ST(j) is host ST(j), and r = j − netPush names its register.
        for (var j = 0; j < _loaded + _netPush; j++) text.Add($"fstpt {Operand(e.Slot(e.StPhysical(j - _netPush)))}");

        var status = InlineX87.Host(e, string.Join("\n\t", text), pointers.ToArray());
        if (lastFromHost >= 0) e.MergeHostStatus(status);
        if (lastCleared > lastFromHost) e.ClearStatus(FpuStatus.C1);

        var lastMemory = Array.FindLastIndex(_steps, s => s.Memory is not null);
        if (lastMemory >= 0) e.NoteMemory(ops[start + _steps[lastMemory].Index]);
        e.NoteInstruction(ops[start + _steps[^1].Index]);
        e.MoveStack(-_netPush, _endValid, _endEmpty);
    }

    /// <summary>The step of one op, or null if it cannot join a run (it is not one of these x87 instructions).</summary>
    private static Step? StepOf(in DecodedOp op, int index)
    {
        var handler = (nint)op.Handler;
        var i = op.Extra;
        var constant = (HostOp)op.Imm;
        if (InlineX87.ArithmeticOf(handler) is { } arithmetic)
        {
            var (operation, reversed, form, source) = arithmetic;
            var code = Code(operation, reversed);
            return form switch
            {
                // D8 /r: ST(0) = ST(0) op ST(i).
                ArithmeticForm.ToTop when source is null => new Step(index, [0, i], [0], false, 0, null, false, C1Effect.FromHost, false,
                    _ => Bytes(0xD8, code.ToTop + i)),
                // The source widened onto the stack, then ST(1) = ST(1) op ST(0) and pop: as the handler widens, then computes.
                ArithmeticForm.ToTop => new Step(index, [0], [0], false, 0, source, false, C1Effect.FromHost, true,
                    m => $"{source!.Value.Mnemonic} {m}\n\t{Bytes(0xDE, code.ToRegister + 1)}"),
                // DC /r (DE /r popping): ST(i) = ST(i) op ST(0).
                _ => new Step(index, [0, i], [i], false, form == ArithmeticForm.ToRegisterPop ? 1 : 0, null, false, C1Effect.FromHost, false,
                    _ => Bytes(form == ArithmeticForm.ToRegisterPop ? 0xDE : 0xDC, code.ToRegister + i)),
            };
        }
        return InlineX87.MoveOf(handler) switch
        {
            X87Move.LoadRegister => new Step(index, [i], [], true, 0, null, false, C1Effect.Unchanged, false, _ => Bytes(0xD9, 0xC0 + i)),
            X87Move.LoadMemory when InlineX87.LoadFormat(handler) is { } format =>
                new Step(index, [], [], true, 0, format, false, C1Effect.FromHost, false, m => $"{format.Mnemonic} {m}"),
            X87Move.LoadExtended => new Step(index, [], [], true, 0, new Format("fldt", 10), false, C1Effect.Unchanged, false, m => $"fldt {m}"),
            X87Move.LoadOne => new Step(index, [], [], true, 0, null, false, C1Effect.Unchanged, false, _ => Bytes(0xD9, 0xE8)),
            X87Move.LoadZero => new Step(index, [], [], true, 0, null, false, C1Effect.Unchanged, false, _ => Bytes(0xD9, 0xEE)),
            X87Move.LoadConstant => new Step(index, [], [], true, 0, null, false, C1Effect.FromHost, false, _ => X87Host.Mnemonic(constant)),
            X87Move.StoreRegister => new Step(index, [0], [i], false, 0, null, false, C1Effect.Unchanged, false, _ => Bytes(0xDD, 0xD0 + i)),
            X87Move.StoreRegisterPop => new Step(index, [0], [i], false, 1, null, false, C1Effect.Unchanged, false, _ => Bytes(0xDD, 0xD8 + i)),
            X87Move.StoreNarrowed or X87Move.StoreNarrowedPop => StoreNarrowed(op, index, InlineX87.MoveOf(handler) == X87Move.StoreNarrowedPop),
            X87Move.StoreExtended => new Step(index, [0], [], false, 1, new Format("fstpt", 10), true, C1Effect.Unchanged, false, m => $"fstpt {m}"),
            X87Move.Exchange => new Step(index, [0, i], [0, i], false, 0, null, false, C1Effect.Cleared, false, _ => Bytes(0xD9, 0xC8 + i)),
            X87Move.ChangeSign => new Step(index, [0], [0], false, 0, null, false, C1Effect.Cleared, false, _ => Bytes(0xD9, 0xE0)),
            X87Move.Absolute => new Step(index, [0], [0], false, 0, null, false, C1Effect.Cleared, false, _ => Bytes(0xD9, 0xE1)),
            _ => null,
        };
    }

    private static Step? StoreNarrowed(in DecodedOp op, int index, bool pop)
    {
        var operation = (HostOp)op.Imm;
        var mnemonic = X87Host.Mnemonic(operation);
        if (!pop)
        {
            // The popping forms are the helpers'; FST and FIST keep ST(0). (FISTTP and FISTP m64 only pop.)
            if (operation is not (HostOp.StoreFloat32 or HostOp.StoreFloat64 or HostOp.StoreInt16 or HostOp.StoreInt32)) return null;
            mnemonic = mnemonic.Replace("stp", "st");
        }
        return new Step(index, [0], [], false, pop ? 1 : 0, new Format(mnemonic, (int)op.Imm2), true, C1Effect.FromHost, false, m => $"{mnemonic} {m}");
    }

    /// <summary>
    /// The second opcode byte's base of an arithmetic operation (Intel's encodings, given as bytes so no
    /// assembler's AT&amp;T reading of FSUB/FSUBR and FDIV/FDIVR with a register destination comes between):
    /// for ST(0) = ST(0) op ST(i) (D8), and for ST(i) = ST(i) op ST(0) (DC, or DE popping).
    /// </summary>
    private static (int ToTop, int ToRegister) Code(HostOp operation, bool reversed) => (operation, reversed) switch
    {
        (HostOp.Add, _) => (0xC0, 0xC0),
        (HostOp.Multiply, _) => (0xC8, 0xC8),
        (HostOp.Subtract, false) => (0xE0, 0xE8),
        (HostOp.Subtract, true) => (0xE8, 0xE0),
        (HostOp.Divide, false) => (0xF0, 0xF8),
        _ => (0xF8, 0xF0),
    };

    private static string Bytes(int first, int second) => $".byte 0x{first:x2}, 0x{second:x2}";
}
