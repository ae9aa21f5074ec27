// Composite formatting: interpolation with alignment and format specifiers, string.Format with many
// arguments, Console.WriteLine with a format string, escaped braces, custom IFormattable.
static class StringsFormat
{
    class Temperature : IFormattable
    {
        public double Celsius = 21.5;
        public string ToString(string format, IFormatProvider provider) => format switch
        {
            "F" => $"{Celsius * 9 / 5 + 32:0.0}°F",
            _ => $"{Celsius:0.0}°C",
        };
        public override string ToString() => ToString(null, null);
    }

    public static int Run()
    {
        double x = 3.14159, d = 12345.6789, p = 0.1234;
        int n = 255, big = 1234567, neg = -42;
        Console.WriteLine($"[{x,8:F2}] [{x,-8:F2}] [{n:X8}] [{n:x}] [{d:E3}] [{p:P1}] [{big:N0}] [{d:N2}]");
        Console.WriteLine($"[{neg,6}] [{neg,-6}] [{n,5:D4}] [{"str",6}] [{"str",-6}] [{'c',3}] [{true,6}]");
        Console.WriteLine($"[{d:0.00}] [{d:#,##0.0}] [{p:0.#%}] [{n:0000}] [{x:#.###}] [{0.5:0.0;-0.0;zero}] [{-0.5:0.0;(0.0);zero}] [{0:0.0;-0.0;zero}]");
        Console.WriteLine($"[{d:G}] [{d:G3}] [{d:F0}] [{d:C}] [{1e-7:G}] [{123456789.0:E}] [{-1.5:F3}] [{d:R}]");
        Console.WriteLine(string.Format("{0} + {1} = {2}; {3} {4} {0}", 1, 2, 3, "four", 5.5));
        Console.WriteLine(string.Format("{0,-5}|{1,5}|{2:X4}|{3:F1}|{4}", "ab", "cd", 171, 2.25, null));
        Console.WriteLine("Console format: {0} and {1,4} and {2:N1}", "a", 7, 1234.5);
        Console.WriteLine("Console format many: {0}{1}{2}{3}{4}{5}", 'a', 'b', 'c', 'd', 'e', 'f');
        Console.WriteLine($"braces {{literal}} and {{{n}}}");
        Console.WriteLine(string.Format("{{0}} is {0}", "zero"));
        var t = new Temperature();
        Console.WriteLine($"IFormattable: {t} {t:F} " + string.Format("{0:F}", t));
        object nothing = null;
        Console.WriteLine($"null in interpolation: [{nothing}] [{nothing,3}]");
        Console.WriteLine($"char and bool: {'x'} {false} {(byte)200} {(sbyte)-5} {(short)-300} {ushort.MaxValue} {3.5f} {(long)-1}");
        Console.WriteLine($"enum: {ConsoleColor.Red} {ConsoleColor.Red:D} {DayOfWeek.Friday:G}");
        Console.WriteLine($"nested interpolation: {$"<{n}>",7}");
        Console.WriteLine(FormattableString.Invariant($"invariant {d:N1}"));
        Console.WriteLine("ToString(format): " + n.ToString("X") + " " + x.ToString("F3") + " " + (0.000012345).ToString("E2"));
        return 0;
    }
}
