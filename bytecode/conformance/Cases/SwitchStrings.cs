// switch on strings (small and large: the compiler hashes large ones), null and default, goto case, and char/int switches.
static class SwitchStrings
{
    static string Small(string s)
    {
        switch (s)
        {
            case "a": return "letter a";
            case "b": return "letter b";
            case null: return "null";
            default: return "other";
        }
    }

    static int Large(string s)
    {
        switch (s)
        {
            case "january": return 1;
            case "february": return 2;
            case "march": return 3;
            case "april": return 4;
            case "may": return 5;
            case "june": return 6;
            case "july": return 7;
            case "august": return 8;
            case "september": return 9;
            case "october": return 10;
            case "november": return 11;
            case "december": return 12;
            case "": return 0;
            default: return -1;
        }
    }

    static string Fallthrough(int n)
    {
        var parts = new List<string>();
        switch (n)
        {
            case 1:
                parts.Add("one");
                goto case 2;
            case 2:
                parts.Add("two");
                goto default;
            case 3:
            case 4:
                parts.Add("three-or-four");
                break;
            default:
                parts.Add("default");
                break;
        }
        return string.Join("+", parts);
    }

    static string Dense(int n) => n switch
    {
        0 => "zero", 1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven",
        100 => "hundred", -1 => "minus one", _ => "many",
    };

    static string CharKind(char c) => c switch
    {
        >= '0' and <= '9' => "digit",
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' => "letter",
        ' ' or '\t' => "space",
        _ => "symbol",
    };

    public static int Run()
    {
        foreach (var s in new[] { "a", "b", "c", null, "A" }) Console.WriteLine($"Small({s ?? "<null>"}) = {Small(s)}");
        foreach (var s in new[] { "january", "june", "july", "december", "", "December", "janu", null })
            Console.WriteLine($"Large({s ?? "<null>"}) = {Large(s)}");
        for (int i = 0; i <= 5; i++) Console.WriteLine($"Fallthrough({i}) = {Fallthrough(i)}");
        foreach (var n in new[] { -2, -1, 0, 3, 7, 8, 100, int.MaxValue }) Console.Write(Dense(n) + " ");
        Console.WriteLine();
        foreach (var c in "a1 Z_\t") Console.Write(CharKind(c) + " ");
        Console.WriteLine();
        string built = new string(new[] { 'm', 'a', 'y' });
        Console.WriteLine("switch on a non-literal string instance: " + Large(built));
        return 0;
    }
}
