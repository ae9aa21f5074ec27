// throw/catch, catch order, rethrow (throw; keeps the object), wrapping with InnerException,
// exceptions thrown from finally replacing the in-flight one, custom exception types.
static class ExceptionsBasic
{
    class AppException : Exception
    {
        public int Code { get; }
        public AppException(string message, int code) : base(message) { Code = code; }
        public AppException(string message, Exception inner) : base(message, inner) { Code = -1; }
    }

    class DerivedAppException : AppException
    {
        public DerivedAppException() : base("derived default", 7) { }
        public override string Message => "overridden: " + base.Message;
    }

    static void Fail(int n)
    {
        switch (n)
        {
            case 0: throw new AppException("zero", 100);
            case 1: throw new DerivedAppException();
            case 2: throw new ArgumentOutOfRangeException("n", "two is out of range");
            case 3: throw new ArgumentNullException("param");
            default: throw new Exception("plain " + n);
        }
    }

    public static int Run()
    {
        for (int n = 0; n < 5; n++)
        {
            try { Fail(n); }
            catch (DerivedAppException e) { Console.WriteLine($"{n}: Derived {e.Message} code {e.Code}"); }
            catch (AppException e) { Console.WriteLine($"{n}: App {e.Message} code {e.Code}"); }
            catch (ArgumentException e) { Console.WriteLine($"{n}: {e.GetType().Name} param={e.ParamName} message={e.Message}"); }
            catch (Exception e) { Console.WriteLine($"{n}: {e.GetType().Name} {e.Message}"); }
        }

        // Rethrow keeps the same object; throw e also throws the same object.
        Exception first = null;
        try
        {
            try { Fail(0); }
            catch (Exception e) { first = e; throw; }
        }
        catch (Exception e) { Console.WriteLine($"rethrow same object: {ReferenceEquals(first, e)}"); }

        // Wrapping.
        try
        {
            try { Fail(4); }
            catch (Exception e) { throw new AppException("wrapped", e); }
        }
        catch (AppException e)
        {
            Console.WriteLine($"outer: {e.Message}, inner: {e.InnerException?.GetType().Name} {e.InnerException?.Message}, base: {e.GetBaseException().Message}");
        }

        // An exception thrown in finally replaces the one in flight.
        try
        {
            try { throw new InvalidOperationException("first"); }
            finally { throw new NotSupportedException("from finally"); }
        }
        catch (Exception e) { Console.WriteLine($"finally replaced: {e.GetType().Name} {e.Message}"); }

        // Exception caught inside a finally block does not disturb the outer one.
        try
        {
            try { throw new InvalidOperationException("outer"); }
            finally
            {
                try { throw new FormatException("inner"); }
                catch (FormatException e) { Console.WriteLine("caught inside finally: " + e.Message); }
            }
        }
        catch (InvalidOperationException e) { Console.WriteLine("still outer: " + e.Message); }

        // Catch in a loop, and exceptions crossing several frames.
        int caught = 0;
        for (int i = 0; i < 10; i++)
        {
            try { Deep(i); }
            catch (AppException e) when (e.Code == i) { caught++; }
        }
        Console.WriteLine($"caught across frames: {caught}");

        // Default messages of common exception types constructed without arguments.
        Console.WriteLine(new Exception().Message);
        Console.WriteLine(new InvalidOperationException().Message);
        Console.WriteLine(new ArgumentException().Message);
        Console.WriteLine(new NotImplementedException().Message);
        Console.WriteLine(new ArgumentException("msg", "p").Message);
        Console.WriteLine($"Data/HResult-free ToString first line: {new AppException("tostring", 1).ToString().Split('\n')[0]}");
        return 0;
    }

    static void Deep(int depth)
    {
        if (depth == 0) throw new AppException("deep", 0);
        try { Deep(depth - 1); }
        catch (AppException e) when (e.Code < 0) { }
        catch (AppException e) { throw new AppException("level", e.Code + 1); }
    }
}
