// ref/out/in parameters, ref locals and ref returns (into arrays, fields and structs), ref readonly.
static class RefParameters
{
    struct Big { public long A, B, C; public override string ToString() => $"{A}/{B}/{C}"; }

    class Holder { public int Field = 1; public Big Struct; }

    static void Increment(ref int x) => x++;
    static bool TryHalve(int x, out int half) { half = x / 2; return x % 2 == 0; }
    static long Sum(in Big b) => b.A + b.B + b.C;
    static ref int Largest(int[] arr)
    {
        int best = 0;
        for (int i = 1; i < arr.Length; i++) if (arr[i] > arr[best]) best = i;
        return ref arr[best];
    }
    static ref int Choose(bool first, ref int a, ref int b) => ref first ? ref a : ref b;
    static void Reassign(ref string s) => s = s + "!";
    static void OutStruct(out Big b) { b = new Big { A = 7 }; b.B = 8; }
    static void ByRefArrayElement(ref Big b) { b.C = 99; }

    public static int Run()
    {
        int n = 5;
        Increment(ref n);
        Increment(ref n);
        Console.WriteLine("incremented: " + n);
        Console.WriteLine($"TryHalve(10): {TryHalve(10, out var h1)} {h1}; TryHalve(7): {TryHalve(7, out int h2)} {h2}");
        TryHalve(4, out _);
        var big = new Big { A = 1, B = 2, C = 3 };
        Console.WriteLine("in: " + Sum(in big) + " " + Sum(big) + " " + Sum(new Big { A = 10 }));

        var arr = new[] { 3, 9, 4 };
        ref int largest = ref Largest(arr);
        largest = 0;
        Console.WriteLine("ref return into array: " + string.Join(",", arr));
        Largest(arr) *= 10;
        Console.WriteLine("assign through ref call: " + string.Join(",", arr));

        int p = 1, q = 2;
        Choose(false, ref p, ref q) = 50;
        ref int alias = ref p;
        alias = 60;
        Console.WriteLine($"ref local/choose: p={p} q={q}");
        alias = ref q; // ref reassignment
        alias++;
        Console.WriteLine($"after ref reassignment: p={p} q={q}");

        var holder = new Holder();
        Increment(ref holder.Field);
        ref Big inField = ref holder.Struct;
        inField.A = 11;
        Console.WriteLine($"ref to field: {holder.Field} {holder.Struct}");

        string s = "hi";
        Reassign(ref s);
        Console.WriteLine("ref string: " + s);
        OutStruct(out var ob);
        Console.WriteLine("out struct: " + ob);
        var bigs = new Big[2];
        ByRefArrayElement(ref bigs[1]);
        Console.WriteLine("ref array element: " + bigs[0] + " " + bigs[1]);
        ref readonly Big ro = ref bigs[1];
        Console.WriteLine("ref readonly: " + ro.C);
        var dict = new Dictionary<string, int>();
        Console.WriteLine($"out with TryGetValue: {dict.TryGetValue("k", out int missing)} {missing}");
        int[,] grid = new int[2, 2];
        Increment(ref grid[1, 1]);
        Console.WriteLine("ref into 2D array: " + grid[1, 1]);
        return 0;
    }
}
