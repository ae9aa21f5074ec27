using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Tests;

public sealed unsafe class ArithmeticTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly JitSession _jit = fixture.Session;

    private static readonly int[] s_int32Edges = [0, 1, -1, 2, 7, -7, 46341, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1];
    private static readonly long[] s_int64Edges = [0, 1, -1, 3, -3, 3037000500, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1, uint.MaxValue];

    /// <summary>
    /// (a*b + a - b) ^ (a >> 3) with wrapping semantics, and a checked multiply whose overflow bit is
    /// returned in bit 32 of the result: the shape the CIL frontend uses for mul.ovf.
    /// </summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void Int32ArithmeticAndOverflowIntrinsic(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("i32ops");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I64, t.I32, t.I32);
        var (a, c) = (Core.GetParam(f, 0), Core.GetParam(f, 1));
        var mixed = Core.BuildXor(b, Core.BuildSub(b, Core.BuildAdd(b, Core.BuildMul(b, a, c), a), c), Core.BuildAShr(b, a, Core.ConstInt(t.I32, 3L)));
        var (product, overflowed) = Intrinsics.WithOverflow(module, b, "smul", a, c);
        var packed = Core.BuildOr(b,
            Core.BuildShl(b, Core.BuildZExt(b, overflowed, t.I64), Core.ConstInt(t.I64, 32L)),
            Core.BuildZExt(b, Core.BuildXor(b, mixed, product), t.I64));
        Core.BuildRet(b, packed);

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<int, int, long>)compiled[name].Address;
        foreach (var x in s_int32Edges)
            foreach (var y in s_int32Edges)
            {
                var wrappedMixed = unchecked((x * y + x - y) ^ (x >> 3));
                var wrappedProduct = unchecked(x * y);
                var overflows = (long)x * y is > int.MaxValue or < int.MinValue;
                var expected = ((overflows ? 1L : 0L) << 32) | (uint)(wrappedMixed ^ wrappedProduct);
                Assert.Equal(expected, fn(x, y));
            }
    }

    /// <summary>64-bit signed and unsigned division and remainder, logical shifts, and unsigned add overflow.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void Int64DivisionShiftsAndUnsignedOverflow(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("i64ops");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I64, t.I64, t.I64);
        var (a, c) = (Core.GetParam(f, 0), Core.GetParam(f, 1));
        // The caller keeps divisors away from 0 and MinValue/-1, which are the frontends' job to check.
        var quotient = Core.BuildSDiv(b, a, c);
        var remainder = Core.BuildSRem(b, a, c);
        var unsignedQuotient = Core.BuildUDiv(b, a, c);
        var shifted = Core.BuildLShr(b, a, Core.BuildAnd(b, c, Core.ConstInt(t.I64, 63L)));
        var (sum, carry) = Intrinsics.WithOverflow(module, b, "uadd", a, c);
        var result = Core.BuildAdd(b, Core.BuildXor(b, Core.BuildAdd(b, quotient, remainder), unsignedQuotient),
            Core.BuildAdd(b, shifted, Core.BuildAdd(b, sum, Core.BuildZExt(b, carry, t.I64))));
        Core.BuildRet(b, result);

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<long, long, long>)compiled[name].Address;
        foreach (var x in s_int64Edges)
            foreach (var y in s_int64Edges)
            {
                if (y == 0 || (x == long.MinValue && y == -1)) continue;
                var carried = (ulong)x + (ulong)y < (ulong)x ? 1L : 0L;
                var expected = unchecked(((x / y + x % y) ^ (long)((ulong)x / (ulong)y)) + ((long)((ulong)x >> (int)(y & 63)) + (x + y + carried)));
                Assert.Equal(expected, fn(x, y));
            }
    }

    /// <summary>IEEE double arithmetic, an intrinsic (sqrt), int conversion and an ordered/unordered compare, NaN and infinities included.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void FloatingPoint(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("fp");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.F64, t.F64, t.F64);
        var (x, y) = (Core.GetParam(f, 0), Core.GetParam(f, 1));
        var hypot = Intrinsics.Call(module, b, "llvm.sqrt", [t.F64], [Core.BuildFAdd(b, Core.BuildFMul(b, x, x), Core.BuildFMul(b, y, y))]);
        var ratio = Core.BuildFDiv(b, hypot, Core.BuildFSub(b, x, y));
        var unordered = Core.BuildFCmp(b, RealPredicate.Uno, ratio, ratio);
        var truncated = Core.BuildSIToFP(b, Core.BuildFPToSI(b, Core.BuildFRem(b, x, Core.ConstReal(t.F64, 7.0)), t.I32), t.F64);
        var result = Core.BuildSelect(b, unordered, Core.ConstReal(t.F64, -12345.0), Core.BuildFAdd(b, ratio, truncated));
        Core.BuildRet(b, result);

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<double, double, double>)compiled[name].Address;
        double[] inputs = [0.0, -0.0, 1.5, -2.25, 3.0, 1e300, -1e-300, double.PositiveInfinity, double.NaN];
        foreach (var x0 in inputs)
            foreach (var y0 in inputs)
            {
                var r = Math.Sqrt(x0 * x0 + y0 * y0) / (x0 - y0);
                var remainder = x0 % 7.0;
                // Only finite in-range remainders are converted; fptosi of NaN/inf is poison, so the test stays away from it.
                if (double.IsNaN(remainder) || double.IsInfinity(remainder)) continue;
                var expected = double.IsNaN(r) ? -12345.0 : r + (int)remainder;
                Assert.Equal(expected, fn(x0, y0));
            }
    }

    /// <summary>x86_fp80 keeps the extended exponent range: 1e308 * 10 / 10 is exact there and infinite in double.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void ExtendedPrecisionX87Type(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("fp80");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.F64, t.F64, t.F64);
        var x = Core.BuildFPExt(b, Core.GetParam(f, 0), t.X86Fp80);
        var k = Core.BuildFPExt(b, Core.GetParam(f, 1), t.X86Fp80);
        Core.BuildRet(b, Core.BuildFPTrunc(b, Core.BuildFDiv(b, Core.BuildFMul(b, x, k), k), t.F64));

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<double, double, double>)compiled[name].Address;
        Assert.True(double.IsInfinity(1e308 * 10.0), "the double product must overflow for this test to mean anything");
        Assert.Equal(1e308, fn(1e308, 10.0));
    }

    /// <summary>Constrained (strictfp) arithmetic under the dynamic rounding mode computes the IEEE results.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void ConstrainedFloatingPoint(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("strict");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.F64, t.F64, t.F64);
        ConstrainedFloat.MarkStrict(module, f);
        var (x, y) = (Core.GetParam(f, 0), Core.GetParam(f, 1));
        var sum = ConstrainedFloat.Binary(module, b, "fadd", x, y);
        var product = ConstrainedFloat.Binary(module, b, "fmul", sum, y);
        Core.BuildRet(b, ConstrainedFloat.Binary(module, b, "fdiv", product, x));

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route, CaptureIr = true });
        Assert.Contains("llvm.experimental.constrained.fadd", compiled.IrAfterOptimization);
        var fn = (delegate* unmanaged<double, double, double>)compiled[name].Address;
        foreach (var (x0, y0) in new[] { (0.1, 0.2), (1e16, 1.0), (-3.5, 1e-3), (7.0, double.NegativeInfinity) })
            Assert.Equal((x0 + y0) * y0 / x0, fn(x0, y0));
    }

    /// <summary>Element-wise vector arithmetic: &lt;4 x i32&gt; built from scalars, multiplied, then reduced.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void VectorOperations(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("vec");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var v4 = t.Vector(t.I32, 4);
        var (f, b) = module.DefineFunction(name, t.I32, t.I32, t.I32);
        ValueRef Splat(ValueRef scalar, int step)
        {
            var vector = Core.GetUndef(v4);
            for (var i = 0; i < 4; i++)
                vector = Core.BuildInsertElement(b, vector, Core.BuildAdd(b, scalar, Core.ConstInt(t.I32, (long)(i * step))), Core.ConstInt(t.I32, (long)i));
            return vector;
        }
        var product = Core.BuildMul(b, Splat(Core.GetParam(f, 0), 1), Splat(Core.GetParam(f, 1), 2));
        var total = Intrinsics.Call(module, b, "llvm.vector.reduce.add", [v4], [product]);
        Core.BuildRet(b, total);

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<int, int, int>)compiled[name].Address;
        foreach (var (p, q) in new[] { (1, 2), (-5, 9), (100_000, 30_000) })
        {
            var expected = 0;
            for (var i = 0; i < 4; i++) expected = unchecked(expected + (p + i) * (q + 2 * i));
            Assert.Equal(expected, fn(p, q));
        }
    }
}
