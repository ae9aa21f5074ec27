using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Fpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// Inline lowerings of the x87 instructions compiled code runs most: loads and stores in every memory
/// format, the arithmetic in all its forms, FCOM/FUCOM into C3 C2 C0 or EFLAGS, FXCH, FCHS, FABS,
/// FSQRT, FRNDINT, the constants and FCMOVcc. Each is the handler's own host instruction, run on the
/// guest's register slots and memory in place (<see cref="BlockLowering"/>'s x87 part explains who
/// owns the host x87 meanwhile), with the same status-word merge. Each is guarded: an empty source, a
/// full destination or a TLB miss runs the handler, which has the stack-fault rules and the page walk.
/// </summary>
/// <remarks>
/// Exactness rests on the same fact as the interpreter's: the host x87 computes what the guest's
/// would, under the guest's control word. The glue around each instruction (FLD/FSTP of 80-bit
/// values) raises no exception and leaves C1 alone, so the status word after an inline op is the one
/// the interpreter would have.
/// </remarks>
internal static unsafe class InlineX87
{
    // Before the table: static fields initialize in order, and building the table reads the formats and fills the rest.
    private static readonly X87Run.Format Float32 = Load(HostOp.LoadFloat32, 4), Float64 = Load(HostOp.LoadFloat64, 8),
        Int16 = Load(HostOp.LoadInt16, 2), Int32 = Load(HostOp.LoadInt32, 4), Int64 = Load(HostOp.LoadInt64, 8);
    private static readonly Dictionary<nint, (HostOp Operation, bool Reversed, ArithmeticForm Form, X87Run.Format? Source)> s_arithmetic = [];
    private static readonly Dictionary<nint, X87Move> s_moves = [];
    private static readonly Dictionary<nint, X87Run.Format> s_loadFormats = [];
    private static readonly Dictionary<nint, OpLowering> s_lowerings = Build();

    public static void Register(Dictionary<nint, OpLowering> table)
    {
        foreach (var (handler, lowering) in s_lowerings) table.TryAdd(handler, lowering);
    }

    /// <summary>Whether the handler is one of the x87 ops lowered inline (a unit with any owns the host x87).</summary>
    public static bool Handles(nint handler) => s_lowerings.ContainsKey(handler);

    /// <summary>A memory format the host loads with the helpers' own instruction for <paramref name="operation"/>.</summary>
    private static X87Run.Format Load(HostOp operation, int bytes) => new(X87Host.Mnemonic(operation), bytes);

    /// <summary>What an arithmetic handler computes, in which form, from which source (null: a register), for <see cref="X87Run"/>.</summary>
    public static (HostOp Operation, bool Reversed, ArithmeticForm Form, X87Run.Format? Source)? ArithmeticOf(nint handler) =>
        s_arithmetic.TryGetValue(handler, out var kind) ? kind : null;

    /// <summary>Which of the other run-able x87 instructions a handler is (<see cref="X87Move.None"/>: none).</summary>
    public static X87Move MoveOf(nint handler) => s_moves.GetValueOrDefault(handler);

    /// <summary>The memory format of an FLD/FILD handler.</summary>
    public static X87Run.Format? LoadFormat(nint handler) => s_loadFormats.TryGetValue(handler, out var format) ? format : null;

