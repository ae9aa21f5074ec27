using System;

// The sieve of Eratosthenes: arrays, loops and integer arithmetic.
class Program
{
    static int Main(string[] args)
    {
        int limit = 100000;
        bool[] composite = new bool[limit + 1];
        int count = 0;
        long sum = 0;
        for (int i = 2; i <= limit; i++)
        {
            if (composite[i]) continue;
            count++;
            sum += i;
            for (long j = (long)i * i; j <= limit; j += i) composite[j] = true;
        }
        Console.WriteLine("primes below " + limit + ": " + count);
        Console.WriteLine("their sum: " + sum);
        Console.Write("the first ten:");
        for (int i = 2, shown = 0; shown < 10; i++)
            if (!composite[i]) { Console.Write(" " + i); shown++; }
        Console.WriteLine();
        return 0;
    }
}
