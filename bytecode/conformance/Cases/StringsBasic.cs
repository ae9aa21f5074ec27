// Core string operations: Length, indexer, Concat, Substring, equality, comparison, case mapping,
// Trim, Pad, ToCharArray, new string(c, n), IsNullOrEmpty, immutability.
static class StringsBasic
{
    public static int Run()
    {
        string s = "Hello, World";
        Console.WriteLine($"Length {s.Length} s[0] {s[0]} s[^1] {s[^1]} s[7..] {s[7..]} s[..5] {s[..5]}");
        Console.WriteLine("Concat: " + string.Concat("a", "b") + string.Concat("c", "d", "e") + string.Concat(new[] { "f", "g" }) + string.Concat(1, 2.5, 'c', null, true));
        Console.WriteLine("Substring: " + s.Substring(7) + "|" + s.Substring(0, 5) + "|" + s.Substring(12) + "|");
        Console.WriteLine($"ToUpperInvariant {s.ToUpperInvariant()} ToLowerInvariant {s.ToLowerInvariant()} ToUpper {"straße".ToUpperInvariant()}");
        Console.WriteLine($"Trim [{"  pad  ".Trim()}] TrimStart [{"  pad  ".TrimStart()}] TrimEnd [{"  pad  ".TrimEnd()}] Trim chars [{"xxhixx".Trim('x')}] whitespace kinds [{"\t\n hi \r\n".Trim()}]");
        Console.WriteLine($"PadLeft [{"7".PadLeft(3)}] [{"7".PadLeft(3, '0')}] PadRight [{"ab".PadRight(5, '.')}] no-op [{"long".PadLeft(2)}]");
        Console.WriteLine($"new string: {new string('*', 5)} {new string(new[] { 'a', 'b' })} {new string(new[] { 'a', 'b', 'c', 'd' }, 1, 2)} empty [{new string('x', 0)}]");
        var chars = "abc".ToCharArray();
        chars[0] = 'z';
        Console.WriteLine($"ToCharArray: {new string(chars)} original abc");
        Console.WriteLine($"IsNullOrEmpty: {string.IsNullOrEmpty(null)} {string.IsNullOrEmpty("")} {string.IsNullOrEmpty(" ")} IsNullOrWhiteSpace: {string.IsNullOrWhiteSpace(" \t")}");
        string a1 = "abc", a2 = new string(new[] { 'a', 'b', 'c' });
        Console.WriteLine($"== {a1 == a2} Equals {a1.Equals(a2)} static Equals {string.Equals(a1, a2)} ReferenceEquals {ReferenceEquals(a1, a2)} interned literal {ReferenceEquals(a1, "abc")}");
        Console.WriteLine($"OrdinalIgnoreCase {string.Equals("ABC", "abc", StringComparison.OrdinalIgnoreCase)} Ordinal {string.Equals("ABC", "abc", StringComparison.Ordinal)}");
        Console.WriteLine($"CompareOrdinal: {Math.Sign(string.CompareOrdinal("a", "b"))} {Math.Sign(string.CompareOrdinal("b", "a"))} {string.CompareOrdinal("a", "a")} {Math.Sign(string.CompareOrdinal("a", "B"))} {Math.Sign(string.CompareOrdinal("ab", "abc"))}");
        Console.WriteLine($"CompareTo sign: {Math.Sign("apple".CompareTo("banana"))} {Math.Sign(string.Compare("b", "a", StringComparison.Ordinal))}");
        Console.WriteLine($"null == null: {(string)null == null}, null concat: [{null + "x" + null}]");
        Console.WriteLine($"string.Empty length {string.Empty.Length} same as \"\": {ReferenceEquals(string.Empty, "")}");
        string built = "";
        for (int i = 0; i < 5; i++) built += i;
        Console.WriteLine("+= in loop: " + built);
        Console.WriteLine($"Insert {"abef".Insert(2, "cd")} Remove {"abcdef".Remove(2, 2)} Remove tail {"abcdef".Remove(3)}");
        Console.WriteLine($"escape chars: [{"tab\there"}] quote [\"] backslash [\\] unicode [{"\u0041\u00e9".Length}] verbatim [{@"c:\dir"}]");
        string raw = """
            raw "string"
              keeps indentation
            """;
        Console.WriteLine(raw);
        Console.WriteLine($"chars of surrogate pair: {"😀".Length} {(int)"😀"[0]:X} {char.IsSurrogate("😀"[0])}");
        return 0;
    }
}
