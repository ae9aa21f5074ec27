// Generic types and methods over value and reference types: constraints, new T(), default(T),
// static fields per instantiation, generic interfaces, nested generics.
static class Generics
{
    class Box<T>
    {
        public static int Created;
        public T Value;
        public Box(T value) { Value = value; Created++; }
        public TResult Map<TResult>(Func<T, TResult> f) => f(Value);
        public override string ToString() => $"Box<{typeof(T).Name}>({(Value == null ? "null" : Value.ToString())})";
    }

    struct Pair<TA, TB>
    {
        public TA First;
        public TB Second;
        public Pair(TA a, TB b) { First = a; Second = b; }
        public Pair<TB, TA> Swap() => new Pair<TB, TA>(Second, First);
        public override string ToString() => $"<{First}, {Second}>";
    }

    class Counter
    {
        static int s_next;
        public int Id = ++s_next;
        public override string ToString() => "Counter#" + Id;
    }

    static T Create<T>() where T : new() => new T();

    static T Largest<T>(T[] items) where T : IComparable<T>
    {
        T best = items[0];
        foreach (var item in items)
            if (item.CompareTo(best) > 0) best = item;
        return best;
    }

    static string DefaultOf<T>() => default(T) == null ? "null" : default(T).ToString();

    static bool IsNull<T>(T value) => value == null;

    static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }

    class Node<T> where T : class
    {
        public T Item;
        public Node<T> Next;
    }

    interface IShape { double Area(); }
    class Square : IShape { public double Side; public double Area() => Side * Side; }
    static double TotalArea<T>(IEnumerable<T> shapes) where T : IShape
    {
        double total = 0;
        foreach (var s in shapes) total += s.Area();
        return total;
    }

    public static int Run()
    {
        var bi = new Box<int>(5);
        var bs = new Box<string>("hi");
        var bi2 = new Box<int>(6);
        var bn = new Box<string>(null);
        Console.WriteLine($"{bi} {bs} {bi2} {bn}");
        Console.WriteLine($"created: int {Box<int>.Created}, string {Box<string>.Created}, double {Box<double>.Created}");
        Console.WriteLine(bi.Map(x => x * 1.5) + " " + bs.Map(s => s.Length) + " " + bs.Map(s => new Box<char>(s[0])));

        var p = new Pair<int, string>(1, "one");
        Console.WriteLine($"{p} swapped {p.Swap()}");
        var nested = new Pair<Pair<int, int>, List<string>>(new Pair<int, int>(1, 2), new List<string> { "a" });
        Console.WriteLine($"nested first {nested.First}, second count {nested.Second.Count}");

        Console.WriteLine($"Create<Counter>: {Create<Counter>()}, {Create<Counter>()}");
        Console.WriteLine($"Create<int>: {Create<int>()}, Create<Pair<int,int>>: {Create<Pair<int, int>>()}");
        Console.WriteLine($"Largest ints: {Largest(new[] { 3, 9, 2 })}, strings: {Largest(new[] { "pear", "apple", "zoo" })}, doubles: {Largest(new[] { -1.5, -0.5 })}");
        Console.WriteLine($"default: int {DefaultOf<int>()}, string {DefaultOf<string>()}, bool {DefaultOf<bool>()}, int? {DefaultOf<int?>()}, char code {(int)default(char)}");
        Console.WriteLine($"IsNull: {IsNull(0)} {IsNull<string>(null)} {IsNull<int?>(null)} {IsNull<int?>(1)}");

        int x = 1, y = 2;
        Swap(ref x, ref y);
        string sx = "a", sy = "b";
        Swap(ref sx, ref sy);
        Console.WriteLine($"swapped: {x} {y} {sx} {sy}");

        var head = new Node<string> { Item = "a", Next = new Node<string> { Item = "b" } };
        Console.WriteLine($"linked: {head.Item}{head.Next.Item} next-next null: {head.Next.Next == null}");

        Console.WriteLine($"total area: {TotalArea(new List<Square> { new Square { Side = 2 }, new Square { Side = 3 } })}");
        Console.WriteLine($"typeof names: {typeof(Box<int>).Name} {typeof(Pair<int, string>).Name} {typeof(Dictionary<,>).Name} generic def: {typeof(List<int>).IsGenericType}");
        return 0;
    }
}
