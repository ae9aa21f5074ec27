// Unsigned comparisons, wrap-around and conversions between signed and unsigned types.
static class UnsignedOps
{
    public static int Run()
    {
        uint a = 0xFFFFFFFFu, b = 1;
        Console.WriteLine($"uint max > 1: {a > b}, as int: {(int)a > (int)b}");
        ulong la = ulong.MaxValue, lb = 1;
        Console.WriteLine($"ulong max > 1: {la > lb}, as long: {(long)la > (long)lb}");
        Console.WriteLine($"uint max + 1 = {unchecked(a + b)}");
        Console.WriteLine($"0u - 1 = {unchecked(0u - b)}");
        Console.WriteLine($"(uint)-1 = {unchecked((uint)-1)}");
        Console.WriteLine($"(ulong)(uint)-1 = {(ulong)unchecked((uint)-1)}");
        Console.WriteLine($"(long)(uint)0xFFFFFFFF = {(long)a}");
        Console.WriteLine($"(ulong)(int)-1 = {unchecked((ulong)(int)-1)}");
        Console.WriteLine($"(int)(byte)200 = {(int)(byte)200}, (sbyte)(byte)200 = {unchecked((sbyte)(byte)200)}");
        Console.WriteLine($"(ushort)(short)-1 = {unchecked((ushort)(short)-1)}, (char)65 = {(char)65}");
        Console.WriteLine($"(uint)3000000000u / 2 = {3000000000u / 2}, as int / 2 = {unchecked((int)3000000000u) / 2}");
        Console.WriteLine($"uint * uint wraps: {unchecked(100000u * 100000u)}");
        Console.WriteLine($"ulong * ulong wraps: {unchecked(10000000000ul * 10000000000ul)}");
        Console.WriteLine($"uint compare loop: {CountDown(3)}");
        Console.WriteLine($"uint.CompareTo: {a.CompareTo(b)}, {b.CompareTo(a)}");
        Console.WriteLine($"Math.Max(uint): {Math.Max(a, b)}, Math.Min(ulong): {Math.Min(la, lb)}");
        Console.WriteLine($"uint to double: {(double)a}, to float: {(float)a}");
        Console.WriteLine($"ulong 2^63 to double: {(double)(1ul << 63)}");
        double big = 1e19;
        Console.WriteLine($"1e19 to ulong: {(ulong)big}");
        Console.WriteLine($"nuint size >= 4: {nuint.Size >= 4}, nint -1 as nuint == MaxValue: {unchecked((nuint)(nint)(-1)) == nuint.MaxValue}");
        byte x = 250;
        x += 10;
        Console.WriteLine($"byte 250 += 10: {x}");
        char c = 'A';
        c++;
        Console.WriteLine($"char ++: {c}, char + 1: {c + 1}");
        return 0;
    }

    static string CountDown(uint n)
    {
        var parts = new List<string>();
        for (uint i = n; i <= n; i--) parts.Add(i.ToString()); // stops when i wraps to uint.MaxValue
        return string.Join(",", parts);
    }
}
