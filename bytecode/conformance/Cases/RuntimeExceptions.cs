// Exceptions the runtime itself raises: null dereference, array bounds, bad casts, array covariance,
// division by zero, checked overflow. Only the types are printed (messages: exception-messages).
static class RuntimeExceptions
{
    class Animal { public virtual string Name => "animal"; public int Legs; }
    class Dog : Animal { public override string Name => "dog"; }
    class Cat : Animal { }

    static string Try(Action a)
    {
        try { a(); return "no exception"; }
        catch (Exception e) { return e.GetType().FullName; }
    }

    public static int Run()
    {
        Animal nobody = null;
        string nullString = null;
        int[] nullArray = null;
        int[] arr = new int[3];
        object str = "text";
        object animal = new Cat();
        Animal[] animals = new Dog[2];
        object[] objects = new string[2];
        int zero = 0;

        Console.WriteLine("field of null: " + Try(() => nobody.Legs = 1));
        Console.WriteLine("virtual call on null: " + Try(() => _ = nobody.Name));
        Console.WriteLine("string method on null: " + Try(() => _ = nullString.Length));
        Console.WriteLine("null array length: " + Try(() => _ = nullArray.Length));
        Console.WriteLine("null array element: " + Try(() => _ = nullArray[0]));
        Console.WriteLine("index 3 of 3: " + Try(() => arr[3] = 1));
        Console.WriteLine("index -1: " + Try(() => _ = arr[-1]));
        Console.WriteLine("string index: " + Try(() => _ = "abc"[5]));
        Console.WriteLine("list index: " + Try(() => _ = new List<int>()[0]));
        Console.WriteLine("cast string to Animal: " + Try(() => _ = (Animal)str));
        Console.WriteLine("cast Cat to Dog: " + Try(() => _ = (Dog)animal));
        Console.WriteLine("unbox string as int: " + Try(() => _ = (int)str));
        Console.WriteLine("as gives null: " + ((animal as Dog) == null));
        Console.WriteLine("store Cat into Dog[] seen as Animal[]: " + Try(() => animals[0] = new Cat()));
        Console.WriteLine("store Dog into Dog[] seen as Animal[]: " + Try(() => animals[1] = new Dog()));
        Console.WriteLine("store null into covariant array: " + Try(() => animals[0] = null));
        Console.WriteLine("store int into string[] seen as object[]: " + Try(() => objects[0] = 1));
        Console.WriteLine("store string into string[] seen as object[]: " + Try(() => objects[0] = "ok"));
        Console.WriteLine("covariant array read: " + (objects[0] ?? "null"));
        Console.WriteLine("int / 0: " + Try(() => _ = 1 / zero));
        Console.WriteLine("checked overflow: " + Try(() => _ = checked(int.MaxValue + (zero + 1))));
        Console.WriteLine("negative array size: " + Try(() => _ = new int[zero - 1]));
        Console.WriteLine("throw null: " + Try(() => throw null));
        Console.WriteLine("Dictionary missing key: " + Try(() => _ = new Dictionary<int, int>()[5]));
        Console.WriteLine("Dictionary duplicate key: " + Try(() => new Dictionary<int, int> { { 1, 1 }, { 1, 2 } }));
        Console.WriteLine("int.Parse bad: " + Try(() => int.Parse("12x")));
        Console.WriteLine("Substring range: " + Try(() => "abc".Substring(2, 5)));
        Console.WriteLine("empty First: " + Try(() => new int[0].First()));
        Console.WriteLine("modify during foreach: " + Try(() => { var l = new List<int> { 1, 2 }; foreach (var x in l) l.Add(x); }));
        Console.WriteLine("Stack.Pop empty: " + Try(() => new Stack<int>().Pop()));
        Console.WriteLine("array multi-dim bounds: " + Try(() => _ = (new int[2, 2])[1, 2]));
        Console.WriteLine("Array.Copy too long: " + Try(() => Array.Copy(arr, new int[1], 3)));
        Console.WriteLine("span slice: " + Try(() => _ = new Span<int>(arr).Slice(2, 2).Length));
        return 0;
    }
}
