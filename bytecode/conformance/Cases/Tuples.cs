// ValueTuple: construction, names, deconstruction, swapping, equality, tuples as dictionary keys,
// user-defined Deconstruct, nesting.
static class Tuples
{
    static (int Min, int Max, double Mean) Stats(int[] values)
    {
        int min = int.MaxValue, max = int.MinValue, sum = 0;
        foreach (var v in values) { min = Math.Min(min, v); max = Math.Max(max, v); sum += v; }
        return (min, max, (double)sum / values.Length);
    }

    class Person
    {
        public string Name = "Ada";
        public int Year = 1815;
        public void Deconstruct(out string name, out int year) { name = Name; year = Year; }
    }

    public static int Run()
    {
        var s = Stats(new[] { 4, 8, 1, 7 });
        Console.WriteLine($"named: min {s.Min} max {s.Max} mean {s.Mean}; Item1 {s.Item1}; ToString {s}");
        var (min, max, _) = s;
        Console.WriteLine($"deconstructed: {min} {max}");
        int a = 1, b = 2;
        (a, b) = (b, a);
        Console.WriteLine($"swapped: {a} {b}");
        var t1 = (1, "x");
        var t2 = (1, "x");
        Console.WriteLine($"== {t1 == t2}, Equals {t1.Equals(t2)}, != {(1, "y") != t1}");
        Console.WriteLine($"CompareTo: {(1, 2).CompareTo((1, 3))} {(2, 0).CompareTo((1, 9))}");
        var dict = new Dictionary<(int, int), string> { [(0, 0)] = "origin", [(1, 2)] = "p" };
        Console.WriteLine($"tuple key: {dict[(1, 2)]} {dict.ContainsKey((2, 1))}");
        var (name, year) = new Person();
        Console.WriteLine($"Deconstruct: {name} {year}");
        var nested = (1, (2, 3), "four");
        var (x, (y, z), w) = nested;
        Console.WriteLine($"nested: {x}{y}{z}{w} {nested}");
        var big = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Console.WriteLine($"big tuple: {big} item10 {big.Item10}");
        (int, string)[] pairs = { (2, "b"), (1, "a"), (2, "a") };
        Array.Sort(pairs);
        Console.WriteLine("sorted pairs: " + string.Join(" ", pairs));
        foreach (var (k, v) in new Dictionary<string, int> { ["q"] = 1 }) Console.WriteLine($"kv deconstruct {k}{v}");
        var list = new List<(string Name, int Score)> { ("a", 3), ("b", 5) };
        Console.WriteLine("best: " + list.OrderByDescending(p => p.Score).First().Name);
        ValueTuple<int> single = new(5);
        Console.WriteLine($"one-tuple: {single}, empty: {new ValueTuple()}");
        var tuple = Tuple.Create(1, "ref tuple");
        Console.WriteLine($"System.Tuple: {tuple} {tuple.Item2}");
        return 0;
    }
}
