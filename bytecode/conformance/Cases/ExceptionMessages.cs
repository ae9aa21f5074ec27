// The messages of runtime-raised exceptions, which programs print and tests compare.
static class ExceptionMessages
{
    static void Show(string what, Action a)
    {
        try { a(); Console.WriteLine(what + ": no exception"); }
        catch (Exception e) { Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message); }
    }

    class A { public int F; }
    class B { }

    public static int Run()
    {
        A nothing = null;
        int[] arr = new int[2];
        object b = new B();
        object s = "s";
        object[] objs = new string[1];
        int zero = 0;
        long lzero = 0;
        Show("null field", () => nothing.F = 1);
        Show("bounds", () => arr[2] = 0);
        Show("cast", () => _ = (A)b);
        Show("unbox", () => _ = (int)s);
        Show("covariance", () => objs[0] = 1);
        Show("divide", () => _ = 5 / zero);
        Show("divide long", () => _ = 5L / lzero);
        Show("overflow", () => _ = checked(int.MinValue - (zero + 1)));
        Show("overflow conv", () => _ = checked((byte)(zero + 300)));
        Show("min/-1", () => _ = int.MinValue / (zero - 1));
        Show("negative size", () => _ = new int[zero - 5]);
        Show("null unbox", () => _ = (int)(object)null);
        Show("format", () => _ = int.Parse("abc"));
        Show("overflow parse", () => _ = int.Parse("99999999999"));
        Show("null arg", () => _ = int.Parse(null));
        Show("key", () => _ = new Dictionary<string, int>()["missing"]);
        Show("nullable", () => _ = ((int?)null).Value);
        Show("empty sequence", () => new List<int>().Max());
        Show("single", () => new[] { 1, 2 }.Single());
        return 0;
    }
}
