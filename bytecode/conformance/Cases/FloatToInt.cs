// Unchecked float -> integer conversions: truncation toward zero, and what NaN and out-of-range
// values become (CoreCLR saturates since .NET 9 on x64; the oracle decides).
static class FloatToInt
{
    public static int Run()
    {
        double[] values = { 0.0, -0.0, 1.9, -1.9, 2.5, -2.5, 2147483647.5, 2147483648.0, -2147483649.0,
            4294967296.0, 1e19, -1e19, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        foreach (double d in values)
        {
            Console.WriteLine($"{d}: int={(int)d} uint={(uint)d} long={(long)d} ulong={(ulong)d} short={(short)d} byte={(byte)d} char={(int)(char)d}");
        }
        float[] fvalues = { 1.5f, -1.5f, 3e9f, -3e9f, float.NaN, float.PositiveInfinity, 16777217f };
        foreach (float f in fvalues)
        {
            Console.WriteLine($"{f}f: int={(int)f} uint={(uint)f} long={(long)f} ulong={(ulong)f}");
        }
        Console.WriteLine($"Math.Round then cast: {(int)Math.Round(2.5)} {(int)Math.Round(3.5)} {(int)Math.Round(-2.5)}");
        Console.WriteLine($"Convert.ToInt32 rounds to even: {Convert.ToInt32(2.5)} {Convert.ToInt32(3.5)} {Convert.ToInt32(-2.5)}");
        return 0;
    }
}
