// ValueType.Equals/GetHashCode defaults: bitwise for plain structs, field by field (Equals) for structs with
// references, floats, padding or fields with their own Equals; nullable and enum fields; structs as hash keys.
static class ValueTypeEquality
{
    struct Point { public int X, Y; public Point(int x, int y) { X = x; Y = y; } }
    struct Line { public Point A, B; public int[] Tags; }
    struct WithStr { public string S; public int N; }
    struct WithDouble { public double D; public int N; }
    struct Padded { public byte B; public int N; }
    struct Custom { public int V; public override bool Equals(object o) => o is Custom c && c.V % 10 == V % 10; public override int GetHashCode() => V % 10; }
    struct HasCustom { public Custom C; public int N; }
    struct Nested { public WithStr W; public long L; }
    enum Color { Red, Green }
    struct WithNullable { public int? N; public Color C; }

    static double Zero = 0.0;
    static void L(params object[] parts) { foreach (var p in parts) Console.Write(p == null ? "" : p.ToString()); Console.WriteLine(); }
    public static int Run()
    {
        Point d = default;
        L(d.Equals(new Point()), " ", new Point(1, 2).Equals(new Point(1, 2)), " ", new Point(1, 2).Equals(new Point(2, 1)), " ", new Point(1, 2).Equals((object)5), " ", new Point(1,2).Equals(null));
        var tags = new[] { 1, 2 };
        var line = new Line { A = new Point(1, 1), B = new Point(2, 2), Tags = tags };
        var line2 = line; line2.A.X = 50;
        L(line.Equals(line2), " ", line.Equals(line), " ", line.Equals(new Line { A = new Point(1, 1), B = new Point(2, 2), Tags = new[] { 1, 2 } }));
        L(new WithStr { S = "a" + "b", N = 1 }.Equals(new WithStr { S = string.Concat("a", "b"), N = 1 }), " ", new WithStr { S = null, N = 1 }.Equals(new WithStr { S = null, N = 1 }), " ", new WithStr { S = null }.Equals(new WithStr { S = "x" }));
        L(new WithDouble { D = 0.0 }.Equals(new WithDouble { D = -0.0 }), " ", new WithDouble { D = Zero / Zero }.Equals(new WithDouble { D = Zero / Zero }));
        L(new Padded { B = 1, N = 2 }.Equals(new Padded { B = 1, N = 2 }), " ", new Padded { B = 1, N = 2 }.Equals(new Padded { B = 1, N = 3 }));
        L(new HasCustom { C = new Custom { V = 1 }, N = 1 }.Equals(new HasCustom { C = new Custom { V = 11 }, N = 1 }));
        L(new Nested { W = new WithStr { S = "q" }, L = 3 }.Equals(new Nested { W = new WithStr { S = "q" }, L = 3 }), " ", new Nested { W = new WithStr { S = "q" }, L = 3 }.Equals(new Nested { W = new WithStr { S = "r" }, L = 3 }));
        L(new WithNullable { N = 3, C = Color.Green }.Equals(new WithNullable { N = 3, C = Color.Green }), " ", new WithNullable { N = null }.Equals(new WithNullable { N = 0 }), " ", Color.Red.Equals(Color.Red), " ", Color.Red.Equals(Color.Green));
        L(new Point(1, 2).GetHashCode() == new Point(1, 2).GetHashCode(), " ", new WithStr { S = "k", N = 1 }.GetHashCode() == new WithStr { S = "k", N = 2 }.GetHashCode(), " ", new WithStr { N = 1 }.GetHashCode() == new WithStr { N = 1 }.GetHashCode());
        var set = new HashSet<Point> { new Point(1, 2), new Point(1, 2), new Point(3, 4) };
        var dict = new Dictionary<WithStr, int>(); dict[new WithStr { S = "a", N = 1 }] = 1; dict[new WithStr { S = "a", N = 1 }] = 2;
        L(set.Count, " ", dict.Count, " ", dict[new WithStr { S = "a", N = 1 }], " ", set.Contains(new Point(3, 4)));
        return 0;
    }
}
