// params arrays (empty, explicit array, null), params span, optional and named arguments, overload resolution.
static class ParamsArgs
{
    static string Join(string sep, params int[] values) =>
        values == null ? "null array" : $"{values.Length}: " + string.Join(sep, values);

    static string Objects(params object[] items) =>
        items == null ? "null" : items.Length + " [" + string.Join(",", items.Select(i => i ?? "null")) + "]";

    static int SpanSum(params ReadOnlySpan<int> values)
    {
        int sum = 0;
        foreach (var v in values) sum += v;
        return sum;
    }

    static string Optional(int a, int b = 10, string c = "default") => $"a={a} b={b} c={c}";

    static string Overload(int x) => "int";
    static string Overload(long x) => "long";
    static string Overload(double x) => "double";
    static string Overload(object x) => "object";
    static string Overload(params int[] x) => "params";

    public static int Run()
    {
        Console.WriteLine(Join(","));
        Console.WriteLine(Join(",", 1));
        Console.WriteLine(Join(",", 1, 2, 3));
        Console.WriteLine(Join("-", new[] { 4, 5 }));
        Console.WriteLine(Join("-", null));
        Console.WriteLine(Objects());
        Console.WriteLine(Objects(1, "two", null));
        Console.WriteLine(Objects(null));
        Console.WriteLine(Objects((object)null));
        Console.WriteLine(Objects(new object[] { "a", "b" }));
        Console.WriteLine(Objects((object)new object[] { "a", "b" }).Replace("System.Object[]", "object[]"));
        Console.WriteLine("span params: " + SpanSum() + " " + SpanSum(1, 2, 3));
        Console.WriteLine(Optional(1));
        Console.WriteLine(Optional(1, 2));
        Console.WriteLine(Optional(1, c: "named"));
        Console.WriteLine(Optional(b: 3, a: 4));
        byte by = 1; short sh = 2; float fl = 3;
        Console.WriteLine($"overloads: {Overload(1)} {Overload(1L)} {Overload(by)} {Overload(sh)} {Overload(fl)} {Overload("s")} {Overload()} {Overload(1, 2)} {Overload(1u)}");
        Console.WriteLine(string.Format("{0}{1}{2}{3}{4}", 1, 2, 3, 4, 5));
        Console.WriteLine(string.Concat("a", "b", "c", "d", "e"));
        Console.WriteLine(Math.Max(1, 2) + " " + string.Join("|", "x", "y"));
        return 0;
    }
}
