// Dictionary<K,V>: add/update/remove, TryGetValue, ContainsKey/Value, enumeration order after removes
// and re-adds (free-list reuse: CoreCLR's order is the reference), TryAdd, GetValueOrDefault, KeyValuePair.
static class DictionaryOperations
{
    static string S<K, V>(Dictionary<K, V> d) => "{" + string.Join(", ", d.Select(kv => $"{kv.Key}:{kv.Value}")) + "}";

    public static int Run()
    {
        var d = new Dictionary<int, string>();
        for (int i = 0; i < 8; i++) d.Add(i * 3, "v" + i);
        Console.WriteLine("initial: " + S(d));
        d.Remove(6);
        d.Remove(15);
        d.Remove(0);
        Console.WriteLine("after removes: " + S(d));
        d[100] = "new100";
        d[6] = "back6";
        d.Add(-1, "minus");
        d.Add(50, "fifty");
        Console.WriteLine("after re-adds: " + S(d));
        d[3] = "updated3";
        Console.WriteLine("after update: " + S(d));
        Console.WriteLine($"Count {d.Count} ContainsKey(6) {d.ContainsKey(6)} ContainsKey(15) {d.ContainsKey(15)} ContainsValue(\"fifty\") {d.ContainsValue("fifty")}");
        Console.WriteLine($"TryGetValue(9): {d.TryGetValue(9, out var v9)} {v9}; TryGetValue(10): {d.TryGetValue(10, out var v10)} {v10 ?? "null"}");
        Console.WriteLine($"TryAdd existing: {d.TryAdd(9, "x")} new: {d.TryAdd(10, "ten")}; GetValueOrDefault: {d.GetValueOrDefault(11, "dflt")}");
        Console.WriteLine($"Remove with out: {d.Remove(10, out var removed)} {removed}");
        try { d.Add(9, "dup"); }
        catch (ArgumentException) { Console.WriteLine("Add duplicate: ArgumentException"); }
        try { _ = d[12345]; }
        catch (KeyNotFoundException) { Console.WriteLine("missing key: KeyNotFoundException"); }

        var words = new Dictionary<string, int>();
        foreach (var w in "the cat and the dog and the bird".Split(' '))
            words[w] = words.TryGetValue(w, out var c) ? c + 1 : 1;
        Console.WriteLine("word counts: " + S(words));
        words.Remove("cat");
        words["zebra"] = 1;
        words.Remove("the");
        words["ant"] = 2;
        Console.WriteLine("string keys after churn: " + S(words));
        Console.WriteLine("Keys: " + string.Join(",", words.Keys) + " Values: " + string.Join(",", words.Values));
        var kv = new KeyValuePair<string, int>("k", 5);
        Console.WriteLine($"KeyValuePair: {kv} {kv.Key} {kv.Value} {KeyValuePair.Create(1, 'x')}");

        var big = new Dictionary<int, int>();
        for (int i = 0; i < 200; i++) big[i * 7 % 211] = i;
        for (int i = 0; i < 200; i += 3) big.Remove(i);
        long checksum = 0;
        int position = 0;
        foreach (var pair in big) checksum += (long)pair.Key * (++position) + pair.Value;
        Console.WriteLine($"big: count {big.Count} order checksum {checksum}");
        var fromLinq = Enumerable.Range(1, 5).ToDictionary(x => x, x => x * x);
        Console.WriteLine("ToDictionary: " + S(fromLinq));
        d.Clear();
        Console.WriteLine($"Clear: {d.Count} {S(d)}");
        var nullValues = new Dictionary<string, string> { ["a"] = null };
        Console.WriteLine($"null value: {nullValues.ContainsKey("a")} {nullValues["a"] == null}");
        try { nullValues[null] = "x"; }
        catch (ArgumentNullException) { Console.WriteLine("null key: ArgumentNullException"); }
        return 0;
    }
}
