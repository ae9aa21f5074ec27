using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// Exact x87 arithmetic from the host's own x87 unit. C# has no 80-bit type, but this host is x86-64
/// and its x87 computes exactly what the guest's would: the helpers load the guest's control word (so
/// rounding and precision control apply), run the one instruction, and hand back the 80-bit result
/// and the status word. They are tiny functions of inline assembly, generated through the shared
/// LLVM backend and compiled once per process, on the first x87 instruction a guest runs.
/// </summary>
/// <remarks>
/// Chosen over a software floatx80 because the hardware is the reference QEMU's softfloat aims at:
/// correct rounding under RC and PC, flags, denormals and NaN rules come for free and exact. The
/// guest's exception masks are never given to the host (all six stay masked there); unmasked guest
/// exceptions only set ES and B in the guest status word, as in QEMU's user mode, where CR0.NE is
/// clear and nothing traps.
/// </remarks>
public static unsafe class X87Host
{
    private const string Prologue = "fnstcw 4($0)\n\tfldcw 0($0)\n\tfnclex\n\t";
    private const string Epilogue = "\n\tfnclex\n\tfldcw 4($0)";
    private const string StoreStatus = "fnstsw 2($0)";
    private const string Constraints = "r,~{memory},~{st},~{st(1)},~{st(2)},~{st(3)},~{st(4)},~{st(5)},~{st(6)},~{st(7)},~{fpsw},~{fpcr},~{dirflag},~{fpsr},~{flags}";

    /// <summary>Each operation's instructions between the prologue and epilogue. A at 16, B at 32, results at 48 and 64.</summary>
    private static string Body(HostOp op) => op switch
    {
        HostOp.Add or HostOp.Subtract or HostOp.Multiply or HostOp.Divide => Binary($"{Mnemonic(op)} %st(1), %st"),
        HostOp.PartialRemainder => Binary("fprem"),
        HostOp.PartialRemainderIeee => Binary("fprem1"),
        HostOp.Scale => Binary("fscale"),
        // These three pop: their result replaces ST(1) and is the only value left.
        HostOp.Yl2x => $"fldt 32($0)\n\tfldt 16($0)\n\tfyl2x\n\t{StoreStatus}\n\tfstpt 48($0)",
        HostOp.Yl2xp1 => $"fldt 32($0)\n\tfldt 16($0)\n\tfyl2xp1\n\t{StoreStatus}\n\tfstpt 48($0)",
        HostOp.Arctangent => $"fldt 32($0)\n\tfldt 16($0)\n\tfpatan\n\t{StoreStatus}\n\tfstpt 48($0)",
        HostOp.Compare or HostOp.CompareQuiet => $"fldt 32($0)\n\tfldt 16($0)\n\t{Mnemonic(op)} %st(1)\n\t{StoreStatus}\n\tfstp %st(0)\n\tfstp %st(0)",
        HostOp.SquareRoot or HostOp.RoundToInteger or HostOp.Exp2Minus1 => Unary(Mnemonic(op)),
        HostOp.Extract => $"fldt 16($0)\n\tfxtract\n\t{StoreStatus}\n\tfstpt 48($0)\n\tfstpt 64($0)",
        >= HostOp.LoadFloat32 and <= HostOp.LoadBcd => Load(Mnemonic(op)),
        >= HostOp.StoreFloat32 and <= HostOp.StoreBcd => Store(Mnemonic(op)),
        >= HostOp.LoadPi and <= HostOp.LoadLn2 => Constant(Mnemonic(op)),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>
    /// The one host instruction behind an operation that is a single instruction (arithmetic, compare,
    /// conversions to and from memory formats, constants): the helpers here and the translator's inline
    /// x87 (<c>Dbt/InlineX87</c>) run the same one.
    /// </summary>
    public static string Mnemonic(HostOp op) => op switch
    {
        HostOp.Add => "fadd",
        HostOp.Subtract => "fsub",
        HostOp.Multiply => "fmul",
        HostOp.Divide => "fdiv",
        HostOp.Compare => "fcom",
        HostOp.CompareQuiet => "fucom",
        HostOp.SquareRoot => "fsqrt",
        HostOp.RoundToInteger => "frndint",
        HostOp.Exp2Minus1 => "f2xm1",
        HostOp.LoadFloat32 => "flds",
        HostOp.LoadFloat64 => "fldl",
        HostOp.LoadInt16 => "filds",
        HostOp.LoadInt32 => "fildl",
        HostOp.LoadInt64 => "fildll",
        HostOp.LoadBcd => "fbld",
        HostOp.StoreFloat32 => "fstps",
        HostOp.StoreFloat64 => "fstpl",
        HostOp.StoreInt16 => "fistps",
        HostOp.StoreInt32 => "fistpl",
        HostOp.StoreInt64 => "fistpll",
        HostOp.TruncateInt16 => "fisttps",
        HostOp.TruncateInt32 => "fisttpl",
        HostOp.TruncateInt64 => "fisttpll",
        HostOp.StoreBcd => "fbstp",
        HostOp.LoadPi => "fldpi",
        HostOp.LoadLog2E => "fldl2e",
        HostOp.LoadLog2Ten => "fldl2t",
        HostOp.LoadLog10Two => "fldlg2",
        HostOp.LoadLn2 => "fldln2",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a single host instruction"),
    };

    // ST(0) = A, ST(1) = B; the operation leaves its result in ST(0) (ST(1) for the popping ones is handled above).
    private static string Binary(string instruction) =>
        $"fldt 32($0)\n\tfldt 16($0)\n\t{instruction}\n\t{StoreStatus}\n\tfstpt 48($0)\n\tfstpt 64($0)";
    private static string Unary(string instruction) => $"fldt 16($0)\n\t{instruction}\n\t{StoreStatus}\n\tfstpt 48($0)";
    private static string Load(string instruction) => $"{instruction} 16($0)\n\t{StoreStatus}\n\tfstpt 48($0)";
    private static string Store(string instruction) => $"fldt 16($0)\n\t{instruction} 48($0)\n\t{StoreStatus}";
    private static string Constant(string instruction) => $"{instruction}\n\t{StoreStatus}\n\tfstpt 48($0)";

    private static readonly Lazy<nint[]> s_helpers = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);
    private static JitSession? s_session;

