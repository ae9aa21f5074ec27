// List<T>: Add, Insert, Remove (first match), RemoveAt, RemoveAll, RemoveRange, IndexOf, Contains,
// Sort (stable? no: introsort; only distinct keys printed), Reverse, capacity growth, ToArray, AddRange, GetRange, BinarySearch.
static class ListOperations
{
    static string S<T>(List<T> l) => "[" + string.Join(",", l) + "]";

    public static int Run()
    {
        var l = new List<int>();
        for (int i = 0; i < 10; i++) l.Add(i * i % 7);
        Console.WriteLine($"built {S(l)} Count {l.Count}");
        l.Insert(0, 100);
        l.Insert(l.Count, 200);
        l.Insert(3, 300);
        Console.WriteLine("Insert: " + S(l));
        Console.WriteLine($"Remove(4): {l.Remove(4)} {S(l)}; Remove(99): {l.Remove(99)}");
        l.RemoveAt(0);
        Console.WriteLine("RemoveAt(0): " + S(l));
        Console.WriteLine($"RemoveAll(x<2): {l.RemoveAll(x => x < 2)} {S(l)}");
        l.RemoveRange(1, 2);
        Console.WriteLine("RemoveRange(1,2): " + S(l));
        Console.WriteLine($"IndexOf(2) {l.IndexOf(2)} LastIndexOf(2) {l.LastIndexOf(2)} Contains(300) {l.Contains(300)} Find {l.Find(x => x > 100)} FindLast {l.FindLast(x => x < 100)} Exists {l.Exists(x => x == 200)}");
        l.AddRange(new[] { 5, 3, 9 });
        Console.WriteLine("AddRange: " + S(l));
        var copy = new List<int>(l);
        copy.Sort();
        Console.WriteLine("Sort: " + S(copy) + " BinarySearch(9): " + copy.BinarySearch(9));
        copy.Sort((a, b) => b.CompareTo(a));
        Console.WriteLine("Sort desc: " + S(copy));
        copy.Reverse();
        Console.WriteLine("Reverse: " + S(copy));
        Console.WriteLine("GetRange(1,3): " + S(copy.GetRange(1, 3)) + " ToArray length " + copy.ToArray().Length);
        copy[0] = -1;
        Console.WriteLine("indexer set: " + S(copy));
        var strings = new List<string> { "b", null, "a" };
        Console.WriteLine($"null element: IndexOf(null) {strings.IndexOf(null)} Contains(null) {strings.Contains(null)}");
        var cap = new List<int>();
        var capacities = new List<int> { cap.Capacity };
        for (int i = 0; i < 40; i++)
        {
            cap.Add(i);
            if (capacities[^1] != cap.Capacity) capacities.Add(cap.Capacity);
        }
        Console.WriteLine("capacity growth: " + S(capacities));
        cap.Clear();
        Console.WriteLine($"Clear: Count {cap.Count} Capacity kept {cap.Capacity}");
        cap.TrimExcess();
        Console.WriteLine($"TrimExcess: Capacity {cap.Capacity}");
        var nested = new List<List<int>> { new() { 1 }, new() { 2, 3 } };
        nested[1].Add(4);
        Console.WriteLine("nested: " + string.Join(";", nested.Select(S)));
        Console.WriteLine("ConvertAll: " + S(l.ConvertAll(x => "n" + x)) + " TrueForAll: " + l.TrueForAll(x => x >= 0));
        var ro = l.AsReadOnly();
        Console.WriteLine($"AsReadOnly count {ro.Count} first {ro[0]}");
        l.ForEach(x => Console.Write(x + ";"));
        Console.WriteLine();
        return 0;
    }
}