    private static Dictionary<nint, OpLowering> Build()
    {
        var table = new Dictionary<nint, OpLowering>();
        void Add(Handler handler, OpLowering lowering) => table.TryAdd((nint)handler.Pointer, lowering);
        void AddMove(Handler handler, X87Move move, OpLowering lowering)
        {
            s_moves[(nint)handler.Pointer] = move;
            Add(handler, lowering);
        }
        void AddLoad(Handler handler, X87Run.Format format)
        {
            s_loadFormats[(nint)handler.Pointer] = format;
            AddMove(handler, X87Move.LoadMemory, (BlockLowering e, in DecodedOp op) => LoadMemory(e, op, format));
        }

        Arithmetic<FAdd>(Add);
        Arithmetic<FSub>(Add);
        Arithmetic<FSubR>(Add);
        Arithmetic<FMul>(Add);
        Arithmetic<FDiv>(Add);
        Arithmetic<FDivR>(Add);

        AddMove((Handler)(&LoadStore.Load<StSource>), X87Move.LoadRegister, LoadRegister);
        AddLoad((Handler)(&LoadStore.Load<Float32Source>), Float32);
        AddLoad((Handler)(&LoadStore.Load<Float64Source>), Float64);
        AddLoad((Handler)(&LoadStore.Load<Int16Source>), Int16);
        AddLoad((Handler)(&LoadStore.Load<Int32Source>), Int32);
        AddLoad((Handler)(&LoadStore.Load<Int64Source>), Int64);
        AddMove((Handler)(&LoadStore.Load<Float80Source>), X87Move.LoadExtended, LoadExtended);
        AddMove((Handler)(&LoadStore.LoadOne), X87Move.LoadOne, (BlockLowering e, in DecodedOp op) => LoadValue(e, op, Float80.One));
        AddMove((Handler)(&LoadStore.LoadZero), X87Move.LoadZero, (BlockLowering e, in DecodedOp op) => LoadValue(e, op, Float80.Zero));
        AddMove((Handler)(&LoadStore.LoadConstant), X87Move.LoadConstant, LoadConstant);

        AddMove((Handler)(&LoadStore.StoreRegister<Keep>), X87Move.StoreRegister, (BlockLowering e, in DecodedOp op) => StoreRegister(e, op, pop: false));
        AddMove((Handler)(&LoadStore.StoreRegister<PopAfter>), X87Move.StoreRegisterPop, (BlockLowering e, in DecodedOp op) => StoreRegister(e, op, pop: true));
        AddMove((Handler)(&LoadStore.StoreNarrowed<Keep>), X87Move.StoreNarrowed, (BlockLowering e, in DecodedOp op) => StoreNarrowed(e, op, pop: false));
        AddMove((Handler)(&LoadStore.StoreNarrowed<PopAfter>), X87Move.StoreNarrowedPop, (BlockLowering e, in DecodedOp op) => StoreNarrowed(e, op, pop: true));
        AddMove((Handler)(&LoadStore.StoreExtended), X87Move.StoreExtended, StoreExtended);
        AddMove((Handler)(&LoadStore.Exchange), X87Move.Exchange, Exchange);
        Add((Handler)(&LoadStore.ConditionalMove), ConditionalMove);

        AddMove((Handler)(&Fpu.Arithmetic.ChangeSign), X87Move.ChangeSign, (BlockLowering e, in DecodedOp op) => SignBit(e, op, negate: true));
        AddMove((Handler)(&Fpu.Arithmetic.Absolute), X87Move.Absolute, (BlockLowering e, in DecodedOp op) => SignBit(e, op, negate: false));
        Add((Handler)(&Fpu.Arithmetic.UnaryOnTop), UnaryOnTop);

        Add((Handler)(&Compare.ToEflags), CompareToEflags);
        Add((Handler)(&Compare.ToStatus<StSource>), (BlockLowering e, in DecodedOp op) => CompareToStatus(e, op, null));
        Add((Handler)(&Compare.ToStatus<Float32Source>), (BlockLowering e, in DecodedOp op) => CompareToStatus(e, op, Float32));
        Add((Handler)(&Compare.ToStatus<Float64Source>), (BlockLowering e, in DecodedOp op) => CompareToStatus(e, op, Float64));
        Add((Handler)(&Compare.ToStatus<Int16Source>), (BlockLowering e, in DecodedOp op) => CompareToStatus(e, op, Int16));
        Add((Handler)(&Compare.ToStatus<Int32Source>), (BlockLowering e, in DecodedOp op) => CompareToStatus(e, op, Int32));
        return table;
    }

