using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Fpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>
/// Binds the x87 instructions to the handlers in <c>Fpu/</c>. Extra holds the ST(i) index (FCMOVcc
/// adds its condition in the high nibble); Imm and Imm2 carry a host operation, a width, a pop count
/// or a layout where one handler serves several instructions.
/// </summary>
public static unsafe class FpuBinders
{
    private enum Source { St, Float32, Float64, Float80, Int16, Int32, Int64, Bcd }

    public static bool Fpu(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var source = SourceOf(i);
        op.Extra = StIndex(i);
        var destinationIsTop = i.OpCount < 2 || i.Op0Kind != OpKind.Register || i.Op0Register == Register.ST0;
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Fadd or Mnemonic.Fiadd => Binary<FAdd>(source, destinationIsTop, pop: false),
            Mnemonic.Faddp => Binary<FAdd>(source, false, pop: true),
            Mnemonic.Fsub or Mnemonic.Fisub => Binary<FSub>(source, destinationIsTop, pop: false),
            Mnemonic.Fsubp => Binary<FSub>(source, false, pop: true),
            Mnemonic.Fsubr or Mnemonic.Fisubr => Binary<FSubR>(source, destinationIsTop, pop: false),
            Mnemonic.Fsubrp => Binary<FSubR>(source, false, pop: true),
            Mnemonic.Fmul or Mnemonic.Fimul => Binary<FMul>(source, destinationIsTop, pop: false),
            Mnemonic.Fmulp => Binary<FMul>(source, false, pop: true),
            Mnemonic.Fdiv or Mnemonic.Fidiv => Binary<FDiv>(source, destinationIsTop, pop: false),
            Mnemonic.Fdivp => Binary<FDiv>(source, false, pop: true),
            Mnemonic.Fdivr or Mnemonic.Fidivr => Binary<FDivR>(source, destinationIsTop, pop: false),
            Mnemonic.Fdivrp => Binary<FDivR>(source, false, pop: true),

            Mnemonic.Fld or Mnemonic.Fild or Mnemonic.Fbld => Load(source),
            Mnemonic.Fld1 => (Handler)(&LoadStore.LoadOne),
            Mnemonic.Fldz => (Handler)(&LoadStore.LoadZero),
            Mnemonic.Fldpi => Constant(ref op, HostOp.LoadPi),
            Mnemonic.Fldl2e => Constant(ref op, HostOp.LoadLog2E),
            Mnemonic.Fldl2t => Constant(ref op, HostOp.LoadLog2Ten),
            Mnemonic.Fldlg2 => Constant(ref op, HostOp.LoadLog10Two),
            Mnemonic.Fldln2 => Constant(ref op, HostOp.LoadLn2),
            Mnemonic.Fst or Mnemonic.Fstp or Mnemonic.Fist or Mnemonic.Fistp or Mnemonic.Fisttp or Mnemonic.Fbstp or Mnemonic.Fstpnce
                => Store(i.Mnemonic, source, ref op),
            Mnemonic.Fxch => (Handler)(&LoadStore.Exchange),
            Mnemonic.Fcmovb or Mnemonic.Fcmove or Mnemonic.Fcmovbe or Mnemonic.Fcmovu
                or Mnemonic.Fcmovnb or Mnemonic.Fcmovne or Mnemonic.Fcmovnbe or Mnemonic.Fcmovnu => ConditionalMove(i.Mnemonic, ref op),

            Mnemonic.Fchs => (Handler)(&Arithmetic.ChangeSign),
            Mnemonic.Fabs => (Handler)(&Arithmetic.Absolute),
            Mnemonic.Fsqrt => WithImm(ref op, (uint)HostOp.SquareRoot, (Handler)(&Arithmetic.UnaryOnTop)),
            Mnemonic.Frndint => WithImm(ref op, (uint)HostOp.RoundToInteger, (Handler)(&Arithmetic.UnaryOnTop)),
            Mnemonic.F2xm1 => (Handler)(&Transcendental.Exp2Minus1),
            Mnemonic.Fscale => (Handler)(&Arithmetic.Scale),
            Mnemonic.Fxtract => (Handler)(&Arithmetic.Extract),
            Mnemonic.Fprem => WithImm(ref op, (uint)HostOp.PartialRemainder, (Handler)(&Arithmetic.PartialRemainder)),
            Mnemonic.Fprem1 => WithImm(ref op, (uint)HostOp.PartialRemainderIeee, (Handler)(&Arithmetic.PartialRemainder)),

            Mnemonic.Fcom or Mnemonic.Ficom => CompareTo(source, ref op, pops: 0, quiet: false),
            Mnemonic.Fcomp or Mnemonic.Ficomp => CompareTo(source, ref op, pops: 1, quiet: false),
            Mnemonic.Fcompp => CompareTo(Source.St, ref op, pops: 2, quiet: false, index: 1),
            Mnemonic.Fucom => CompareTo(source, ref op, pops: 0, quiet: true),
            Mnemonic.Fucomp => CompareTo(source, ref op, pops: 1, quiet: true),
            Mnemonic.Fucompp => CompareTo(Source.St, ref op, pops: 2, quiet: true, index: 1),
            Mnemonic.Fcomi => CompareToEflags(ref op, pops: 0, quiet: false),
            Mnemonic.Fcomip => CompareToEflags(ref op, pops: 1, quiet: false),
            Mnemonic.Fucomi => CompareToEflags(ref op, pops: 0, quiet: true),
            Mnemonic.Fucomip => CompareToEflags(ref op, pops: 1, quiet: true),
            Mnemonic.Ftst => (Handler)(&Compare.Test),
            Mnemonic.Fxam => (Handler)(&Compare.Examine),

            Mnemonic.Fsin => (Handler)(&Transcendental.Sine),
            Mnemonic.Fcos => (Handler)(&Transcendental.Cosine),
            Mnemonic.Fsincos => (Handler)(&Transcendental.SineCosine),
            Mnemonic.Fptan => (Handler)(&Transcendental.PartialTangent),
            Mnemonic.Fpatan => WithImm(ref op, (uint)HostOp.Arctangent, (Handler)(&Transcendental.IntoSecondAndPop)),
            Mnemonic.Fyl2x => WithImm(ref op, (uint)HostOp.Yl2x, (Handler)(&Transcendental.IntoSecondAndPop)),
            Mnemonic.Fyl2xp1 => WithImm(ref op, (uint)HostOp.Yl2xp1, (Handler)(&Transcendental.IntoSecondAndPop)),

            Mnemonic.Fldcw => (Handler)(&FpuControl.LoadControlWord),
            Mnemonic.Fnstcw or Mnemonic.Fstcw => (Handler)(&FpuControl.StoreControlWord),
            Mnemonic.Fnstsw or Mnemonic.Fstsw when info.HasMemory => (Handler)(&FpuControl.StoreStatusWord),
            Mnemonic.Fnstsw or Mnemonic.Fstsw => (Handler)(&FpuControl.StoreStatusWordToAx),
            Mnemonic.Fnclex or Mnemonic.Fclex => (Handler)(&FpuControl.ClearExceptions),
            Mnemonic.Fninit or Mnemonic.Finit => (Handler)(&FpuControl.Initialize),
            Mnemonic.Ffree => WithImm(ref op, 0, (Handler)(&FpuControl.Free)),
            Mnemonic.Ffreep => WithImm(ref op, 1, (Handler)(&FpuControl.Free)),
            Mnemonic.Fincstp => WithImm(ref op, 1, (Handler)(&FpuControl.RotateTop)),
            Mnemonic.Fdecstp => WithImm(ref op, 7, (Handler)(&FpuControl.RotateTop)),
            Mnemonic.Fnop => (Handler)(&FpuControl.NoOperation),
            // 8087/287 leftovers that a 387 and later ignore.
            Mnemonic.Fneni or Mnemonic.Fndisi or Mnemonic.Fnsetpm or Mnemonic.Feni or Mnemonic.Fdisi or Mnemonic.Fsetpm => (Handler)(&SystemOps.Nop),

            Mnemonic.Fnstenv or Mnemonic.Fstenv => Layout(i, ref op, (Handler)(&FpuEnvironment.Store)),
            Mnemonic.Fldenv => Layout(i, ref op, (Handler)(&FpuEnvironment.Load)),
            Mnemonic.Fnsave or Mnemonic.Fsave => Layout(i, ref op, (Handler)(&FpuEnvironment.Save)),
            Mnemonic.Frstor => Layout(i, ref op, (Handler)(&FpuEnvironment.Restore)),
            _ => null,
        };
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }

    private static Source SourceOf(in Instruction i)
    {
        for (var k = 0; k < i.OpCount; k++)
        {
            if (i.GetOpKind(k) != OpKind.Memory) continue;
            return i.MemorySize switch
            {
                MemorySize.Float32 => Source.Float32,
                MemorySize.Float64 => Source.Float64,
                MemorySize.Float80 => Source.Float80,
                MemorySize.Int16 => Source.Int16,
                MemorySize.Int32 => Source.Int32,
                MemorySize.Int64 => Source.Int64,
                MemorySize.Bcd => Source.Bcd,
                _ => Source.St,
            };
        }
        return Source.St;
    }

    /// <summary>The ST(i) operand other than ST(0), or 0 when there is none (or it is ST(0) itself).</summary>
    private static byte StIndex(in Instruction i)
    {
        byte index = 0;
        for (var k = 0; k < i.OpCount; k++)
            if (i.GetOpKind(k) == OpKind.Register && i.GetOpRegister(k) is >= Register.ST0 and <= Register.ST7 and var r && r != Register.ST0)
                index = (byte)(r - Register.ST0);
        return index;
    }

    private static Handler WithImm(ref DecodedOp op, uint imm, Handler handler)
    {
        op.Imm = imm;
        return handler;
    }

    private static Handler Constant(ref DecodedOp op, HostOp constant) => WithImm(ref op, (uint)constant, (Handler)(&LoadStore.LoadConstant));

    private static Handler? Binary<TOp>(Source source, bool destinationIsTop, bool pop) where TOp : struct, IFpuBinary
    {
        if (source == Source.St && !destinationIsTop)
            return pop ? (Handler)(&Arithmetic.ToRegister<TOp, PopAfter>) : (Handler)(&Arithmetic.ToRegister<TOp, Keep>);
        return source switch
        {
            Source.St => (Handler)(&Arithmetic.ToTop<TOp, StSource>),
            Source.Float32 => (Handler)(&Arithmetic.ToTop<TOp, Float32Source>),
            Source.Float64 => (Handler)(&Arithmetic.ToTop<TOp, Float64Source>),
            Source.Int16 => (Handler)(&Arithmetic.ToTop<TOp, Int16Source>),
            Source.Int32 => (Handler)(&Arithmetic.ToTop<TOp, Int32Source>),
            _ => null,
        };
    }

    private static Handler? Load(Source source) => source switch
    {
        Source.St => (Handler)(&LoadStore.Load<StSource>),
        Source.Float32 => (Handler)(&LoadStore.Load<Float32Source>),
        Source.Float64 => (Handler)(&LoadStore.Load<Float64Source>),
        Source.Float80 => (Handler)(&LoadStore.Load<Float80Source>),
        Source.Int16 => (Handler)(&LoadStore.Load<Int16Source>),
        Source.Int32 => (Handler)(&LoadStore.Load<Int32Source>),
        Source.Int64 => (Handler)(&LoadStore.Load<Int64Source>),
        Source.Bcd => (Handler)(&LoadStore.Load<BcdSource>),
        _ => null,
    };

    private static Handler? Store(Mnemonic mnemonic, Source target, ref DecodedOp op)
    {
        var pop = mnemonic is Mnemonic.Fstp or Mnemonic.Fistp or Mnemonic.Fisttp or Mnemonic.Fbstp or Mnemonic.Fstpnce;
        if (target == Source.St)
            return pop ? (Handler)(&LoadStore.StoreRegister<PopAfter>) : (Handler)(&LoadStore.StoreRegister<Keep>);
        if (target == Source.Float80) return (Handler)(&LoadStore.StoreExtended);
        if (target == Source.Bcd) return (Handler)(&LoadStore.StoreBcd);
        var truncate = mnemonic == Mnemonic.Fisttp;
        (HostOp operation, uint width) = target switch
        {
            Source.Float32 => (HostOp.StoreFloat32, 4u),
            Source.Float64 => (HostOp.StoreFloat64, 8u),
            Source.Int16 => (truncate ? HostOp.TruncateInt16 : HostOp.StoreInt16, 2u),
            Source.Int32 => (truncate ? HostOp.TruncateInt32 : HostOp.StoreInt32, 4u),
            _ => (truncate ? HostOp.TruncateInt64 : HostOp.StoreInt64, 8u),
        };
        op.Imm = (uint)operation;
        op.Imm2 = width;
        return pop ? (Handler)(&LoadStore.StoreNarrowed<PopAfter>) : (Handler)(&LoadStore.StoreNarrowed<Keep>);
    }

    private static Handler ConditionalMove(Mnemonic mnemonic, ref DecodedOp op)
    {
        var condition = mnemonic switch
        {
            Mnemonic.Fcmovb => Condition.B,
            Mnemonic.Fcmove => Condition.E,
            Mnemonic.Fcmovbe => Condition.BE,
            Mnemonic.Fcmovu => Condition.P,
            Mnemonic.Fcmovnb => Condition.AE,
            Mnemonic.Fcmovne => Condition.NE,
            Mnemonic.Fcmovnbe => Condition.A,
            _ => Condition.NP,
        };
        op.Extra = (byte)(((int)condition << 4) | op.Extra);
        return (Handler)(&LoadStore.ConditionalMove);
    }

    private static Handler? CompareTo(Source source, ref DecodedOp op, uint pops, bool quiet, byte? index = null)
    {
        op.Imm = pops;
        op.Imm2 = quiet ? 1u : 0u;
        if (index is { } fixedIndex) op.Extra = fixedIndex;
        return source switch
        {
            Source.St => (Handler)(&Compare.ToStatus<StSource>),
            Source.Float32 => (Handler)(&Compare.ToStatus<Float32Source>),
            Source.Float64 => (Handler)(&Compare.ToStatus<Float64Source>),
            Source.Int16 => (Handler)(&Compare.ToStatus<Int16Source>),
            Source.Int32 => (Handler)(&Compare.ToStatus<Int32Source>),
            _ => null,
        };
    }

    private static Handler CompareToEflags(ref DecodedOp op, uint pops, bool quiet)
    {
        op.Imm = pops;
        op.Imm2 = quiet ? 1u : 0u;
        return (Handler)(&Compare.ToEflags);
    }

    /// <summary>Environment images: Imm = 1 for the 32-bit layouts (28 and 108 bytes), 0 for the 16-bit ones.</summary>
    private static Handler Layout(in Instruction i, ref DecodedOp op, Handler handler)
    {
        op.Imm = i.MemorySize is MemorySize.FpuEnv28 or MemorySize.FpuState108 ? 1u : 0u;
        return handler;
    }
}
