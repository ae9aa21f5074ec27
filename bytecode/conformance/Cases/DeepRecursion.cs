// Deep but bounded recursion (10000 frames) with a few locals and an exception unwinding through all of them.
static class DeepRecursion
{
    static int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);

    static long SumWithLocals(int n, long acc)
    {
        long a = n, b = n * 2L, c = a + b;
        if (n == 0) return acc;
        return SumWithLocals(n - 1, acc + c - b);
    }

    static int ThrowAtBottom(int n)
    {
        if (n == 0) throw new InvalidOperationException("bottom");
        try { return ThrowAtBottom(n - 1) + 1; }
        finally { s_finallyCount++; }
    }

    static int s_finallyCount;

    static int Ackermann(int m, int n) =>
        m == 0 ? n + 1 : n == 0 ? Ackermann(m - 1, 1) : Ackermann(m - 1, Ackermann(m, n - 1));

    static bool IsEven(int n) => n == 0 || IsOdd(n - 1);
    static bool IsOdd(int n) => n != 0 && IsEven(n - 1);

    public static int Run()
    {
        Console.WriteLine("depth 10000: " + Depth(10000));
        Console.WriteLine("sum 1..10000: " + SumWithLocals(10000, 0));
        try { ThrowAtBottom(5000); }
        catch (InvalidOperationException e) { Console.WriteLine($"caught {e.Message} after {s_finallyCount} finally blocks"); }
        Console.WriteLine("ackermann(2, 3): " + Ackermann(2, 3));
        Console.WriteLine("mutual recursion IsEven(9999): " + IsEven(9999));
        return 0;
    }
}
