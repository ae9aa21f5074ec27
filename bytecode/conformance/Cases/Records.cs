// Records: value equality, ToString, with-expressions, positional deconstruction, inheritance,
// record structs, and init-only properties.
static class Records
{
    record Point(int X, int Y);
    record Point3(int X, int Y, int Z) : Point(X, Y);
    record Named(string Name, List<int> Items);
    record struct Pair(string Key, double Value);
    record class Settings
    {
        public string Theme { get; init; } = "light";
        public int Size { get; init; } = 12;
    }

    public static int Run()
    {
        var p = new Point(1, 2);
        var q = new Point(1, 2);
        Console.WriteLine($"{p} == {q}: {p == q}, Equals {p.Equals(q)}, ReferenceEquals {ReferenceEquals(p, q)}, hash equal {p.GetHashCode() == q.GetHashCode()}");
        var moved = p with { X = 10 };
        Console.WriteLine($"with: {moved} original {p}");
        var (x, y) = moved;
        Console.WriteLine($"deconstruct: {x} {y}");
        var p3 = new Point3(1, 2, 3);
        Console.WriteLine($"derived: {p3}, equals base with same X,Y: {p3 == new Point(1, 2)}, {((Point)p3).Equals(p)}");
        Point asBase = p3 with { Y = 20 };
        Console.WriteLine($"with on derived via base keeps type: {asBase} {asBase.GetType().Name}");
        var list = new List<int> { 1 };
        var n1 = new Named("a", list);
        var n2 = new Named("a", list);
        var n3 = new Named("a", new List<int> { 1 });
        Console.WriteLine($"reference member equality: same list {n1 == n2}, equal-content list {n1 == n3}");
        var pair = new Pair("k", 1.5);
        var pair2 = pair;
        pair2.Value = 2.5;
        Console.WriteLine($"record struct: {pair} {pair2} {pair == new Pair("k", 1.5)}");
        var s = new Settings { Size = 14 };
        Console.WriteLine($"init-only: {s} {s with { Theme = "dark" }}");
        var set = new HashSet<Point> { new(1, 1), new(1, 1), new(2, 2) };
        Console.WriteLine($"records in HashSet: {set.Count}");
        return 0;
    }
}
