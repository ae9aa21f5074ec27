// Lambdas capturing locals, parameters, loop variables (for vs foreach), and closures that outlive their frame.
static class Closures
{
    static Func<int> MakeCounter()
    {
        int count = 0;
        return () => ++count;
    }

    static (Func<int>, Action<int>) MakeCell(int initial)
    {
        int value = initial;
        return (() => value, v => value = v);
    }

    public static int Run()
    {
        var forActions = new List<Func<int>>();
        for (int i = 0; i < 3; i++) forActions.Add(() => i); // one shared i
        Console.WriteLine("for captures: " + string.Join(",", forActions.Select(f => f())));

        var forCopyActions = new List<Func<int>>();
        for (int i = 0; i < 3; i++) { int copy = i; forCopyActions.Add(() => copy); }
        Console.WriteLine("for with copy: " + string.Join(",", forCopyActions.Select(f => f())));

        var foreachActions = new List<Func<int>>();
        foreach (var x in new[] { 10, 20, 30 }) foreachActions.Add(() => x); // fresh x each iteration
        Console.WriteLine("foreach captures: " + string.Join(",", foreachActions.Select(f => f())));

        var c1 = MakeCounter();
        var c2 = MakeCounter();
        c1(); c1();
        Console.WriteLine($"counters: c1={c1()} c2={c2()}");

        var (get, set) = MakeCell(5);
        set(get() * 2);
        Console.WriteLine("cell: " + get());

        int outer = 1;
        Func<int, Func<int, int>> curried = a => b => a + b + outer;
        var add5 = curried(5);
        outer = 100;
        Console.WriteLine("curried sees later write: " + add5(1));

        // Nested scopes: each loop iteration gets its own inner variable, the outer is shared.
        var nested = new List<Func<string>>();
        int shared = 0;
        for (int i = 0; i < 2; i++)
        {
            int perIteration = i * 10;
            for (int j = 0; j < 2; j++)
            {
                int inner = j;
                nested.Add(() => $"{perIteration}+{inner}+{shared}");
            }
        }
        shared = 7;
        Console.WriteLine("nested: " + string.Join(" ", nested.Select(f => f())));

        // A lambda capturing 'this' of a struct copies it (captures a copy).
        var s = new Accumulator();
        var addToCopy = s.Adder();
        addToCopy(5);
        Console.WriteLine("struct this captured by copy: original " + s.Sum);

        // Static lambda and a recursive local function.
        Func<int, int> square = static x => x * x;
        int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        Console.WriteLine($"static lambda {square(9)}, local function fib(15) {Fib(15)}");
        int captured = 3;
        int AddCaptured(int v) => v + captured;
        captured = 4;
        Console.WriteLine("local function capture: " + AddCaptured(1));
        return 0;
    }

    struct Accumulator
    {
        public int Sum;
        public Action<int> Adder() { var copy = this; return v => copy.Sum += v; }
    }
}
