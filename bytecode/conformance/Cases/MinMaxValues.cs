// MinValue/MaxValue and other constants of every primitive type, printed with ToString().
static class MinMaxValues
{
    public static int Run()
    {
        Console.WriteLine($"sbyte {sbyte.MinValue} {sbyte.MaxValue}");
        Console.WriteLine($"byte {byte.MinValue} {byte.MaxValue}");
        Console.WriteLine($"short {short.MinValue} {short.MaxValue}");
        Console.WriteLine($"ushort {ushort.MinValue} {ushort.MaxValue}");
        Console.WriteLine($"int {int.MinValue} {int.MaxValue}");
        Console.WriteLine($"uint {uint.MinValue} {uint.MaxValue}");
        Console.WriteLine($"long {long.MinValue} {long.MaxValue}");
        Console.WriteLine($"ulong {ulong.MinValue} {ulong.MaxValue}");
        Console.WriteLine($"char {(int)char.MinValue} {(int)char.MaxValue}");
        Console.WriteLine($"float {float.MinValue} {float.MaxValue} {float.Epsilon} {float.NaN} {float.PositiveInfinity} {float.NegativeInfinity}");
        Console.WriteLine($"double {double.MinValue} {double.MaxValue} {double.Epsilon} {double.NaN} {double.PositiveInfinity} {double.NegativeInfinity}");
        Console.WriteLine($"Half-free: float.MaxValue as double {(double)float.MaxValue}");
        Console.WriteLine($"nint size {IntPtr.Size} (pointer-size dependent, same on both runtimes of one machine)");
        Console.WriteLine($"sizeof: {sizeof(byte)} {sizeof(short)} {sizeof(int)} {sizeof(long)} {sizeof(float)} {sizeof(double)} {sizeof(char)} {sizeof(bool)}");
        Console.WriteLine($"MaxValue + 1 wraps: {unchecked(int.MaxValue + 1)} {unchecked(long.MaxValue + 1)} {unchecked((byte)(byte.MaxValue + 1))}");
        Console.WriteLine($"Math.Abs(MinValue + 1): {Math.Abs(int.MinValue + 1)}");
        try { Console.WriteLine(Math.Abs(int.MinValue)); }
        catch (OverflowException) { Console.WriteLine("Math.Abs(int.MinValue): OverflowException"); }
        Console.WriteLine($"-int.MinValue unchecked: {unchecked(-int.MinValue)}");
        return 0;
    }
}
