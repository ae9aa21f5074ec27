// LINQ aggregation: Count, LongCount, Sum, Min, Max, Average (int/long/double/nullable), Aggregate
// (with seed and result selector), and their behavior on empty sequences.
static class LinqAggregates
{
    public static int Run()
    {
        int[] ints = { 4, -2, 9, 7, 0 };
        double[] doubles = { 1.5, 2.25, -0.75 };
        long[] longs = { long.MaxValue / 2, 1 };
        int?[] nullables = { 1, null, 5 };
        Console.WriteLine($"Count {ints.Count()} Count(pred) {ints.Count(i => i > 0)} LongCount {ints.LongCount()}");
        Console.WriteLine($"Sum {ints.Sum()} {doubles.Sum()} {longs.Sum()} {nullables.Sum()} selector {ints.Sum(i => i * 2)} floats {new[] { 0.1f, 0.2f }.Sum()}");
        Console.WriteLine($"Min {ints.Min()} {doubles.Min()} {nullables.Min()} Max {ints.Max()} {doubles.Max()} {nullables.Max()} strings {new[] { "pear", "apple" }.Min()} {new[] { "pear", "apple" }.Max()}");
        Console.WriteLine($"Average {ints.Average()} {doubles.Average()} {nullables.Average()} {new[] { 1, 2 }.Average()} {longs.Average()}");
        Console.WriteLine($"Min/Max with selector {ints.Min(i => -i)} {ints.Max(i => i % 5)}");
        Console.WriteLine($"Aggregate {ints.Aggregate((a, b) => a * 10 + b)} seed {ints.Aggregate(100, (a, b) => a - b)} result {ints.Aggregate(0, (a, b) => a + b, total => "total=" + total)}");
        Console.WriteLine($"Aggregate strings {new[] { "a", "b", "c" }.Aggregate((a, b) => b + a)}");
        Console.WriteLine($"empty: Count {new int[0].Count()} Sum {new int[0].Sum()} nullable Min {new int?[0].Min() == null} nullable Average {new int?[0].Average() == null} Max of empty strings {new string[0].Max() ?? "null"}");
        try { new int[0].Average(); }
        catch (InvalidOperationException) { Console.WriteLine("Average of empty: InvalidOperationException"); }
        try { new double[0].Min(); }
        catch (InvalidOperationException) { Console.WriteLine("Min of empty: InvalidOperationException"); }
        try { new int[0].Aggregate((a, b) => a + b); }
        catch (InvalidOperationException) { Console.WriteLine("Aggregate of empty: InvalidOperationException"); }
        try { new[] { int.MaxValue, 1 }.Sum(); }
        catch (OverflowException) { Console.WriteLine("Sum overflow: OverflowException"); }
        Console.WriteLine($"NaN in Min/Max: {new[] { 1.0, double.NaN }.Min()} {new[] { 1.0, double.NaN }.Max()}");
        Console.WriteLine($"Range sums: {Enumerable.Range(1, 100).Sum()} {Enumerable.Range(1, 20).Select(i => (long)i).Aggregate(1L, (a, b) => a * b)}");
        Console.WriteLine($"Average precision: {Enumerable.Range(1, 3).Select(i => i / 10.0).Average()}");
        return 0;
    }
}
