// Reads the harness's fixed stdin (bytecode/conformance/stdin.txt) line by line until end of input.
static class ReadStdin
{
    public static int Run()
    {
        int count = 0;
        long sum = 0;
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            count++;
            Console.WriteLine($"line {count}: [{line}] length {line.Length} trimmed [{line.Trim()}]");
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (int.TryParse(word, out int n)) sum += n;
        }
        Console.WriteLine($"lines: {count}, sum of integers: {sum}");
        Console.WriteLine($"ReadLine at end: {(Console.ReadLine() == null ? "null" : "not null")}");
        return 0;
    }
}
