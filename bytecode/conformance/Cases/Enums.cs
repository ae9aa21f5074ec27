// Enums: underlying values, ToString (named, undefined, [Flags]), Parse, casts, HasFlag, comparisons, GetValues.
static class Enums
{
    enum Color { Red, Green = 5, Blue }
    enum Small : byte { A = 1, B = 255 }
    enum Big : long { Huge = long.MaxValue, Negative = -1 }
    [Flags] enum Access { None = 0, Read = 1, Write = 2, Execute = 4, ReadWrite = Read | Write }

    public static int Run()
    {
        Console.WriteLine($"values: {(int)Color.Red} {(int)Color.Green} {(int)Color.Blue} {(byte)Small.B} {(long)Big.Huge}");
        Console.WriteLine($"ToString: {Color.Blue} {(Color)5} {(Color)42} {Small.A} {Big.Negative} {Color.Blue:D} {Color.Blue:X}");
        var rw = Access.Read | Access.Write;
        var rx = Access.Read | Access.Execute;
        Console.WriteLine($"flags: {rw} {rx} {Access.None} {(Access)8} {Access.Read | Access.Write | Access.Execute} {(Access)15}");
        Console.WriteLine($"HasFlag: {rx.HasFlag(Access.Execute)} {rx.HasFlag(Access.Write)} bitwise: {(rx & Access.Read) != 0} {rw & ~Access.Write}");
        Console.WriteLine($"Parse: {Enum.Parse<Color>("Green")} {Enum.Parse<Access>("Read, Execute")} {Enum.TryParse<Color>("Purple", out var bad)} {bad} {Enum.Parse<Color>("6")}");
        Console.WriteLine($"IsDefined: {Enum.IsDefined(typeof(Color), 5)} {Enum.IsDefined(Color.Green)} {Enum.IsDefined((Color)4)}");
        Console.WriteLine($"GetValues: {string.Join(",", Enum.GetValues<Color>())} GetNames: {string.Join(",", Enum.GetNames<Access>())}");
        Console.WriteLine($"compare: {Color.Red < Color.Blue} {Color.Green.CompareTo(Color.Red)} {Color.Green == (Color)5} Equals {Color.Red.Equals(Color.Red)} {Color.Red.Equals(0)}");
        Color c = Color.Red;
        c++;
        Console.WriteLine($"increment: {c} {(int)c}, default {default(Color)}, arithmetic {Color.Green + 1}");
        Console.WriteLine($"switch: {Describe(Color.Blue)} {Describe((Color)9)}");
        Console.WriteLine($"underlying: {Enum.GetUnderlyingType(typeof(Small)).Name} {Enum.GetUnderlyingType(typeof(Big)).Name}");
        return 0;
    }

    static string Describe(Color c) => c switch { Color.Red => "warm", Color.Blue or Color.Green => "cool", _ => "unknown" };
}
