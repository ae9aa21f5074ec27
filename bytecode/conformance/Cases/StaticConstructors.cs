// Static initialization: a class with an explicit static constructor runs it exactly at first
// access (precise); a beforefieldinit class (field initializers only) may run it any time before
// the first static field access, so only that guarantee is printed.
static class StaticConstructors
{
    static readonly List<string> Log = new();

    class Precise
    {
        public static int Value = Init("Precise.Value initializer");
        static Precise() { Log.Add("Precise cctor body"); }
        public static void Touch() { Log.Add("Precise.Touch"); }
    }

    class Relaxed
    {
        public static int Value = Init("Relaxed.Value initializer");
    }

    class WithInstance
    {
        static WithInstance() { Log.Add("WithInstance cctor"); }
        public WithInstance() { Log.Add("WithInstance ctor"); }
    }

    class Base
    {
        static Base() { Log.Add("Base cctor"); }
        public static int BaseValue = 1;
    }

    class Derived : Base
    {
        static Derived() { Log.Add("Derived cctor"); }
        public static int DerivedValue = 2;
    }

    class Generic<T>
    {
        static Generic() { Log.Add("Generic<" + typeof(T).Name + "> cctor"); }
        public static int Count;
    }

    class Throwing
    {
        static Throwing() { Log.Add("Throwing cctor"); throw new InvalidOperationException("cctor failed"); }
        public static int Value = 5;
    }

    static int Init(string what)
    {
        Log.Add(what);
        return 42;
    }

    static void Flush()
    {
        foreach (var line in Log) Console.WriteLine("  " + line);
        Log.Clear();
    }

    public static int Run()
    {
        Log.Add("start");
        Log.Add("read Precise.Value = " + Precise.Value);
        Precise.Touch();
        Log.Add("read again " + Precise.Value);
        Flush();

        int relaxed = Relaxed.Value;
        bool ran = Log.Contains("Relaxed.Value initializer");
        Log.Clear();
        Console.WriteLine($"Relaxed initializer ran before first read: {ran}, value {relaxed}");

        Log.Add("before new WithInstance");
        new WithInstance();
        new WithInstance();
        Flush();

        Log.Add("read Derived.DerivedValue");
        Log.Add("value " + Derived.DerivedValue);
        Log.Add("read Base.BaseValue");
        Log.Add("value " + Base.BaseValue);
        Flush();

        Generic<int>.Count++;
        Generic<string>.Count++;
        Generic<int>.Count++;
        Log.Add($"Generic<int>.Count={Generic<int>.Count} Generic<string>.Count={Generic<string>.Count}");
        Flush();

        for (int i = 0; i < 2; i++)
        {
            try { Console.WriteLine(Throwing.Value); }
            catch (TypeInitializationException e)
            {
                Log.Add($"attempt {i}: {e.GetType().Name} inner {e.InnerException.GetType().Name}: {e.InnerException.Message}");
            }
        }
        Flush();
        return 0;
    }
}
