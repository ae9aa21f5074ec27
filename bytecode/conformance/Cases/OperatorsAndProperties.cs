// User-defined operators and conversions, properties (auto, computed, static, init), indexers,
// compound assignment, null-conditional and null-coalescing operators, evaluation order.
static class OperatorsAndProperties
{
    struct Vec
    {
        public double X, Y;
        public Vec(double x, double y) { X = x; Y = y; }
        public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y);
        public static Vec operator -(Vec a) => new(-a.X, -a.Y);
        public static Vec operator *(Vec a, double k) => new(a.X * k, a.Y * k);
        public static bool operator ==(Vec a, Vec b) => a.X == b.X && a.Y == b.Y;
        public static bool operator !=(Vec a, Vec b) => !(a == b);
        public static implicit operator Vec((double, double) t) => new(t.Item1, t.Item2);
        public static explicit operator double(Vec v) => Math.Sqrt(v.X * v.X + v.Y * v.Y);
        public override bool Equals(object o) => o is Vec v && v == this;
        public override int GetHashCode() => 0;
        public override string ToString() => $"({X}, {Y})";
    }

    class Matrix
    {
        readonly int[] _cells = new int[9];
        public int this[int r, int c] { get => _cells[r * 3 + c]; set => _cells[r * 3 + c] = value; }
        public int this[string name] => name == "trace" ? this[0, 0] + this[1, 1] + this[2, 2] : -1;
    }

    class Account
    {
        static int s_count;
        public static int Count => s_count;
        private int _balance;
        public Account() { s_count++; }
        public string Owner { get; init; } = "nobody";
        public int Balance
        {
            get => _balance;
            set
            {
                Console.WriteLine($"  setter {_balance} -> {value}");
                _balance = value < 0 ? 0 : value;
            }
        }
        public bool Rich => Balance > 100;
        public Account Partner { get; set; }
    }

    static int Trace(string label, int v) { Console.Write(label + " "); return v; }

    public static int Run()
    {
        Vec a = (1, 2);
        var b = new Vec(3, 4);
        Console.WriteLine($"ops: {a + b} {-a} {b * 2} {a == (1, 2)} {a != b} length {(double)b}");
        var m = new Matrix();
        for (int i = 0; i < 3; i++) m[i, i] = i + 1;
        m[0, 2] += 5;
        Console.WriteLine($"indexers: {m[0, 2]} {m["trace"]} {m["other"]}");
        var acct = new Account { Owner = "ann" };
        acct.Balance = 50;
        acct.Balance += 100;
        acct.Balance -= 500;
        Console.WriteLine($"properties: {acct.Owner} {acct.Balance} rich {acct.Rich} count {Account.Count}");
        Account nobody = null;
        Console.WriteLine($"null-conditional: {nobody?.Owner ?? "none"} {acct.Partner?.Partner?.Owner ?? "none"} {nobody?.Balance} length {nobody?.Owner?.Length ?? -1}");
        acct.Partner ??= new Account { Owner = "bob" };
        acct.Partner ??= new Account { Owner = "never" };
        Console.WriteLine($"??=: {acct.Partner.Owner} count {Account.Count}");
        Console.Write("evaluation order: ");
        int r = Trace("a", 1) + Trace("b", 2) * Trace("c", 3);
        Console.WriteLine("= " + r);
        Console.Write("args order: ");
        Console.WriteLine(string.Join(",", Trace("x", 1), Trace("y", 2), Trace("z", 3)));
        int i1 = 5;
        int post = i1++ + i1++;
        int pre = ++i1 + ++i1;
        Console.WriteLine($"increments: post {post} pre {pre} i {i1}");
        int[] arr = { 0, 0, 0 };
        int k = 0;
        arr[k++] = k++;
        Console.WriteLine($"arr[k++] = k++: {string.Join(",", arr)} k {k}");
        bool called = false;
        bool Side() { called = true; return true; }
        bool sc = false && Side();
        bool full = false & Side();
        Console.WriteLine($"short-circuit: {sc} called after && {called}; {full}");
        int x = 7;
        x <<= 2; x |= 1; x ^= 0xF; x %= 10; x >>= 1;
        Console.WriteLine($"compound: {x}");
        string s = null;
        s += "a";
        s += null;
        Console.WriteLine($"string += null: {s}");
        Console.WriteLine($"ternary chains: {(x > 2 ? "big" : x > 1 ? "mid" : "small")} conditional ref type: {(x > 0 ? (object)"str" : 1)}");
        return 0;
    }
}
