using System;
class Program
{
    static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
    static int Main(string[] args)
    {
        Console.WriteLine("Hello from RuntimeLab!");
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += i * i;
        Console.WriteLine(sum);
        Console.WriteLine(Fib(20));
        Console.WriteLine(args.Length);
        object o = 42;
        Console.WriteLine(o);
        try { int z = 0; Console.WriteLine(10 / z); }
        catch (DivideByZeroException e) { Console.WriteLine("caught " + e.Message); }
        finally { Console.WriteLine("finally"); }
        return 3;
    }
}
