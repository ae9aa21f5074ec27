// Boxing: each box is a new object; unboxing checks the exact type; Nullable<T> boxes to T or null.
static class Boxing
{
    enum Color { Red, Green, Blue }

    public static int Run()
    {
        int i = 42;
        object a = i, b = i;
        Console.WriteLine($"two boxes are distinct: {!ReferenceEquals(a, b)}, Equals: {a.Equals(b)}, == : {a == b}");
        object c = a;
        Console.WriteLine($"same box: {ReferenceEquals(a, c)}");
        Console.WriteLine($"box type: {a.GetType().Name}, is int: {a is int}, is long: {a is long}");
        try { long l = (long)a; Console.WriteLine(l); }
        catch (InvalidCastException) { Console.WriteLine("unbox int as long: InvalidCastException"); }
        Console.WriteLine($"unbox then convert: {(long)(int)a}");

        int? some = 5, none = null;
        object boxedSome = some, boxedNone = none;
        Console.WriteLine($"boxed Nullable with value: {boxedSome} type {boxedSome.GetType().Name}");
        Console.WriteLine($"boxed null Nullable is null: {boxedNone == null}");
        int? back = (int?)boxedSome;
        int? backNone = (int?)boxedNone;
        Console.WriteLine($"unbox to Nullable: {back} HasValue {back.HasValue}, none HasValue {backNone.HasValue}");
        object plainInt = 7;
        int? fromPlain = (int?)plainInt;
        Console.WriteLine($"unbox int box to int?: {fromPlain}");
        Console.WriteLine($"none.GetValueOrDefault(): {none.GetValueOrDefault()}, (9): {none.GetValueOrDefault(9)}, ?? : {none ?? -1}");
        Console.WriteLine($"some + 1 = {some + 1}, none + 1 is null: {(none + 1) == null}, none < 1: {none < 1}, none == null: {none == null}");
        try { int v = none.Value; Console.WriteLine(v); }
        catch (InvalidOperationException) { Console.WriteLine("none.Value: InvalidOperationException"); }
        try { int v = (int)boxedNone; Console.WriteLine(v); }
        catch (NullReferenceException) { Console.WriteLine("unbox null to int: NullReferenceException"); }

        object e = Color.Green;
        Console.WriteLine($"enum box: {e}, is Color: {e is Color}, unbox as int: {(int)(Color)e}");
        try { int v = (int)e; Console.WriteLine($"unbox enum box as int: {v}"); }
        catch (InvalidCastException) { Console.WriteLine("unbox enum box as int: InvalidCastException"); }

        IComparable comparable = 10;
        Console.WriteLine($"interface on box: {comparable.CompareTo(5)}");
        object dbl = 1.5;
        Console.WriteLine($"double box: {dbl}, bool box: {(object)true}, char box: {(object)'x'}");
        var list = new List<object> { 1, 2L, 3.0, 4f, 'c', "s", null, (byte)6 };
        foreach (var o in list) Console.Write((o == null ? "null" : o.GetType().Name) + " ");
        Console.WriteLine();
        return 0;
    }
}
