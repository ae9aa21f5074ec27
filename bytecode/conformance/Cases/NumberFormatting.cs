// Primitive ToString with standard format strings (D, X, F, G, E, N, P, R, C) and custom ones.
static class NumberFormatting
{
    public static int Run()
    {
        int[] ints = { 0, 7, -7, 255, int.MaxValue, int.MinValue };
        string[] intFormats = { "", "D", "D5", "X", "X8", "x2", "F2", "G", "E2", "N0", "N2", "P0", "0000", "#,#", "C0" };
        foreach (var v in ints)
            Console.WriteLine($"{v}: " + string.Join(" ", intFormats.Select(f => $"[{f}]{v.ToString(f)}")));

        long[] longs = { long.MaxValue, long.MinValue, -1L };
        foreach (var v in longs) Console.WriteLine($"{v}: X {v:X} D20 {v:D20} N0 {v:N0}");
        Console.WriteLine($"ulong max {ulong.MaxValue} X {ulong.MaxValue:X}, uint max {uint.MaxValue:N0}, byte X2 {(byte)10:X2}, sbyte -1 X {(sbyte)-1:X}, short -1 X {(short)-1:X}");

        double[] doubles = { 0, 1.5, -2.25, 1234567.891, 0.000123, 1e21, 123.456, 0.5, 1.005 };
        string[] doubleFormats = { "", "F", "F0", "F3", "G", "G4", "E", "E2", "N", "N1", "P", "P2", "R", "0.###", "#,##0.00" };
        foreach (var v in doubles)
            Console.WriteLine($"{v}: " + string.Join(" ", doubleFormats.Select(f => $"[{f}]{v.ToString(f)}")));

        float[] floats = { 1.1f, 16777216f, 3.4028235E+38f, 1e-10f };
        foreach (var v in floats) Console.WriteLine($"float {v}: F2 {v:F2} E3 {v:E3} G {v:G} R {v:R} as double {(double)v}");

        Console.WriteLine($"rounding F: {0.125:F2} {0.375:F2} {2.5:F0} {3.5:F0} {-2.5:F0} {1.45:F1} {1.55:F1}");
        Console.WriteLine($"big F: {1e20:F} {1e16:F0} {123456789012345678.0:F2}");
        Console.WriteLine($"special: {double.NaN:F2} {double.PositiveInfinity:N} {double.NegativeInfinity:E}");
        Console.WriteLine($"bool {true.ToString()} {false}, char {'x'.ToString()}");
        Console.WriteLine($"ToString with provider: {1234.5.ToString("N1", System.Globalization.CultureInfo.InvariantCulture)}");
        return 0;
    }
}
