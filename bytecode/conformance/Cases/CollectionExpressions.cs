// Collection expressions: arrays, List<T>, spans, spreads, empty collections, IEnumerable<T> targets.
static class CollectionExpressions
{
    static int Count(IEnumerable<int> items) => items.Count();
    static string Show<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    public static int Run()
    {
        int[] array = [1, 2, 3];
        List<string> list = ["a", "b"];
        Span<int> span = [4, 5, 6];
        ReadOnlySpan<char> chars = ['x', 'y'];
        int[] empty = [];
        int[] spread = [0, .. array, .. span, 7];
        IEnumerable<int> enumerable = [9, 8];
        IReadOnlyList<string> readOnly = ["r"];
        HashSet<int> set = [3, 1, 3];
        Console.WriteLine($"array {Show(array)} list {Show(list)} span {span.Length} chars {chars.ToString()}");
        Console.WriteLine($"empty length {empty.Length}, spread {Show(spread)}");
        Console.WriteLine($"enumerable {Show(enumerable)} count {Count([1, 2, 3, 4])} read-only {Show(readOnly)} set {set.Count}");
        List<int> fromQuery = [.. Enumerable.Range(1, 4).Where(x => x % 2 == 0), .. array];
        Console.WriteLine($"spread of query {Show(fromQuery)}");
        int[][] jagged = [[1], [2, 3], []];
        Console.WriteLine($"jagged {jagged.Length} {jagged[1][1]} {jagged[2].Length}");
        Dictionary<string, int> dict = new() { ["k"] = 1 };
        Console.WriteLine($"dictionary initializer {dict["k"]}");
        return 0;
    }
}
