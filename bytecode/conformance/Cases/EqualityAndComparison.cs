// IEquatable<T>, IComparable<T>, Equals/GetHashCode overrides, EqualityComparer<T>.Default,
// Comparer<T>.Default, custom comparers in collections, == on references vs values.
static class EqualityAndComparison
{
    sealed class Money : IEquatable<Money>, IComparable<Money>, IComparable
    {
        public readonly int Cents;
        public Money(int cents) { Cents = cents; }
        public static int EqualsCalls;
        public bool Equals(Money other) { EqualsCalls++; return other is not null && other.Cents == Cents; }
        public override bool Equals(object obj) => obj is Money m && Equals(m);
        public override int GetHashCode() => Cents.GetHashCode();
        public int CompareTo(Money other) => other is null ? 1 : Cents.CompareTo(other.Cents);
        public int CompareTo(object obj) => CompareTo(obj as Money);
        public override string ToString() => $"${Cents / 100}.{Cents % 100:D2}";
    }

    struct Version : IEquatable<Version>, IComparable<Version>
    {
        public int Major, Minor;
        public bool Equals(Version o) => Major == o.Major && Minor == o.Minor;
        public int CompareTo(Version o) => Major != o.Major ? Major.CompareTo(o.Major) : Minor.CompareTo(o.Minor);
        public override string ToString() => $"{Major}.{Minor}";
    }

    class CaseInsensitive : IEqualityComparer<string>
    {
        public bool Equals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        public int GetHashCode(string s) => s.ToUpperInvariant().Length; // deterministic, deliberately weak
    }

    class Plain { public int V; }

    public static int Run()
    {
        var a = new Money(150);
        var b = new Money(150);
        var c = new Money(99);
        Console.WriteLine($"Equals {a.Equals(b)} == {a == b} ReferenceEquals {ReferenceEquals(a, b)} object.Equals {object.Equals(a, b)} null {a.Equals(null)}");
        Console.WriteLine($"EqualityComparer.Default: {EqualityComparer<Money>.Default.Equals(a, b)} {EqualityComparer<Money>.Default.Equals(a, c)} {EqualityComparer<Money>.Default.Equals(null, null)}");
        Console.WriteLine($"Comparer.Default: {Comparer<Money>.Default.Compare(a, c)} {Comparer<Money>.Default.Compare(c, a)} {Comparer<Money>.Default.Compare(null, a)}");
        Console.WriteLine($"hash codes of ints: {42.GetHashCode()} {a.GetHashCode()} {EqualityComparer<int>.Default.GetHashCode(7)} {true.GetHashCode()} {'A'.GetHashCode()} {(byte)3.GetHashCode()} {(-1L).GetHashCode()}");
        var list = new List<Money> { new Money(500), c, a, new Money(1) };
        list.Sort();
        Console.WriteLine("sorted money: " + string.Join(" ", list));
        Console.WriteLine($"Contains uses Equals: {list.Contains(new Money(500))}, IndexOf {list.IndexOf(new Money(150))}");
        Money.EqualsCalls = 0;
        var set = new HashSet<Money> { a, b, c };
        Console.WriteLine($"HashSet dedups by Equals: count {set.Count}, Equals called {Money.EqualsCalls > 0}");

        var v1 = new Version { Major = 1, Minor = 2 };
        var v2 = new Version { Major = 1, Minor = 10 };
        Console.WriteLine($"struct: Equals {v1.Equals(v2)} CompareTo {v1.CompareTo(v2)} Default {EqualityComparer<Version>.Default.Equals(v1, new Version { Major = 1, Minor = 2 })} Max {new[] { v2, v1 }.Max()}");
        var versions = new List<Version> { v2, v1, new Version { Major = 0, Minor = 9 } };
        versions.Sort();
        Console.WriteLine("sorted versions: " + string.Join(" ", versions));

        var dict = new Dictionary<string, int>(new CaseInsensitive()) { ["Key"] = 1 };
        dict["KEY"] = 2;
        dict["other"] = 3;
        Console.WriteLine($"custom comparer dict: count {dict.Count} key {dict["kEy"]} first key {dict.Keys.First()}");
        var ordinalIgnore = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "A", "a", "B" };
        Console.WriteLine($"StringComparer.OrdinalIgnoreCase set count {ordinalIgnore.Count}, compare {Math.Sign(StringComparer.Ordinal.Compare("a", "B"))} {StringComparer.OrdinalIgnoreCase.Compare("a", "A")}");

        var p1 = new Plain { V = 1 };
        var p2 = new Plain { V = 1 };
        Console.WriteLine($"reference type default equality: {p1.Equals(p2)} {p1.Equals(p1)} {EqualityComparer<Plain>.Default.Equals(p1, p2)}");
        Console.WriteLine($"int CompareTo: {5.CompareTo(3)} {3.CompareTo(5)} {5.CompareTo(5)}, string: {Math.Sign("a".CompareTo("b"))}, double: {1.5.CompareTo(1.5)}, bool: {true.CompareTo(false)}");
        Console.WriteLine($"Comparer<int>.Default: {Comparer<int>.Default.Compare(1, 2)}, Comparer<string>.Default ordinal-ish: {Math.Sign(Comparer<string>.Default.Compare("abc", "abd"))}, null first: {Comparer<string>.Default.Compare(null, "a")}");
        Console.WriteLine($"Nullable compare: {Comparer<int?>.Default.Compare(null, 1)} {EqualityComparer<int?>.Default.Equals(null, null)}");
        var reversed = Comparer<int>.Create((x, y) => y.CompareTo(x));
        var nums = new List<int> { 3, 1, 2 };
        nums.Sort(reversed);
        Console.WriteLine("Comparer.Create: " + string.Join(",", nums));
        return 0;
    }
}
