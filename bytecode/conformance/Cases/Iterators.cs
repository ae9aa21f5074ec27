// Iterators: yield return/break, lazy evaluation order, finally blocks run on completion and on
// Dispose (early break), nested iterators, iterator state per enumerator.
static class Iterators
{
    static IEnumerable<int> Range(int from, int count)
    {
        Console.WriteLine($"  Range({from}, {count}) starts");
        for (int i = 0; i < count; i++)
        {
            Console.WriteLine($"  Range yields {from + i}");
            yield return from + i;
        }
        Console.WriteLine("  Range ends");
    }

    static IEnumerable<string> WithFinally()
    {
        try
        {
            yield return "a";
            try
            {
                yield return "b";
                yield return "c";
            }
            finally { Console.WriteLine("  inner finally"); }
            yield return "d";
        }
        finally { Console.WriteLine("  outer finally"); }
    }

    static IEnumerable<int> StopAt(IEnumerable<int> source, int stop)
    {
        foreach (var x in source)
        {
            if (x == stop) yield break;
            yield return x;
        }
    }

    static IEnumerable<int> Flatten(IEnumerable<IEnumerable<int>> lists)
    {
        foreach (var list in lists)
            foreach (var x in list)
                yield return x;
    }

    static IEnumerable<int> Tree(int depth, int id)
    {
        if (depth == 0) { yield return id; yield break; }
        foreach (var x in Tree(depth - 1, id * 2)) yield return x;
        foreach (var x in Tree(depth - 1, id * 2 + 1)) yield return x;
    }

    static IEnumerator<char> Letters()
    {
        yield return 'x';
        yield return 'y';
    }

    static IEnumerable<int> Fibonacci()
    {
        int a = 0, b = 1;
        while (true)
        {
            yield return a;
            (a, b) = (b, a + b);
        }
    }

    public static int Run()
    {
        Console.WriteLine("creating");
        var seq = Range(1, 3);
        Console.WriteLine("enumerating");
        foreach (var x in seq) Console.WriteLine("got " + x);
        Console.WriteLine("enumerating again");
        Console.WriteLine("sum " + seq.Sum());

        Console.WriteLine("full enumeration with finally:");
        foreach (var s in WithFinally()) Console.WriteLine("got " + s);
        Console.WriteLine("break after b:");
        foreach (var s in WithFinally())
        {
            Console.WriteLine("got " + s);
            if (s == "b") break;
        }
        Console.WriteLine("manual MoveNext without Dispose, then Dispose:");
        var e = WithFinally().GetEnumerator();
        e.MoveNext();
        e.MoveNext();
        Console.WriteLine("current " + e.Current);
        e.Dispose();
        Console.WriteLine("after dispose MoveNext: " + e.MoveNext());

        Console.WriteLine("StopAt: " + string.Join(",", StopAt(new[] { 1, 2, 3, 4 }, 3)));
        Console.WriteLine("Flatten: " + string.Join(",", Flatten(new[] { new[] { 1, 2 }, new int[0], new[] { 3 } })));
        Console.WriteLine("Tree: " + string.Join(",", Tree(3, 1)));
        var letters = Letters();
        while (letters.MoveNext()) Console.Write(letters.Current);
        Console.WriteLine();
        Console.WriteLine("Fibonacci: " + string.Join(",", Fibonacci().Take(15)));
        var fib = Fibonacci();
        using (var e1 = fib.GetEnumerator())
        using (var e2 = fib.GetEnumerator())
        {
            e1.MoveNext(); e1.MoveNext(); e1.MoveNext();
            e2.MoveNext();
            Console.WriteLine($"independent enumerators: {e1.Current} {e2.Current}");
        }
        return 0;
    }
}
