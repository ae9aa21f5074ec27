// foreach over arrays, strings, List, Dictionary, HashSet, custom IEnumerable<T>, and a
// duck-typed GetEnumerator (pattern-based foreach).
static class ForeachCollections
{
    class Countdown : IEnumerable<int>
    {
        readonly int _from;
        public Countdown(int from) { _from = from; }
        public IEnumerator<int> GetEnumerator() { for (int i = _from; i > 0; i--) yield return i; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    class DuckBag
    {
        public DuckEnumerator GetEnumerator() => new DuckEnumerator();
    }

    struct DuckEnumerator
    {
        int _i;
        public bool MoveNext() => ++_i <= 3;
        public string Current => "duck" + _i;
    }

    public static int Run()
    {
        int total = 0;
        foreach (var x in new[] { 1, 2, 3 }) total += x;
        Console.WriteLine("array: " + total);
        foreach (var ch in "héllo") Console.Write((int)ch + " ");
        Console.WriteLine();
        var list = new List<string> { "x", "y", "z" };
        foreach (var s in list) Console.Write(s);
        Console.WriteLine();
        var dict = new Dictionary<string, int> { ["one"] = 1, ["two"] = 2, ["three"] = 3 };
        foreach (var kv in dict) Console.Write($"{kv.Key}={kv.Value};");
        Console.WriteLine();
        foreach (var (key, value) in dict) Console.Write($"{key}:{value} ");
        Console.WriteLine();
        foreach (var k in dict.Keys) Console.Write(k + " ");
        foreach (var v in dict.Values) Console.Write(v + " ");
        Console.WriteLine();
        var set = new HashSet<int> { 5, 3, 9, 3, 1 };
        foreach (var v in set) Console.Write(v + " ");
        Console.WriteLine("(count " + set.Count + ")");
        foreach (var v in new Countdown(4)) Console.Write(v + " ");
        Console.WriteLine();
        IEnumerable<int> asInterface = new List<int> { 7, 8 };
        foreach (var v in asInterface) Console.Write(v + " ");
        Console.WriteLine();
        foreach (var d in new DuckBag()) Console.Write(d + " ");
        Console.WriteLine();
        var jagged = new[] { new[] { 1, 2 }, new[] { 3 } };
        foreach (var row in jagged) foreach (var v in row) Console.Write(v);
        Console.WriteLine();
        var grid = new int[2, 3] { { 1, 2, 3 }, { 4, 5, 6 } };
        foreach (var v in grid) Console.Write(v);
        Console.WriteLine();
        System.Collections.IEnumerable nonGeneric = new System.Collections.ArrayList { 1, "two", 3.0 };
        foreach (var o in nonGeneric) Console.Write(o + " ");
        Console.WriteLine();
        var queue = new Queue<int>(new[] { 1, 2, 3 });
        var stack = new Stack<int>(new[] { 1, 2, 3 });
        Console.WriteLine("queue: " + string.Join(",", queue) + " stack: " + string.Join(",", stack));
        var linked = new LinkedList<int>(new[] { 4, 5 });
        linked.AddFirst(3);
        Console.WriteLine("linked: " + string.Join(",", linked));
        var sorted = new SortedDictionary<string, int> { ["b"] = 2, ["a"] = 1, ["c"] = 3 };
        Console.WriteLine("sorted dict: " + string.Join(",", sorted.Select(kv => kv.Key + kv.Value)));
        return 0;
    }
}