    private static void Arithmetic<TOp>(Action<Handler, OpLowering> add) where TOp : struct, IFpuBinary
    {
        void Kind(Handler handler, ArithmeticForm form, X87Run.Format? source, OpLowering lowering)
        {
            s_arithmetic[(nint)handler.Pointer] = (TOp.Operation, TOp.Reversed, form, source);
            add(handler, lowering);
        }
        Kind((Handler)(&Fpu.Arithmetic.ToTop<TOp, StSource>), ArithmeticForm.ToTop, null, (BlockLowering e, in DecodedOp op) => ToTop<TOp>(e, op, null));
        Kind((Handler)(&Fpu.Arithmetic.ToTop<TOp, Float32Source>), ArithmeticForm.ToTop, Float32, (BlockLowering e, in DecodedOp op) => ToTop<TOp>(e, op, Float32));
        Kind((Handler)(&Fpu.Arithmetic.ToTop<TOp, Float64Source>), ArithmeticForm.ToTop, Float64, (BlockLowering e, in DecodedOp op) => ToTop<TOp>(e, op, Float64));
        Kind((Handler)(&Fpu.Arithmetic.ToTop<TOp, Int16Source>), ArithmeticForm.ToTop, Int16, (BlockLowering e, in DecodedOp op) => ToTop<TOp>(e, op, Int16));
        Kind((Handler)(&Fpu.Arithmetic.ToTop<TOp, Int32Source>), ArithmeticForm.ToTop, Int32, (BlockLowering e, in DecodedOp op) => ToTop<TOp>(e, op, Int32));
        Kind((Handler)(&Fpu.Arithmetic.ToRegister<TOp, Keep>), ArithmeticForm.ToRegister, null, (BlockLowering e, in DecodedOp op) => ToRegister<TOp>(e, op, pop: false));
        Kind((Handler)(&Fpu.Arithmetic.ToRegister<TOp, PopAfter>), ArithmeticForm.ToRegisterPop, null, (BlockLowering e, in DecodedOp op) => ToRegister<TOp>(e, op, pop: true));
    }

    /// <summary>ST(0) = ST(0) op source, the source ST(i) or memory (<see cref="Fpu.Arithmetic.ToTop{TOp, TSrc}"/>).</summary>
    private static void ToTop<TOp>(BlockLowering e, in DecodedOp op, X87Run.Format? memory) where TOp : struct, IFpuBinary
    {
        var d = op;
        var source = Source(e, op, memory, write: false, out var guard);
        e.GuardedOrHandler(e.And(guard, e.StValid(0)), () =>
        {
            var top = e.Slot(e.StPhysical(0));
            var (sourcePointer, sourceLoad) = source();
            var (a, loadA, b, loadB) = TOp.Reversed ? (sourcePointer, sourceLoad, top, "fldt") : (top, "fldt", sourcePointer, sourceLoad);
            var status = Host(e, $"{loadB} ($2)\n\t{loadA} ($1)\n\t{X87Host.Mnemonic(TOp.Operation)} %st(1), %st\n\tfnstsw %ax\n\tfstpt ($3)\n\tfstp %st(0)", a, b, top);
            Note(e, d, memory);
            e.MergeHostStatus(status);
        });
    }

    /// <summary>ST(i) = ST(i) op ST(0), and the popping forms (<see cref="Fpu.Arithmetic.ToRegister{TOp, TPop}"/>).</summary>
    private static void ToRegister<TOp>(BlockLowering e, in DecodedOp op, bool pop) where TOp : struct, IFpuBinary
    {
        var d = op;
        e.GuardedOrHandler(e.StValid(0, op.Extra), () =>
        {
            e.NoteInstruction(d);
            var top = e.Slot(e.StPhysical(0));
            var target = e.Slot(e.StPhysical(d.Extra));
            var (a, b) = TOp.Reversed ? (top, target) : (target, top);
            var status = Host(e, $"fldt ($2)\n\tfldt ($1)\n\t{X87Host.Mnemonic(TOp.Operation)} %st(1), %st\n\tfnstsw %ax\n\tfstpt ($3)\n\tfstp %st(0)", a, b, target);
            e.MergeHostStatus(status);
            if (pop) e.Pop();
        });
    }

