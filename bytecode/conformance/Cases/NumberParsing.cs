// Parse and TryParse for primitives: signs, whitespace, overflow, hex, floating-point forms.
static class NumberParsing
{
    static string TryInt(string s) => int.TryParse(s, out int v) ? v.ToString() : "fail";
    static string TryLong(string s) => long.TryParse(s, out long v) ? v.ToString() : "fail";
    static string TryDouble(string s) => double.TryParse(s, out double v) ? v.ToString("R") : "fail";

    public static int Run()
    {
        string[] intInputs = { "0", "42", "-42", "+7", " 12 ", "2147483647", "2147483648", "-2147483648", "-2147483649", "1e3", "0x10", "", " ", "1,000", "007", "- 1", "12a", null };
        foreach (var s in intInputs) Console.WriteLine($"int.TryParse({Q(s)}) = {TryInt(s)}");
        Console.WriteLine($"long: {TryLong("9223372036854775807")} {TryLong("9223372036854775808")} {TryLong("-9223372036854775808")}");
        Console.WriteLine($"uint: {uint.Parse("4294967295")} {(uint.TryParse("-1", out var u) ? u.ToString() : "fail")} ulong: {ulong.Parse("18446744073709551615")}");
        Console.WriteLine($"byte: {byte.Parse("255")} {(byte.TryParse("256", out var b) ? b.ToString() : "fail")} sbyte: {sbyte.Parse("-128")} short: {short.Parse("-32768")}");
        Console.WriteLine($"hex: {int.Parse("FF", System.Globalization.NumberStyles.HexNumber)} {int.Parse("ffffffff", System.Globalization.NumberStyles.HexNumber)} {long.Parse("7FFFFFFFFFFFFFFF", System.Globalization.NumberStyles.AllowHexSpecifier)}");
        Console.WriteLine($"thousands: {int.Parse("1,234,567", System.Globalization.NumberStyles.AllowThousands)}");

        string[] doubleInputs = { "0", "-0", "1.5", "-2.25", ".5", "5.", "1e10", "1E-5", "1.7976931348623157E+308", "1e309", "-1e309", "4.9e-324", "1e-400", "NaN", "Infinity", "-Infinity", "∞", "0.1", "3.14159265358979323846", " 2.5 ", "1,5", "abc", "" };
        foreach (var s in doubleInputs) Console.WriteLine($"double.TryParse({Q(s)}) = {TryDouble(s)}");
        Console.WriteLine($"float: {float.Parse("3.4028235E+38")} {float.Parse("1e39")} {float.Parse("0.1")} {float.Parse("16777217")}");
        Console.WriteLine($"bool: {bool.Parse("True")} {bool.Parse("false")} {bool.Parse(" TRUE ")} {(bool.TryParse("yes", out var bo) ? bo.ToString() : "fail")}");
        Console.WriteLine($"char: {char.Parse("z")}");
        Console.WriteLine($"round trip: {double.Parse(0.1.ToString()) == 0.1} {double.Parse((1.0 / 3).ToString()) == 1.0 / 3} {float.Parse(0.1f.ToString()) == 0.1f}");
        Console.WriteLine($"Convert: {Convert.ToInt32("123")} {Convert.ToInt32(null as string)} {Convert.ToInt32("7f", 16)} {Convert.ToString(255, 2)} {Convert.ToString(255, 16)} {Convert.ToInt64("1010", 2)} {Convert.ToDouble("2.5")} {Convert.ToBoolean("true")}");
        try { int.Parse("99999999999"); }
        catch (OverflowException) { Console.WriteLine("int.Parse overflow: OverflowException"); }
        try { int.Parse(""); }
        catch (FormatException) { Console.WriteLine("int.Parse empty: FormatException"); }
        return 0;
    }

    static string Q(string s) => s == null ? "null" : "\"" + s + "\"";
}
