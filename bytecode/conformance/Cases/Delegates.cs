// Delegates: static and instance targets, multicast invocation order and return value, removal,
// events, Func/Action/Predicate/Comparison, delegates over generic methods.
static class Delegates
{
    delegate int BinaryOp(int a, int b);
    delegate void Notify(string message);

    class Counter
    {
        public int Total;
        public int Add(int a, int b) { Total += a + b; return Total; }
        public event EventHandler<int> Changed;
        public event Notify Announce;
        public void Set(int v) { Total = v; Changed?.Invoke(this, v); Announce?.Invoke("set " + v); }
    }

    static int Mul(int a, int b) => a * b;
    static int Sub(int a, int b) => a - b;
    static void Say(string m) => Console.WriteLine("  Say: " + m);
    static void Shout(string m) => Console.WriteLine("  Shout: " + m.ToUpperInvariant());
    static T Twice<T>(Func<T, T> f, T x) => f(f(x));

    public static int Run()
    {
        BinaryOp op = Mul;
        Console.WriteLine("Mul: " + op(6, 7));
        op += Sub;
        Console.WriteLine("multicast returns last: " + op(6, 7));
        Console.WriteLine("invocation list: " + op.GetInvocationList().Length);
        op -= Mul;
        Console.WriteLine("after removing Mul: " + op(6, 7));
        op -= Sub;
        Console.WriteLine("after removing all, null: " + (op == null));

        var c = new Counter();
        BinaryOp inst = c.Add;
        inst(1, 2);
        inst(3, 4);
        Console.WriteLine("instance delegate total: " + c.Total + ", target is counter: " + ReferenceEquals(inst.Target, c));

        Notify n = Say;
        n += Shout;
        n += Say;
        Console.WriteLine("multicast order:");
        n("hello");
        n -= Say; // removes the last occurrence
        Console.WriteLine("after removing one Say:");
        n("again");

        Console.WriteLine("events:");
        c.Changed += (sender, v) => Console.WriteLine("  Changed to " + v + " by " + sender.GetType().Name);
        c.Announce += Say;
        c.Set(5);
        c.Announce -= Say;
        c.Set(6);

        Func<int, int, int> add = (a, b) => a + b;
        Func<string> hello = () => "hello";
        Action<string> print = s => Console.WriteLine("  Action: " + s);
        Predicate<int> isEven = x => x % 2 == 0;
        Comparison<string> byLength = (a, b) => a.Length.CompareTo(b.Length);
        Console.WriteLine("Func: " + add(2, 3) + " " + hello());
        print("printed");
        Console.WriteLine("Predicate: " + isEven(4) + " " + isEven(5));
        var words = new List<string> { "ccc", "a", "bb" };
        words.Sort(byLength);
        Console.WriteLine("Comparison sort: " + string.Join(",", words));
        Console.WriteLine("FindAll: " + string.Join(",", new List<int> { 1, 2, 3, 4, 5, 6 }.FindAll(isEven)));
        Console.WriteLine("generic Twice: " + Twice(x => x * 3, 2) + " " + Twice(s => s + "!", "hey"));
        Func<int, int> compose = x => x + 1;
        Func<int, int> composed = x => compose(compose(x)) * 10;
        Console.WriteLine("composed: " + composed(1));
        Func<int, string> method = Convert.ToString;
        Console.WriteLine("method group of BCL: " + method(255));
        Delegate untyped = add;
        Console.WriteLine("delegate type name: " + untyped.GetType().Name + ", equality: " + add.Equals(add) + " " + ((Func<int, int, int>)add == add));
        return 0;
    }
}
