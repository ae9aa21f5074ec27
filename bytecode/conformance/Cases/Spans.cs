// Span<T>, ReadOnlySpan<T>, stackalloc into a span, slicing, span over arrays and strings, MemoryExtensions.
static class Spans
{
    static int Sum(ReadOnlySpan<int> values)
    {
        int s = 0;
        foreach (var v in values) s += v;
        return s;
    }

    static void Fill(Span<int> span, int start)
    {
        for (int i = 0; i < span.Length; i++) span[i] = start + i;
    }

    public static int Run()
    {
        Span<int> stack = stackalloc int[8];
        Fill(stack, 10);
        Console.WriteLine("stackalloc: " + Sum(stack) + " first " + stack[0] + " last " + stack[^1]);
        var slice = stack.Slice(2, 3);
        slice[0] = -1;
        Console.WriteLine("slice writes through: " + stack[2] + ", slice length " + slice.Length);
        Console.WriteLine("range slice: " + Sum(stack[5..]));

        int[] arr = { 5, 4, 3, 2, 1 };
        Span<int> overArray = arr;
        overArray[1..3].Fill(0);
        Console.WriteLine("span over array: " + string.Join(",", arr));
        overArray.Sort();
        Console.WriteLine("sorted via span: " + string.Join(",", arr));
        overArray.Reverse();
        Console.WriteLine("reversed via span: " + string.Join(",", arr));
        Console.WriteLine("IndexOf: " + overArray.IndexOf(3) + " Contains: " + overArray.Contains(7));

        ReadOnlySpan<char> text = "hello, span world";
        var word = text.Slice(7, 4);
        Console.WriteLine("string span: " + word.ToString() + " length " + word.Length);
        Console.WriteLine("IndexOf char: " + text.IndexOf(',') + ", StartsWith: " + text.StartsWith("hello") + ", trimmed: [" + "  x  ".AsSpan().Trim().ToString() + "]");
        Console.WriteLine("SequenceEqual: " + "abc".AsSpan().SequenceEqual("abc") + " " + text.SequenceEqual("abc"));

        Span<byte> bytes = stackalloc byte[4];
        bytes.Clear();
        bytes[3] = 0xFF;
        Console.WriteLine("bytes: " + string.Join(" ", bytes.ToArray()));
        Span<char> chars = stackalloc char[5];
        "abcde".AsSpan().CopyTo(chars);
        chars[0] = 'X';
        Console.WriteLine("chars: " + new string(chars));
        Console.WriteLine("TryCopyTo too small: " + "abcdef".AsSpan().TryCopyTo(chars));
        Span<int> empty = Span<int>.Empty;
        Console.WriteLine("empty: " + empty.IsEmpty + " " + empty.Length);
        var ros = new ReadOnlySpan<int>(arr, 1, 2);
        Console.WriteLine("ctor slice: " + ros[0] + "," + ros[1]);
        int parsed = int.Parse("x123x".AsSpan(1, 3));
        Console.WriteLine("parse span: " + parsed);
        Span<int> numbers = stackalloc[] { 3, 1, 2 };
        Console.WriteLine("stackalloc initializer: " + numbers[0] + numbers[1] + numbers[2]);
        return 0;
    }
}
