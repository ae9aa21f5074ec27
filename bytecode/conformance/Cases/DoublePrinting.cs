// Shortest round-trip printing of double and float (the .NET Core 3.0+ default ToString).
static class DoublePrinting
{
    public static int Run()
    {
        double[] values =
        {
            0.1 + 0.2, 0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, 1e21, 1e20, 123456789012345680000.0, 1e15, 1e16, 1e17,
            1e-5, 1e-4, 0.0001234, 1e-7, 5e-324, 2.2250738585072014E-308, double.MaxValue, double.MinValue,
            -0.0, 0.0, 1.0, -1.0, 100.0, 1.5e300, Math.PI, Math.E, double.NaN, double.PositiveInfinity,
            double.NegativeInfinity, 9007199254740993.0, 0.30000000000000004, 4.35, 2.675, 1.0 / 7.0, 123.456e-10,
        };
        foreach (var v in values) Console.WriteLine(v + " | R " + v.ToString("R") + " | G17 " + v.ToString("G17"));

        float[] floats =
        {
            0.1f, 0.2f, 0.1f + 0.2f, 1f / 3f, 16777216f, 16777217f, 3.4028235E+38f, 1.401298E-45f, 1.17549435E-38f,
            -0.0f, 1e10f, 1e-10f, 123.456f, (float)Math.PI, float.NaN, 7e22f, 1.5f,
        };
        foreach (var f in floats) Console.WriteLine(f + "f | R " + f.ToString("R") + " | G9 " + f.ToString("G9") + " | widened " + (double)f);

        double x = 1;
        for (int i = 0; i < 25; i++) x *= 10;
        Console.WriteLine("10^25 by multiplication: " + x);
        double y = 1;
        for (int i = 0; i < 10; i++) y /= 3;
        Console.WriteLine("3^-10 by division: " + y);
        Console.WriteLine($"BitConverter: {BitConverter.DoubleToInt64Bits(0.1):X16} {BitConverter.DoubleToInt64Bits(-0.0):X16} {BitConverter.SingleToInt32Bits(0.1f):X8} {BitConverter.Int64BitsToDouble(0x3FF8000000000000)}");
        return 0;
    }
}
