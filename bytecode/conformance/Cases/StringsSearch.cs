// Searching and splitting strings: IndexOf/LastIndexOf (char, string, start), Contains, StartsWith,
// EndsWith, Split (options, counts, separators), Join, Replace, Count.
static class StringsSearch
{
    static string Show(string[] parts) => parts.Length + ":[" + string.Join("|", parts) + "]";

    public static int Run()
    {
        string s = "the quick brown fox jumps over the lazy dog";
        Console.WriteLine($"IndexOf('o') {s.IndexOf('o')} IndexOf(\"the\") {s.IndexOf("the", StringComparison.Ordinal)} IndexOf('o', 15) {s.IndexOf('o', 15)} missing {s.IndexOf('z', 40)}");
        Console.WriteLine($"LastIndexOf('o') {s.LastIndexOf('o')} LastIndexOf(\"the\") {s.LastIndexOf("the", StringComparison.Ordinal)} IndexOfAny {s.IndexOfAny(new[] { 'x', 'q' })} empty {s.IndexOf("", StringComparison.Ordinal)}");
        Console.WriteLine($"Contains fox {s.Contains("fox")} cat {s.Contains("cat")} char {s.Contains('z')} ignore case {s.Contains("FOX", StringComparison.OrdinalIgnoreCase)}");
        Console.WriteLine($"StartsWith {s.StartsWith("the", StringComparison.Ordinal)} {s.StartsWith('t')} EndsWith {s.EndsWith("dog", StringComparison.Ordinal)} {s.EndsWith("cat", StringComparison.Ordinal)} {s.EndsWith('g')}");
        Console.WriteLine("Split ' ': " + Show(s.Split(' ')));
        Console.WriteLine("Split count 3: " + Show(s.Split(' ', 3)));
        Console.WriteLine("Split empties: " + Show("a,,b,".Split(',')));
        Console.WriteLine("Split RemoveEmpty: " + Show("a,,b,".Split(',', StringSplitOptions.RemoveEmptyEntries)));
        Console.WriteLine("Split Trim: " + Show(" a , b ,c ".Split(',', StringSplitOptions.TrimEntries)));
        Console.WriteLine("Split chars: " + Show("a-b_c-d".Split('-', '_')));
        Console.WriteLine("Split string: " + Show("one::two::three".Split("::")));
        Console.WriteLine("Split strings: " + Show("1<>2--3".Split(new[] { "<>", "--" }, StringSplitOptions.None)));
        Console.WriteLine("Split none found: " + Show("abc".Split(';')));
        Console.WriteLine("Split empty string: " + Show("".Split(',')));
        Console.WriteLine("Join: " + string.Join(", ", "x", "y", "z") + " | " + string.Join('-', new[] { 1, 2, 3 }) + " | " + string.Join("", new List<string> { "a", "b" }) + " | [" + string.Join(",", new string[0]) + "] | " + string.Join(",", new object[] { 1, null, "s" }));
        Console.WriteLine("Replace: " + s.Replace("the", "a") + " | " + "aaaa".Replace("aa", "b") + " | " + "abc".Replace('b', 'B') + " | " + "remove me".Replace("me", ""));
        int count = 0;
        foreach (var c in s) if (c == 'o') count++;
        Console.WriteLine($"count of 'o': {count}, words: {s.Split(' ').Length}");
        string path = "dir/sub/file.txt";
        int slash = path.LastIndexOf('/');
        Console.WriteLine($"file {path.Substring(slash + 1)} dir {path[..slash]} ext {path[(path.LastIndexOf('.') + 1)..]}");
        Console.WriteLine($"IndexOf ignore case: {"Hello".IndexOf("LL", StringComparison.OrdinalIgnoreCase)}, LastIndexOf start: {"abcabc".LastIndexOf('a', 2)}");
        return 0;
    }
}
