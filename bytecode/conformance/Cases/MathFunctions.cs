// System.Math: exact functions are printed in full; transcendental ones with 15 significant digits
// so that last-bit differences between libm versions cannot matter.
static class MathFunctions
{
    static string T(double v) => v.ToString("G15");

    public static int Run()
    {
        Console.WriteLine($"PI {Math.PI} E {Math.E} Tau {Math.Tau}");
        Console.WriteLine($"Abs: {Math.Abs(-5)} {Math.Abs(-5L)} {Math.Abs(-2.5)} {Math.Abs(-0.0)} {Math.Abs(-3.5f)} {Math.Abs((short)-7)}");
        Console.WriteLine($"Min/Max: {Math.Min(3, -4)} {Math.Max(3, -4)} {Math.Min(1.5, 2.5)} {Math.Max(-0.0, 0.0)} {Math.Min(-0.0, 0.0)} {Math.Max(2u, 3u)} {Math.Min(long.MinValue, 0)}");
        Console.WriteLine($"Sqrt: {Math.Sqrt(2)} {Math.Sqrt(16)} {Math.Sqrt(-1)} {Math.Sqrt(0.0)} {T(Math.Cbrt(27))}");
        Console.WriteLine($"Sin/Cos/Tan: {T(Math.Sin(0.5))} {T(Math.Cos(0.5))} {T(Math.Tan(0.5))} {Math.Sin(0)} {Math.Cos(0)} {T(Math.Sin(Math.PI))}");
        Console.WriteLine($"Asin/Acos/Atan/Atan2: {T(Math.Asin(0.5))} {T(Math.Acos(0.5))} {T(Math.Atan(1))} {T(Math.Atan2(1, -1))} {Math.Atan2(0, 0)} {T(Math.Atan2(-1, 0))}");
        Console.WriteLine($"Sinh/Cosh/Tanh: {T(Math.Sinh(1))} {T(Math.Cosh(1))} {T(Math.Tanh(1))}");
        Console.WriteLine($"Pow: {Math.Pow(2, 10)} {Math.Pow(2, -1)} {Math.Pow(2, 0.5).ToString("G15")} {Math.Pow(0, 0)} {Math.Pow(-8, 1.0 / 3)} {Math.Pow(double.NaN, 0)} {Math.Pow(1, double.NaN)} {Math.Pow(-2, 3)}");
        Console.WriteLine($"Exp/Log: {Math.Exp(0)} {T(Math.Exp(1))} {Math.Log(1)} {T(Math.Log(10))} {Math.Log(0)} {Math.Log(-1)} {Math.Log10(1000)} {Math.Log10(0.001)} {Math.Log2(1024)} {T(Math.Log(8, 2))}");
        double[] rounds = { 2.5, 3.5, -2.5, -3.5, 2.4, 2.6, -2.6, 0.5, 1.5 };
        foreach (var r in rounds)
            Console.WriteLine($"Round({r}): even {Math.Round(r)} away {Math.Round(r, MidpointRounding.AwayFromZero)} zero {Math.Round(r, MidpointRounding.ToZero)} " +
                $"neg {Math.Round(r, MidpointRounding.ToNegativeInfinity)} pos {Math.Round(r, MidpointRounding.ToPositiveInfinity)} Floor {Math.Floor(r)} Ceiling {Math.Ceiling(r)} Truncate {Math.Truncate(r)}");
        Console.WriteLine($"Round digits: {Math.Round(1.2345, 2)} {Math.Round(1.235, 2)} {Math.Round(2.675, 2)} {Math.Round(1.5, 0)} {Math.Round(-1.25, 1, MidpointRounding.AwayFromZero)}");
        Console.WriteLine($"Floor/Ceiling of -0.5: {Math.Floor(-0.5)} {Math.Ceiling(-0.5)}");
        Console.WriteLine($"Sign: {Math.Sign(-3)} {Math.Sign(0)} {Math.Sign(7L)} {Math.Sign(-0.0)} {Math.Sign(2.5)}");
        try { Console.WriteLine(Math.Sign(double.NaN)); }
        catch (ArithmeticException e) { Console.WriteLine("Sign(NaN): " + e.GetType().Name); }
        Console.WriteLine($"Clamp: {Math.Clamp(5, 1, 3)} {Math.Clamp(-5, 1, 3)} {Math.Clamp(2, 1, 3)} {Math.Clamp(1.5, 0.0, 1.0)}");
        Console.WriteLine($"DivRem: {Math.DivRem(17, 5)} {Math.DivRem(-17, 5)} {Math.DivRem(17L, -5L)}");
        int rem;
        int q = Math.DivRem(23, 4, out rem);
        Console.WriteLine($"DivRem out: {q} {rem}");
        Console.WriteLine($"BigMul: {Math.BigMul(int.MaxValue, int.MaxValue)} IEEERemainder: {Math.IEEERemainder(10, 3)} {Math.IEEERemainder(11, 3)}");
        Console.WriteLine($"FusedMultiplyAdd: {Math.FusedMultiplyAdd(2, 3, 4)} ScaleB: {Math.ScaleB(1.5, 4)} CopySign: {Math.CopySign(3.0, -0.0)}");
        Console.WriteLine($"MathF: {MathF.Sqrt(2f)} {MathF.PI} {MathF.Abs(-1.5f)} {MathF.Floor(2.7f)} {MathF.Max(1f, 2f)}");
        Console.WriteLine($"Hypot by hand: {Math.Sqrt(3 * 3 + 4 * 4)}, Integer pow loop: {IntPow(3, 13)}");
        return 0;
    }

    static long IntPow(long b, int e)
    {
        long r = 1;
        while (e > 0) { if ((e & 1) != 0) r *= b; b *= b; e >>= 1; }
        return r;
    }
}