    /// <summary>The generated module's IR, for inspection and tests.</summary>
    public static string DescribeIr()
    {
        using var session = new JitSession();
        using var module = Build(session);
        return module.PrintIr();
    }

    private static IrModule Build(JitSession session)
    {
        var module = session.CreateModule("x87_host");
        var t = module.Types;
        var signature = t.Function(t.Void, t.Ptr);
        foreach (var op in Enum.GetValues<HostOp>())
        {
            var (function, builder) = module.DefineFunction(SymbolOf(op), t.Void, t.Ptr);
            InlineAsm.Call(builder, signature, Prologue + Body(op) + Epilogue, Constraints, [Core.GetParam(function, 0)]);
            Core.BuildRetVoid(builder);
        }
        return module;
    }

    private static string SymbolOf(HostOp op) => "x87_" + op;

    private static nint[] Compile()
    {
        // One session for the process: the helpers live as long as it does.
        var session = s_session = new JitSession();
        var compiled = session.Compile(Build(session), CompileOptions.At(OptLevel.O1));
        var ops = Enum.GetValues<HostOp>();
        var table = new nint[ops.Length];
        foreach (var op in ops) table[(int)op] = compiled[SymbolOf(op)].Address;
        return table;
    }

    /// <summary>Runs <paramref name="op"/> on <paramref name="frame"/> with the guest control word <paramref name="control"/>.</summary>
    public static void Run(HostOp op, HostFrame* frame, ushort control)
    {
        frame->Control = (ushort)(control | 0x3F);
        var helper = (delegate* unmanaged[SuppressGCTransition]<HostFrame*, void>)s_helpers.Value[(int)op];
        helper(frame);
    }
}
