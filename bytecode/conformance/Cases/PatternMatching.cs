// Pattern matching: type patterns, is/as, switch expressions, property, positional, relational,
// list patterns, var patterns and when clauses.
static class PatternMatching
{
    record Point(int X, int Y);
    class Shape { public string Kind { get; init; } public double Size { get; init; } public Point Center { get; init; } }

    static string Classify(object o) => o switch
    {
        null => "null",
        int i when i < 0 => "negative int " + i,
        int i => "int " + i,
        long l => "long " + l,
        string { Length: 0 } => "empty string",
        string s => "string of " + s.Length,
        Point(0, 0) => "origin",
        Point(var x, 0) => "on x axis at " + x,
        Point { Y: > 10 } p => "high point " + p,
        Point p => "point " + p.X + "," + p.Y,
        Shape { Kind: "circle", Size: > 1.0 } => "big circle",
        Shape { Center: { X: 5 } } => "shape centered at x=5",
        Shape => "some shape",
        int[] { Length: 0 } => "empty int array",
        int[] and [var first, .., var last] => $"int array {first}..{last}",
        IEnumerable<char> => "chars",
        _ => "unknown " + o.GetType().Name,
    };

    static string Temperature(double t) => t switch
    {
        < 0 => "freezing",
        >= 0 and < 20 => "cold",
        >= 20 and < 30 => "warm",
        double.NaN => "not a number",
        _ => "hot",
    };

    static string Lists(int[] a) => a switch
    {
        [] => "empty",
        [1] => "just one",
        [1, 2, ..] => "starts 1,2",
        [.., 9] => "ends with 9",
        [_, var second, ..] => "second is " + second,
        _ => "single other",
    };

    public static int Run()
    {
        object[] things =
        {
            null, -3, 4, 5L, "", "abc", new Point(0, 0), new Point(7, 0), new Point(1, 20), new Point(2, 3),
            new Shape { Kind = "circle", Size = 2 }, new Shape { Kind = "square", Center = new Point(5, 1) },
            new Shape { Kind = "circle", Size = 0.5 }, new int[0], new[] { 4, 5, 6 }, new List<char>(), 2.5,
        };
        foreach (var t in things) Console.WriteLine(Classify(t));
        foreach (var t in new[] { -5.0, 10, 25, 99, double.NaN }) Console.Write(Temperature(t) + "; ");
        Console.WriteLine();
        foreach (var a in new[] { new int[0], new[] { 1 }, new[] { 1, 2, 3 }, new[] { 0, 9 }, new[] { 5, 6, 7 }, new[] { 5 } })
            Console.Write(Lists(a) + "; ");
        Console.WriteLine();

        object o = "hello";
        if (o is string { Length: > 3 } str && str.StartsWith('h')) Console.WriteLine("is pattern with &&: " + str);
        if (o is not int) Console.WriteLine("not int");
        var asString = o as string;
        var asPoint = o as Point;
        Console.WriteLine($"as: {asString}, {(asPoint == null ? "null" : "point")}");
        int? maybe = 5;
        if (maybe is int value) Console.WriteLine("nullable pattern: " + value);
        object boxed = 42;
        Console.WriteLine($"constant patterns: {boxed is 42} {boxed is 43} {boxed is long} {boxed is > 40 and < 50}");
        var tuple = (3, "x");
        Console.WriteLine(tuple switch { (3, "y") => "3y", (3, _) => "3 and anything", _ => "other" });
        return 0;
    }
}