    /// <summary>FLD ST(i): the source is read before the push, so FLD ST(0) duplicates the top.</summary>
    private static void LoadRegister(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        e.GuardedOrHandler(e.And(e.StValid(op.Extra), e.PushFits()), () =>
        {
            e.NoteInstruction(d);
            var source = e.Slot(e.StPhysical(d.Extra));
            e.CopyFloat80(source, e.Push());
        });
    }

    /// <summary>FLD m32/m64, FILD m16/m32/m64: the host widens the value straight from guest memory into the new ST(0).</summary>
    private static void LoadMemory(BlockLowering e, in DecodedOp op, X87Run.Format format)
    {
        var d = op;
        var (hit, host) = e.TlbProbe(e.LinearAddress(op), format.Bytes, write: false);
        e.GuardedOrHandler(e.And(hit, e.PushFits()), () =>
        {
            var from = host();
            e.NoteMemory(d);
            var status = Host(e, $"{format.Mnemonic} ($1)\n\tfnstsw %ax\n\tfstpt ($2)", from, e.Push());
            e.MergeHostStatus(status);
        });
    }

    /// <summary>FLD m80: the ten bytes as they are.</summary>
    private static void LoadExtended(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        var (hit, host) = e.TlbProbe(e.LinearAddress(op), 10, write: false);
        e.GuardedOrHandler(e.And(hit, e.PushFits()), () =>
        {
            var from = host();
            e.NoteMemory(d);
            e.CopyFloat80(from, e.Push());
        });
    }

    /// <summary>FLD1, FLDZ.</summary>
    private static void LoadValue(BlockLowering e, in DecodedOp op, Float80 value)
    {
        var d = op;
        e.GuardedOrHandler(e.PushFits(), () =>
        {
            e.NoteInstruction(d);
            e.StoreFloat80(value, e.Push());
        });
    }

    /// <summary>FLDPI, FLDL2E …: the host rounds the constant under the guest's RC.</summary>
    private static void LoadConstant(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        e.GuardedOrHandler(e.PushFits(), () =>
        {
            e.NoteInstruction(d);
            var status = Host(e, $"{X87Host.Mnemonic((HostOp)d.Imm)}\n\tfnstsw %ax\n\tfstpt ($1)", e.Push());
            e.MergeHostStatus(status);
        });
    }

    /// <summary>FST/FSTP ST(i).</summary>
    private static void StoreRegister(BlockLowering e, in DecodedOp op, bool pop)
    {
        var d = op;
        e.GuardedOrHandler(e.StValid(0), () =>
        {
            e.NoteInstruction(d);
            e.CopyFloat80(e.Slot(e.StPhysical(0)), e.Slot(e.StPhysical(d.Extra)));
            e.MarkValid(d.Extra);
            if (pop) e.Pop();
        });
    }

    /// <summary>FST/FSTP m32/m64, FIST/FISTP/FISTTP: the host narrows ST(0) straight into guest memory (operation in Imm, width in Imm2).</summary>
    private static void StoreNarrowed(BlockLowering e, in DecodedOp op, bool pop)
    {
        var d = op;
        var (hit, host) = e.TlbProbe(e.LinearAddress(op), (int)op.Imm2, write: true);
        e.GuardedOrHandler(e.And(hit, e.StValid(0)), () =>
        {
            var status = Host(e, $"fldt ($1)\n\t{X87Host.Mnemonic((HostOp)d.Imm)} ($2)\n\tfnstsw %ax", e.Slot(e.StPhysical(0)), host());
            e.MergeHostStatus(status);
            e.NoteMemory(d);
            if (pop) e.Pop();
        });
    }

    /// <summary>FSTP m80.</summary>
    private static void StoreExtended(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        var (hit, host) = e.TlbProbe(e.LinearAddress(op), 10, write: true);
        e.GuardedOrHandler(e.And(hit, e.StValid(0)), () =>
        {
            e.CopyFloat80(e.Slot(e.StPhysical(0)), host());
            e.NoteMemory(d);
            e.Pop();
        });
    }

