// System.Text.StringBuilder: Append overloads, AppendLine, AppendFormat, Insert, Remove, Replace,
// indexer, Length (grow/shrink), Clear, Capacity growth with many appends.
static class StringBuilderOps
{
    public static int Run()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("str").Append(' ').Append(42).Append(' ').Append(-7L).Append(' ').Append(2.5).Append(' ').Append(1.5f)
          .Append(' ').Append(true).Append(' ').Append((object)null).Append((string)null).Append(new[] { 'c', 'h' }).Append('x', 3)
          .Append(' ').Append(3000000000u).Append(' ').Append((byte)9).Append(' ').Append("substring", 3, 3);
        Console.WriteLine(sb.ToString());
        Console.WriteLine("Length " + sb.Length);
        sb.Clear();
        sb.AppendLine("line1").AppendLine().Append("line3");
        Console.WriteLine(sb.ToString().Replace("\r", "\\r").Replace("\n", "\\n"));
        sb.Clear();
        sb.AppendFormat("{0}-{1:X2}-{2,4}|", "a", 255, 7);
        sb.AppendFormat("{0}{1}{2}{3}", 1, 2, 3, 4);
        Console.WriteLine(sb);
        sb.Clear().Append("Hello World");
        sb.Insert(5, ",").Insert(0, 123).Insert(sb.Length, '!');
        Console.WriteLine(sb);
        sb.Remove(0, 3);
        Console.WriteLine(sb);
        sb.Replace("World", "There").Replace('l', 'L');
        Console.WriteLine(sb);
        sb[0] = 'h';
        Console.WriteLine($"indexer: {sb[0]}{sb[1]} -> {sb}");
        sb.Length = 5;
        Console.WriteLine($"truncated: [{sb}]");
        sb.Length = 7;
        Console.WriteLine($"extended with NULs: length {sb.Length}, last char code {(int)sb[6]}");
        var big = new System.Text.StringBuilder(4);
        for (int i = 0; i < 500; i++) big.Append(i % 10);
        Console.WriteLine($"500 appends: length {big.Length}, capacity >= length {big.Capacity >= big.Length}, slice {big.ToString(100, 12)}");
        big.Replace("0123", "");
        Console.WriteLine($"after Replace removing: length {big.Length}");
        var chain = new System.Text.StringBuilder("abc");
        Console.WriteLine($"Equals {chain.Equals(new System.Text.StringBuilder("abc"))} ToString equal {chain.ToString() == "abc"}");
        Console.WriteLine("interpolated append: " + new System.Text.StringBuilder().Append($"{1}+{2}={1 + 2}"));
        var lines = new System.Text.StringBuilder();
        foreach (var w in new[] { "x", "y", "z" }) lines.Append(w).Append(',');
        if (lines.Length > 0) lines.Length--;
        Console.WriteLine("joined by hand: " + lines);
        return 0;
    }
}
