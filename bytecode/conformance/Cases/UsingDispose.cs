// using statements and declarations: Dispose order (reverse of acquisition), Dispose on exception,
// null resources, struct disposables, and a pattern-based ref struct Dispose.
static class UsingDispose
{
    class Resource : IDisposable
    {
        readonly string _name;
        public Resource(string name) { _name = name; Console.WriteLine("  open " + name); }
        public void Use() => Console.WriteLine("  use " + _name);
        public void Dispose() => Console.WriteLine("  dispose " + _name);
    }

    struct StructResource : IDisposable
    {
        public int Uses;
        public void Dispose() => Console.WriteLine("  dispose struct, uses " + Uses);
    }

    ref struct RefResource
    {
        public void Dispose() => Console.WriteLine("  dispose ref struct");
    }

    static void Declarations()
    {
        using var a = new Resource("decl-a");
        using var b = new Resource("decl-b");
        a.Use();
        b.Use();
        Console.WriteLine("  end of method body");
    }

    static int ReturnInsideUsing()
    {
        using (new Resource("ret"))
        {
            return 42;
        }
    }

    public static int Run()
    {
        Console.WriteLine("nested:");
        using (var outer = new Resource("outer"))
        using (var inner = new Resource("inner"))
        {
            outer.Use();
            inner.Use();
        }
        Console.WriteLine("declarations:");
        Declarations();
        Console.WriteLine("exception:");
        try
        {
            using (var r = new Resource("throwing"))
            {
                r.Use();
                throw new InvalidOperationException("boom");
            }
        }
        catch (InvalidOperationException e) { Console.WriteLine("  caught " + e.Message); }
        Console.WriteLine("null resource:");
        using (Resource none = null) Console.WriteLine("  body with null resource");
        Console.WriteLine("return:");
        Console.WriteLine("  returned " + ReturnInsideUsing());
        Console.WriteLine("struct:");
        using (var s = new StructResource()) { }
        var sr = new StructResource { Uses = 3 };
        using (sr) { sr.Uses = 99; } // the using operates on a copy taken at the start
        Console.WriteLine("ref struct:");
        using (var rr = new RefResource()) Console.WriteLine("  in ref struct using");
        Console.WriteLine("multiple in one statement:");
        using (Resource x = new Resource("x"), y = new Resource("y")) Console.WriteLine("  body");
        return 0;
    }
}