    /// <summary>FXCH ST(i).</summary>
    private static void Exchange(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        e.GuardedOrHandler(e.StValid(0, op.Extra), () =>
        {
            e.NoteInstruction(d);
            e.SwapFloat80(e.Slot(e.StPhysical(0)), e.Slot(e.StPhysical(d.Extra)));
            e.ClearStatus(FpuStatus.C1);
        });
    }

    /// <summary>FCMOVcc ST(0), ST(i): only a move that happens reads its source (condition in Extra's high nibble).</summary>
    private static void ConditionalMove(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        var source = op.Extra & 7;
        var moves = e.Condition((Condition)(op.Extra >> 4));
        e.GuardedOrHandler(e.Or(e.Not(moves), e.StValid(source)), () =>
        {
            e.NoteInstruction(d);
            var move = e.NewBlock("fcmov");
            var done = e.NewBlock("fcmov_done");
            Core.BuildCondBr(e.B, moves, move, done);
            e.StartBlock(move);
            e.CopyFloat80(e.Slot(e.StPhysical(source)), e.Slot(e.StPhysical(0)));
            e.MarkValid(0);
            Core.BuildBr(e.B, done);
            e.StartBlock(done);
        });
    }

    /// <summary>FCHS, FABS: the sign bit alone, and C1 cleared.</summary>
    private static void SignBit(BlockLowering e, in DecodedOp op, bool negate)
    {
        var d = op;
        e.GuardedOrHandler(e.StValid(0), () =>
        {
            e.NoteInstruction(d);
            var signExponent = Core.BuildInBoundsGep(e.B, e.T.I8, e.Slot(e.StPhysical(0)), [Core.ConstInt(e.T.I64, 8)]);
            var value = Core.BuildLoad(e.B, e.T.I16, signExponent);
            var changed = negate ? Core.BuildXor(e.B, value, Core.ConstInt(e.T.I16, 0x8000)) : Core.BuildAnd(e.B, value, Core.ConstInt(e.T.I16, 0x7FFF));
            Core.BuildStore(e.B, changed, signExponent);
            e.ClearStatus(FpuStatus.C1);
        });
    }

    /// <summary>FSQRT, FRNDINT (operation in Imm). For FSQRT of any negative operand C2 alone is set, as qemu-i386 does (see the handler).</summary>
    private static void UnaryOnTop(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        e.GuardedOrHandler(e.StValid(0), () =>
        {
            e.NoteInstruction(d);
            var top = e.Slot(e.StPhysical(0));
            var operation = (HostOp)d.Imm;
            ValueRef? negative = operation == HostOp.SquareRoot ? e.SignOf(top) : null;
            var status = Host(e, $"fldt ($1)\n\t{X87Host.Mnemonic(operation)}\n\tfnstsw %ax\n\tfstpt ($1)", top);
            e.MergeHostStatus(status);
            if (negative is { } isNegative) e.SetConditionsWhen(isNegative, FpuStatus.C2);
        });
    }

    /// <summary>FCOMI/FUCOMI and their pops: ZF = C3, PF = C2, CF = C0 (Imm pops, Imm2 quiet).</summary>
    private static void CompareToEflags(BlockLowering e, in DecodedOp op)
    {
        var d = op;
        e.GuardedOrHandler(e.StValid(0, op.Extra), () =>
        {
            e.NoteInstruction(d);
            var status = Host(e, CompareText(d, "fldt"), e.Slot(e.StPhysical(0)), e.Slot(e.StPhysical(d.Extra)));
            e.MergeHostStatus(status);
            var conditions = Core.BuildZExt(e.B, status, e.T.I32);
            ValueRef Bit(ushort condition, uint flag) =>
                Core.BuildSelect(e.B, Core.BuildICmp(e.B, IntPredicate.Ne, Core.BuildAnd(e.B, conditions, e.Const(condition)), e.Const(0)), e.Const(flag), e.Const(0));
            e.SetEflags(e.Or(e.Or(Bit(FpuStatus.C3, EflagsBits.ZF), Bit(FpuStatus.C2, EflagsBits.PF)), Bit(FpuStatus.C0, EflagsBits.CF)));
            e.ClearStatus(FpuStatus.C1);
            for (var i = 0u; i < d.Imm; i++) e.Pop();
        });
    }

