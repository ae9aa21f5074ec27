// LINQ to Objects, element-wise operators: Select, SelectMany, Where, Take, Skip, Zip, Concat,
// Reverse, Distinct, Range, Repeat, First/Last/Single(OrDefault), ElementAt, ToList, ToArray,
// ToDictionary, SequenceEqual, Any, All, Contains, deferred execution.
static class LinqBasic
{
    static string S<T>(IEnumerable<T> e) => "[" + string.Join(",", e) + "]";

    public static int Run()
    {
        var nums = Enumerable.Range(1, 10);
        Console.WriteLine("Range: " + S(nums) + " Repeat: " + S(Enumerable.Repeat("ab", 3)) + " Empty: " + S(Enumerable.Empty<int>()));
        Console.WriteLine("Where: " + S(nums.Where(n => n % 3 == 0)) + " with index: " + S(nums.Where((n, i) => i % 4 == 0)));
        Console.WriteLine("Select: " + S(nums.Select(n => n * n)) + " with index: " + S(new[] { "a", "b" }.Select((s, i) => s + i)));
        Console.WriteLine("SelectMany: " + S(new[] { "ab", "cd" }.SelectMany(s => s.ToCharArray())) + " " + S(Enumerable.Range(1, 3).SelectMany(i => Enumerable.Repeat(i, i))));
        Console.WriteLine("SelectMany result: " + S(new[] { 1, 2 }.SelectMany(x => new[] { 10, 20 }, (x, y) => x + y)));
        Console.WriteLine("Take/Skip: " + S(nums.Take(3)) + S(nums.Skip(8)) + S(nums.Take(0)) + S(nums.Skip(20)) + S(nums.TakeLast(2)) + S(nums.SkipLast(8)));
        Console.WriteLine("TakeWhile/SkipWhile: " + S(nums.TakeWhile(n => n < 4)) + S(nums.SkipWhile(n => n < 8)));
        Console.WriteLine("Zip: " + S(nums.Zip(new[] { "a", "b", "c" }, (n, s) => s + n)) + " tuples: " + S(new[] { 1, 2 }.Zip(new[] { 'x', 'y', 'z' })));
        Console.WriteLine("Concat: " + S(new[] { 1, 2 }.Concat(new[] { 3 }).Concat(Enumerable.Empty<int>())) + " Append/Prepend: " + S(new[] { 2 }.Append(3).Prepend(1)));
        Console.WriteLine("Reverse: " + S(nums.Reverse()) + " Distinct: " + S(new[] { 3, 1, 3, 2, 1 }.Distinct()) + " DistinctBy: " + S(new[] { "aa", "b", "cc", "d" }.DistinctBy(s => s.Length)));
        Console.WriteLine("Union/Intersect/Except: " + S(new[] { 1, 2, 3 }.Union(new[] { 3, 4 })) + S(new[] { 1, 2, 3 }.Intersect(new[] { 3, 2, 9 })) + S(new[] { 1, 2, 3 }.Except(new[] { 2 })));
        Console.WriteLine($"First {nums.First()} First(pred) {nums.First(n => n > 4)} FirstOrDefault {nums.FirstOrDefault(n => n > 40)} default {new string[0].FirstOrDefault() ?? "null"} with default {nums.FirstOrDefault(n => n > 40, -1)}");
        Console.WriteLine($"Last {nums.Last()} Last(pred) {nums.Last(n => n < 4)} LastOrDefault {nums.LastOrDefault(n => n > 40)}");
        Console.WriteLine($"Single {new[] { 5 }.Single()} Single(pred) {nums.Single(n => n == 7)} SingleOrDefault {nums.SingleOrDefault(n => n == 70)} ElementAt {nums.ElementAt(2)} ElementAtOrDefault {nums.ElementAtOrDefault(20)}");
        Console.WriteLine($"Any {nums.Any()} Any(>9) {nums.Any(n => n > 9)} Any empty {Enumerable.Empty<int>().Any()} All(>0) {nums.All(n => n > 0)} All on empty {Enumerable.Empty<int>().All(n => false)} Contains {nums.Contains(5)}");
        var list = nums.Where(n => n % 2 == 1).ToList();
        var array = nums.Select(n => (double)n / 4).ToArray();
        Console.WriteLine($"ToList {list.GetType().Name} {S(list)} ToArray {array.GetType().Name} {S(array)}");
        var dict = new[] { "apple", "banana", "cherry" }.ToDictionary(s => s[0], s => s.Length);
        Console.WriteLine("ToDictionary: " + S(dict));
        var lookup = new[] { "ant", "bee", "asp", "bat", "cow" }.ToLookup(s => s[0]);
        Console.WriteLine($"ToLookup: a={S(lookup['a'])} z={S(lookup['z'])} count {lookup.Count}");
        Console.WriteLine($"SequenceEqual {nums.SequenceEqual(Enumerable.Range(1, 10))} {nums.SequenceEqual(Enumerable.Range(1, 9))} {new[] { "a" }.SequenceEqual(new List<string> { "a" })}");
        Console.WriteLine("Chunk: " + string.Join(" ", nums.Chunk(4).Select(S)) + " OfType: " + S(new object[] { 1, "s", 2, null, 3.0 }.OfType<int>()) + " Cast: " + S(new object[] { "x", "y" }.Cast<string>()));
        Console.WriteLine("DefaultIfEmpty: " + S(Enumerable.Empty<int>().DefaultIfEmpty()) + S(Enumerable.Empty<int>().DefaultIfEmpty(9)) + " ToHashSet count " + new[] { 1, 1, 2 }.ToHashSet().Count);

        var log = new List<string>();
        var deferred = nums.Where(n => { log.Add("w" + n); return n % 5 == 0; }).Select(n => { log.Add("s" + n); return n; });
        Console.WriteLine("before enumeration: " + log.Count);
        var firstMatch = deferred.First();
        Console.WriteLine($"First() pulled only what it needed: {firstMatch} {S(log)}");
        var source = new List<int> { 1, 2 };
        var query = source.Select(x => x * 10);
        source.Add(3);
        Console.WriteLine("deferred sees later adds: " + S(query));
        try { nums.Single(n => n > 5); }
        catch (InvalidOperationException) { Console.WriteLine("Single with many: InvalidOperationException"); }
        var q2 = from n in nums where n > 6 let sq = n * n select $"{n}^2={sq}";
        Console.WriteLine("query syntax: " + S(q2));
        var joined = from a in new[] { (1, "one"), (2, "two") } join b in new[] { (2, "zwei"), (1, "eins"), (1, "ein") } on a.Item1 equals b.Item1 select a.Item2 + "=" + b.Item2;
        Console.WriteLine("join: " + S(joined));
        return 0;
    }
}
