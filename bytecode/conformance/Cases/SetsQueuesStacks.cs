// HashSet<T> (order after removes, set operations), Queue<T>, Stack<T>, SortedSet<T>, PriorityQueue.
static class SetsQueuesStacks
{
    static string S<T>(IEnumerable<T> e) => "[" + string.Join(",", e) + "]";

    public static int Run()
    {
        var set = new HashSet<int> { 10, 20, 30, 40, 50 };
        Console.WriteLine($"Add dup: {set.Add(20)} Add new: {set.Add(60)} Remove: {set.Remove(30)} Remove missing: {set.Remove(31)}");
        set.Add(5);
        Console.WriteLine("order after remove/add: " + S(set));
        var other = new HashSet<int> { 5, 50, 70 };
        var union = new HashSet<int>(set); union.UnionWith(other);
        var inter = new HashSet<int>(set); inter.IntersectWith(other);
        var except = new HashSet<int>(set); except.ExceptWith(other);
        var sym = new HashSet<int>(set); sym.SymmetricExceptWith(other);
        Console.WriteLine($"union {S(union)} intersect {S(inter)} except {S(except)} symmetric {S(sym)}");
        Console.WriteLine($"IsSubsetOf {inter.IsSubsetOf(set)} IsSupersetOf {set.IsSupersetOf(other)} Overlaps {set.Overlaps(other)} SetEquals {inter.SetEquals(new[] { 50, 5 })}");
        var strings = new HashSet<string> { "pear", "apple", "fig" };
        strings.Remove("apple");
        strings.Add("kiwi");
        Console.WriteLine("string set: " + S(strings) + " Contains fig " + strings.Contains("fig"));

        var q = new Queue<string>();
        q.Enqueue("a"); q.Enqueue("b"); q.Enqueue("c");
        Console.WriteLine($"Dequeue {q.Dequeue()} Peek {q.Peek()} Count {q.Count}");
        for (int i = 0; i < 10; i++) { q.Enqueue("x" + i); q.Dequeue(); } // wrap around the ring buffer
        Console.WriteLine("queue after wrap: " + S(q) + " TryDequeue " + q.TryDequeue(out var first) + " " + first);
        var s = new Stack<int>();
        for (int i = 0; i < 5; i++) s.Push(i);
        Console.WriteLine($"Pop {s.Pop()} Peek {s.Peek()} Count {s.Count} enumerate {S(s)} ToArray {S(s.ToArray())}");
        Console.WriteLine($"TryPop empty: {new Stack<int>().TryPop(out var none)} {none}");

        var sorted = new SortedSet<int> { 5, 1, 9, 3, 7 };
        sorted.Remove(9);
        Console.WriteLine($"SortedSet {S(sorted)} Min {sorted.Min} Max {sorted.Max} view {S(sorted.GetViewBetween(2, 6))}");
        var pq = new PriorityQueue<string, int>();
        pq.Enqueue("low", 5); pq.Enqueue("high", 1); pq.Enqueue("mid", 3); pq.Enqueue("high2", 1);
        var order = new List<string>();
        while (pq.Count > 0) order.Add(pq.Dequeue());
        Console.WriteLine("PriorityQueue: " + S(order.Select(o => o.StartsWith("high") ? "high*" : o)));
        var sl = new SortedList<string, int> { ["b"] = 2, ["a"] = 1 };
        Console.WriteLine($"SortedList: {S(sl.Keys)} {sl.IndexOfKey("b")}");
        return 0;
    }
}