    /// <summary>FCOM/FUCOM/FICOM and their pops, with a register or memory source, into C3 C2 C0.</summary>
    private static void CompareToStatus(BlockLowering e, in DecodedOp op, X87Run.Format? memory)
    {
        var d = op;
        var source = Source(e, op, memory, write: false, out var guard);
        e.GuardedOrHandler(e.And(guard, e.StValid(0)), () =>
        {
            var (right, load) = source();
            var status = Host(e, CompareText(d, load), e.Slot(e.StPhysical(0)), right);
            Note(e, d, memory);
            e.MergeHostStatus(status, FpuStatus.C0 | FpuStatus.C2 | FpuStatus.C3);
            for (var i = 0u; i < d.Imm; i++) e.Pop();
        });
    }

    private static string CompareText(in DecodedOp op, string loadRight) =>
        $"{loadRight} ($2)\n\tfldt ($1)\n\t{X87Host.Mnemonic(op.Imm2 != 0 ? HostOp.CompareQuiet : HostOp.Compare)} %st(1)\n\tfnstsw %ax\n\tfstp %st(0)\n\tfstp %st(0)";

    /// <summary>
    /// A source operand: ST(i) (its validity is in <paramref name="guard"/>), or memory in <paramref name="memory"/>'s format
    /// (its TLB hit is). The returned function, called on the fast path, gives its pointer and the host instruction that loads it.
    /// </summary>
    private static Func<(ValueRef Pointer, string Load)> Source(BlockLowering e, in DecodedOp op, X87Run.Format? memory, bool write, out ValueRef guard)
    {
        if (memory is not { } format)
        {
            var index = op.Extra;
            guard = e.StValid(index);
            return () => (e.Slot(e.StPhysical(index)), "fldt");
        }
        var (hit, host) = e.TlbProbe(e.LinearAddress(op), format.Bytes, write);
        guard = hit;
        return () => (host(), format.Mnemonic);
    }

    private static void Note(BlockLowering e, in DecodedOp op, X87Run.Format? memory)
    {
        if (memory is null) e.NoteInstruction(op);
        else e.NoteMemory(op);
    }

    /// <summary>
    /// Runs host x87 instructions on the given pointers ($1, $2 …) and returns the status word they left
    /// (FNSTSW into AX). The host stack is empty before and after.
    /// </summary>
    internal static ValueRef Host(BlockLowering e, string text, params ValueRef[] pointers)
    {
        var parameters = Enumerable.Repeat(e.T.Ptr, pointers.Length).ToArray();
        var constraints = "=&{ax}," + string.Concat(Enumerable.Repeat("r,", pointers.Length)) + "~{memory},~{st},~{st(1)},~{fpsw},~{dirflag},~{flags}";
        return InlineAsm.Call(e.B, e.T.Function(e.T.I16, parameters), text, constraints, pointers, resultName: "fpu_status");
    }
}

/// <summary>The forms of x87 arithmetic: ST(0) = ST(0) op source, or ST(i) = ST(i) op ST(0) (and pop).</summary>
internal enum ArithmeticForm { ToTop, ToRegister, ToRegisterPop }

/// <summary>The x87 loads, stores and register moves a <see cref="X87Run"/> can take.</summary>
internal enum X87Move
{
    None, LoadRegister, LoadMemory, LoadExtended, LoadOne, LoadZero, LoadConstant,
    StoreRegister, StoreRegisterPop, StoreNarrowed, StoreNarrowedPop, StoreExtended, Exchange, ChangeSign, Absolute,
}
