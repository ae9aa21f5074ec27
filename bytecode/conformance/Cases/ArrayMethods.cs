// System.Array: Sort (default, IComparer, Comparison, keys/items, range), IndexOf, BinarySearch,
// Copy (overlapping), Fill, Reverse, Resize, Empty, Clear, ConvertAll, Exists, TrueForAll.
static class ArrayMethods
{
    class ByLastChar : IComparer<string>
    {
        public int Compare(string a, string b) => a[^1].CompareTo(b[^1]);
    }

    static string S<T>(T[] a) => "[" + string.Join(",", a) + "]";

    public static int Run()
    {
        int[] a = { 5, 3, 8, 1, 9, 2 };
        Console.WriteLine($"Length {a.Length} Rank {a.Rank} GetLength(0) {a.GetLength(0)}");
        var sorted = (int[])a.Clone();
        Array.Sort(sorted);
        Console.WriteLine("Sort: " + S(sorted));
        Console.WriteLine("BinarySearch 8: " + Array.BinarySearch(sorted, 8) + ", missing 4: " + Array.BinarySearch(sorted, 4));
        var words = new[] { "pear", "fig", "apple", "kiwi", "banana" };
        var w1 = (string[])words.Clone();
        Array.Sort(w1);
        Console.WriteLine("Sort strings (ordinal for ASCII): " + S(w1));
        var w2 = (string[])words.Clone();
        Array.Sort(w2, new ByLastChar());
        Console.WriteLine("Sort IComparer: " + S(w2));
        var w3 = (string[])words.Clone();
        Array.Sort(w3, (x, y) => x.Length != y.Length ? x.Length - y.Length : string.CompareOrdinal(x, y));
        Console.WriteLine("Sort Comparison: " + S(w3));
        var keys = new[] { 3, 1, 2 };
        var items = new[] { "c", "a", "b" };
        Array.Sort(keys, items);
        Console.WriteLine("Sort keys/items: " + S(keys) + S(items));
        var part = new[] { 9, 8, 7, 6, 5 };
        Array.Sort(part, 1, 3);
        Console.WriteLine("Sort range: " + S(part));
        var big = new int[100];
        for (int i = 0; i < big.Length; i++) big[i] = (i * 37) % 101;
        Array.Sort(big);
        bool ordered = true;
        for (int i = 1; i < big.Length; i++) ordered &= big[i - 1] <= big[i];
        Console.WriteLine("Sort 100 (introsort path): ordered " + ordered + ", first " + big[0] + ", last " + big[99]);

        Console.WriteLine($"IndexOf 8: {Array.IndexOf(a, 8)}, IndexOf 7: {Array.IndexOf(a, 7)}, LastIndexOf: {Array.LastIndexOf(new[] { 1, 2, 1 }, 1)}, strings: {Array.IndexOf(words, "kiwi")}");
        var overlap = new[] { 1, 2, 3, 4, 5 };
        Array.Copy(overlap, 0, overlap, 1, 4);
        Console.WriteLine("Copy overlapping: " + S(overlap));
        var dest = new long[4];
        Array.Copy(new[] { 1, 2 }, dest, 2);
        Console.WriteLine("Copy int to long: " + S(dest));
        var filled = new int[4];
        Array.Fill(filled, 7);
        Console.WriteLine("Fill: " + S(filled));
        Array.Reverse(filled, 0, 0);
        var rev = new[] { 1, 2, 3, 4 };
        Array.Reverse(rev);
        Console.WriteLine("Reverse: " + S(rev));
        Array.Resize(ref rev, 6);
        Console.WriteLine("Resize up: " + S(rev));
        Array.Resize(ref rev, 2);
        Console.WriteLine("Resize down: " + S(rev));
        Console.WriteLine($"Empty: {Array.Empty<int>().Length}, same instance: {ReferenceEquals(Array.Empty<string>(), Array.Empty<string>())}");
        var clear = new[] { 1, 2, 3, 4 };
        Array.Clear(clear, 1, 2);
        Console.WriteLine("Clear range: " + S(clear));
        Array.Clear(clear);
        Console.WriteLine("Clear all: " + S(clear));
        Console.WriteLine("ConvertAll: " + S(Array.ConvertAll(a, x => x * 2)));
        Console.WriteLine($"Exists >8: {Array.Exists(a, x => x > 8)}, TrueForAll >0: {Array.TrueForAll(a, x => x > 0)}, Find: {Array.Find(a, x => x > 5)}, FindIndex: {Array.FindIndex(a, x => x > 5)}");
        var copyTo = new int[8];
        a.CopyTo(copyTo, 2);
        Console.WriteLine("CopyTo: " + S(copyTo));
        Console.WriteLine($"array equality is reference: {new[] { 1 }.Equals(new[] { 1 })}, SequenceEqual: {new[] { 1 }.SequenceEqual(new[] { 1 })}");
        object[] objs = { 3, 1, 2 };
        Array.Sort(objs);
        Console.WriteLine("Sort boxed: " + S(objs));
        return 0;
    }
}
