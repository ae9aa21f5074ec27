// SortedSet (views, set operations, many adds and removes), PriorityQueue tie order, SortedList,
// SortedDictionary, LinkedList and ArrayList: orders, lookups and exception messages. No interpolation or LINQ.
static class SortedCollections
{
    sealed class Ord : IComparer<string> { public int Compare(string a, string b) { int n = a.Length < b.Length ? a.Length : b.Length; for (int i = 0; i < n; i++) if (a[i] != b[i]) return a[i] - b[i]; return a.Length - b.Length; } }

    static string S<T>(IEnumerable<T> e) { string r = "["; bool f = true; foreach (var x in e) { if (!f) r = string.Concat(r, ","); r = string.Concat(r, x.ToString()); f = false; } return string.Concat(r, "]"); }
    static string SO(System.Collections.IEnumerable e) { string r = "["; bool f = true; foreach (var x in e) { if (!f) r = string.Concat(r, ","); r = string.Concat(r, x == null ? "null" : x.ToString()); f = false; } return string.Concat(r, "]"); }

    static void L(params object[] parts) { foreach (var p in parts) Console.Write(p == null ? "" : p.ToString()); Console.WriteLine(); }
    public static int Run()
    {
        var sorted = new SortedSet<int> { 5, 1, 9, 3, 7 };
        sorted.Remove(9);
        L("SortedSet ", S(sorted), " Min ", sorted.Min, " Max ", sorted.Max, " view ", S(sorted.GetViewBetween(2, 6)), " count ", sorted.GetViewBetween(2, 6).Count);
        var big = new SortedSet<int>();
        int seed = 12345;
        for (int i = 0; i < 2000; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; big.Add(seed % 1000); }
        for (int i = 0; i < 2000; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; big.Remove(seed % 1000); }
        int prev = -1; bool ok = true; int n = 0;
        foreach (var x in big) { if (x <= prev) ok = false; prev = x; n++; }
        L("big ", big.Count, " ", n, " ", ok, " ", big.Min, " ", big.Max);
        L("reverse ", S(sorted.Reverse()));
        var v = big.GetViewBetween(100, 200);
        L("view ", v.Count, " ", v.Min, " ", v.Max, " ", v.Contains(50));
        var ss = new SortedSet<string>(new Ord()) { "pear", "apple", "fig" };
        ss.UnionWith(new[] { "kiwi", "apple" });
        ss.SymmetricExceptWith(new[] { "fig", "zz" });
        L(S(ss), " ", ss.IsSubsetOf(new[] { "apple", "kiwi", "pear", "zz", "q" }), " ", ss.Overlaps(new[] { "q" }), " ", ss.SetEquals(new[] { "zz", "kiwi", "pear", "apple" }));

        var pq = new PriorityQueue<string, int>();
        pq.Enqueue("low", 5); pq.Enqueue("high", 1); pq.Enqueue("mid", 3); pq.Enqueue("high2", 1);
        var order = new List<string>();
        while (pq.Count > 0) order.Add(pq.Dequeue());
        L("PriorityQueue: ", S(order));
        var pq2 = new PriorityQueue<int, int>();
        for (int i = 0; i < 40; i++) pq2.Enqueue(i, (i * 7) % 5);
        var o2 = new List<int>();
        for (int i = 0; i < 15; i++) o2.Add(pq2.Dequeue());
        for (int i = 0; i < 10; i++) pq2.Enqueue(100 + i, i % 3);
        pq2.EnqueueRange(new[] { 200, 201, 202 }, 2);
        L("pq2 peek ", pq2.Peek(), " enqdeq ", pq2.EnqueueDequeue(300, 0), " deqenq ", pq2.DequeueEnqueue(301, 4));
        while (pq2.TryDequeue(out var e, out var p)) o2.Add(e * 10 + p);
        L("pq2 ", S(o2));
        try { pq2.Dequeue(); } catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }

        var sl = new SortedList<string, int>(new Ord()) { ["b"] = 2, ["a"] = 1 };
        sl["c"] = 3; sl["a"] = 10; sl.Remove("b");
        L("SortedList: ", S(sl.Keys), " ", S(sl.Values), " ", sl.IndexOfKey("c"), " ", sl.IndexOfKey("b"), " ", S(sl));
        try { sl.Add("a", 1); } catch (ArgumentException ex) { Console.WriteLine(ex.Message); }

        var sd = new SortedDictionary<string, int>(new Ord()) { ["b"] = 2, ["a"] = 1, ["c"] = 3 };
        sd["b"] = 20; sd.Remove("c"); sd["0"] = 0;
        L("sorted dict: ", S(sd), " ", S(sd.Keys), " ", S(sd.Values), " ", sd.ContainsKey("a"), " ", sd.ContainsValue(20));
        try { sd.Add("a", 5); } catch (ArgumentException ex) { Console.WriteLine(ex.Message); }
        try { var z = sd["q"]; } catch (KeyNotFoundException ex) { Console.WriteLine(ex.Message); }

        var linked = new LinkedList<int>(new[] { 4, 5 });
        linked.AddFirst(3);
        var n6 = linked.AddLast(6);
        linked.AddBefore(n6, 55);
        linked.AddAfter(linked.First, 35);
        linked.Remove(4);
        L("linked: ", S(linked), " first ", linked.First.Value, " last ", linked.Last.Value, " count ", linked.Count, " find ", (linked.Find(55).Next.Value), " ", (linked.Find(99) == null), " ", (linked.First.Previous == null));
        linked.RemoveFirst(); linked.RemoveLast();
        L("linked: ", S(linked));
        try { new LinkedList<int>().RemoveFirst(); } catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }

        System.Collections.IEnumerable nonGeneric = new System.Collections.ArrayList { 1, "two", null, 'c' };
        Console.WriteLine(SO(nonGeneric));
        var al = new System.Collections.ArrayList { 3, 1, 2 };
        al.Sort(); al.Insert(0, 9); al.RemoveAt(1);
        L(SO(al), " ", al.Count, " ", al.IndexOf(3), " ", al.Contains(2));
        return 0;
    }
}
