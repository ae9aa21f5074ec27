// Arithmetic and compare-and-branch against constants, at the boundaries: the interpreter folds an
// int32 constant into the operation that consumes it, so each constant form gets its own check here
// (division and remainder by 2, -3, 7, int.MinValue and 1; subtraction of int.MinValue; shifts by
// constants of 0, 31, 32 and 33; signed and unsigned comparisons with negative constants).
static class ConstantOperands
{
    public static int Run()
    {
        int[] xs = { 0, 1, -1, 2, 7, -7, 100, -100, int.MinValue, int.MaxValue, int.MinValue + 1 };
        foreach (int x in xs)
        {
            Console.WriteLine($"{x}: /2={x / 2} %2={x % 2} /-3={x / -3} %-3={x % -3} /7={x / 7} %7={x % 7} "
                + $"/min={x / int.MinValue} %min={x % int.MinValue} /1={x / 1} %1={x % 1}");
            Console.WriteLine($"{x}: +1={x + 1} -1={x - 1} -min={x - int.MinValue} +max={x + int.MaxValue} *3={x * 3} *-1={x * -1} "
                + $"&0xFF={x & 0xFF} |0x100={x | 0x100} ^-1={x ^ -1}");
            Console.WriteLine($"{x}: <<0={x << 0} <<31={x << 31} <<32={x << 32} <<33={x << 33} >>31={x >> 31} >>32={x >> 32} >>>31={x >>> 31} >>>33={x >>> 33}");
            Console.WriteLine($"{x}: {Compare(x)}");
        }
        int zero = 0, minusOne = -1, min = int.MinValue;
        try { Console.WriteLine(5 / zero); } catch (DivideByZeroException) { Console.WriteLine("5 / 0: DivideByZeroException"); }
        try { Console.WriteLine(min / minusOne); } catch (OverflowException) { Console.WriteLine("min / -1: OverflowException"); }
        try { Console.WriteLine(min % minusOne); } catch (OverflowException) { Console.WriteLine("min % -1: OverflowException"); }
        return 0;
    }

    private static string Compare(int x)
    {
        var s = "";
        if (x < 0) s += "<0 ";
        if (x >= 7) s += ">=7 ";
        if (x <= -100) s += "<=-100 ";
        if (x > int.MinValue) s += ">min ";
        if (x == -1) s += "==-1 ";
        if (x != 100) s += "!=100 ";
        if ((uint)x < 7u) s += "u<7 ";
        if ((uint)x > 0x7FFFFFFFu) s += "u>max ";
        if ((uint)x >= 100u) s += "u>=100 ";
        if ((uint)x <= 1u) s += "u<=1 ";
        for (int i = 0; i < 3; i++) s += i;
        for (int i = 10; i > 7; i -= 2) s += i;
        return s;
    }
}
