// Allocation pressure: many short-lived objects of several shapes (arrays, strings, boxes, small
// classes) while a long-lived tree stays reachable; the tree is verified afterwards.
static class GcHeavy
{
    sealed class Node
    {
        public Node Left, Right;
        public int Value;
        public string Label;
        public long[] Extra;
    }

    static Node Build(int depth, ref int counter)
    {
        var n = new Node { Value = counter++ };
        n.Label = "n" + n.Value;
        if (depth > 0)
        {
            n.Left = Build(depth - 1, ref counter);
            n.Right = Build(depth - 1, ref counter);
        }
        if (n.Value % 7 == 0) n.Extra = new long[] { n.Value, -n.Value };
        return n;
    }

    static (long Sum, int Count, bool LabelsOk) Verify(Node n)
    {
        if (n == null) return (0, 0, true);
        var l = Verify(n.Left);
        var r = Verify(n.Right);
        bool ok = l.LabelsOk && r.LabelsOk && n.Label == "n" + n.Value && (n.Extra == null || n.Extra[0] + n.Extra[1] == 0);
        return (l.Sum + r.Sum + n.Value, l.Count + r.Count + 1, ok);
    }

    public static int Run()
    {
        int counter = 0;
        var tree = Build(8, ref counter);
        Console.WriteLine("tree nodes: " + counter);
        long garbageChecksum = 0;
        object[] survivors = new object[16];
        for (int i = 0; i < 3000; i++)
        {
            var arr = new int[i % 32 + 1];
            arr[^1] = i;
            var str = "s" + i;
            object box = i;
            var node = new Node { Value = i, Label = str };
            garbageChecksum += arr[^1] + str.Length + (int)box + node.Value;
            survivors[i % survivors.Length] = (i % 3) switch { 0 => arr, 1 => str, _ => node }; // some objects live a little longer
            if (i % 500 == 0) tree.Left.Right.Value += 0; // touch the old tree while the heap churns
        }
        Console.WriteLine("garbage checksum: " + garbageChecksum);
        var survivorKinds = survivors.Select(o => o.GetType().Name).GroupBy(n => n).Select(g => g.Key + "=" + g.Count());
        Console.WriteLine("survivors: " + string.Join(" ", survivorKinds));
        var lists = new List<List<string>>();
        for (int i = 0; i < 20; i++)
        {
            var l = new List<string>();
            for (int j = 0; j < 20; j++) l.Add(i + ":" + j);
            lists.Add(l);
        }
        Console.WriteLine("list of lists: " + lists.Sum(l => l.Count) + " last " + lists[^1][^1]);
        var (sum, count, labelsOk) = Verify(tree);
        Console.WriteLine($"tree after churn: count {count} sum {sum} labels ok {labelsOk}");
        return 0;
    }
}
