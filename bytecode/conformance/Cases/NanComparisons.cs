// NaN compares false with everything (including itself) except !=; negated comparisons are true.
static class NanComparisons
{
    public static int Run()
    {
        double nan = double.NaN, one = 1.0;
        float fnan = float.NaN, fone = 1f;
        Console.WriteLine($"nan == nan: {nan == nan}, nan != nan: {nan != nan}");
        Console.WriteLine($"nan < 1: {nan < one}, nan <= 1: {nan <= one}, nan > 1: {nan > one}, nan >= 1: {nan >= one}");
        Console.WriteLine($"1 < nan: {one < nan}, 1 <= nan: {one <= nan}, 1 > nan: {one > nan}, 1 >= nan: {one >= nan}");
        Console.WriteLine($"!(nan < 1): {!(nan < one)}, !(nan >= 1): {!(nan >= one)}, !(1 > nan): {!(one > nan)}, !(nan == nan): {!(nan == nan)}");
        Console.WriteLine($"float: {fnan == fnan} {fnan != fnan} {fnan < fone} {fnan > fone} {!(fnan <= fone)}");
        Console.WriteLine($"nan.Equals(nan): {nan.Equals(nan)}, CompareTo: {nan.CompareTo(nan)}, {nan.CompareTo(one)}, {one.CompareTo(nan)}");
        Console.WriteLine($"IsNaN: {double.IsNaN(nan)} {double.IsNaN(one)} {float.IsNaN(fnan)}");
        Console.WriteLine($"Math.Max(nan, 1): {Math.Max(nan, one)}, Math.Min(1, nan): {Math.Min(one, nan)}");
        Console.WriteLine($"nan as branch: {(nan < one ? "taken" : "not taken")}, {(nan >= one ? "taken" : "not taken")}");
        int count = 0;
        for (double x = nan; x < 10; x++) count++;
        Console.WriteLine($"loop with NaN bound runs {count} times");
        // The branch forms the compiler emits: blt.un / bge.un and friends.
        double[] values = { -1, 0, 1, nan, double.PositiveInfinity, double.NegativeInfinity };
        foreach (var a in values)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var b in values)
            {
                sb.Append(a < b ? '<' : '.');
                sb.Append(a <= b ? 'l' : '.');
                sb.Append(a > b ? '>' : '.');
                sb.Append(a >= b ? 'g' : '.');
                sb.Append(a == b ? '=' : '.');
                sb.Append(a != b ? '!' : '.');
                sb.Append(' ');
            }
            Console.WriteLine($"{a,5}: {sb}");
        }
        var sorted = new[] { 3.0, nan, -1.0, double.NegativeInfinity, 0.0, nan };
        Array.Sort(sorted);
        Console.WriteLine("sorted with NaN: " + string.Join(", ", sorted));
        return 0;
    }
}
