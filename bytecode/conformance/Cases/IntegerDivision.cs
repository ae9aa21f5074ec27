// Integer division and remainder corner cases: division by zero, MinValue / -1, signs of remainders.
static class IntegerDivision
{
    static string Try(Func<object> f)
    {
        try { return f().ToString(); }
        catch (Exception e) { return e.GetType().Name; }
    }

    public static int Run()
    {
        int zero = 0, minusOne = -1, imin = int.MinValue, seven = 7;
        long lzero = 0, lminusOne = -1, lmin = long.MinValue;
        uint uzero = 0;

        Console.WriteLine("7 / 0: " + Try(() => seven / zero));
        Console.WriteLine("7 % 0: " + Try(() => seven % zero));
        Console.WriteLine("7L / 0: " + Try(() => 7L / lzero));
        Console.WriteLine("7u / 0: " + Try(() => 7u / uzero));
        Console.WriteLine("7u % 0: " + Try(() => 7u % uzero));
        Console.WriteLine("int.MinValue / -1: " + Try(() => imin / minusOne));
        Console.WriteLine("int.MinValue % -1: " + Try(() => imin % minusOne));
        Console.WriteLine("long.MinValue / -1: " + Try(() => lmin / lminusOne));
        Console.WriteLine("long.MinValue % -1: " + Try(() => lmin % lminusOne));
        Console.WriteLine("int.MinValue / 1: " + Try(() => imin / -minusOne));

        int[] values = { 7, -7, 0, 13, -13 };
        int[] divisors = { 2, -2, 3, -3, 5 };
        foreach (int a in values)
            foreach (int b in divisors)
                Console.WriteLine($"{a} / {b} = {a / b}, {a} % {b} = {a % b}");

        Console.WriteLine("Math.DivRem(17, 5): " + Math.DivRem(17, 5));
        Console.WriteLine("Math.DivRem(-17, 5): " + Math.DivRem(-17, 5));
        Console.WriteLine("uint 4000000000 / 3: " + (4000000000u / 3u));
        Console.WriteLine("uint 4000000000 % 7: " + (4000000000u % 7u));
        Console.WriteLine("ulong max / 10: " + (ulong.MaxValue / 10ul));
        Console.WriteLine("ulong max % 10: " + (ulong.MaxValue % 10ul));
        Console.WriteLine("long -9e18 / 7: " + (-9000000000000000000L / 7L));
        Console.WriteLine("byte arithmetic promotes: " + ((byte)200 + (byte)100));
        Console.WriteLine("short division: " + ((short)-32768 / (short)-1));
        return 0;
    }
}
