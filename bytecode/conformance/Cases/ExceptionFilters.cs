// Two-pass exception handling: filters run during the first pass, before any inner finally or
// fault block runs in the second pass.
static class ExceptionFilters
{
    static bool Log(string s, bool result)
    {
        Console.WriteLine("  " + s + " -> " + result);
        return result;
    }

    class CodedException(int code) : Exception("code " + code)
    {
        public int Code { get; } = code;
    }

    static void Thrower(int code)
    {
        try
        {
            try
            {
                Console.WriteLine("  throwing " + code);
                throw new CodedException(code);
            }
            finally
            {
                Console.WriteLine("  innermost finally");
            }
        }
        catch (CodedException e) when (Log("inner filter code==1", e.Code == 1))
        {
            Console.WriteLine("  inner catch");
        }
        finally
        {
            Console.WriteLine("  inner finally");
        }
    }

    public static int Run()
    {
        foreach (int code in new[] { 1, 2, 3 })
        {
            Console.WriteLine("code " + code + ":");
            try
            {
                Thrower(code);
                Console.WriteLine("  returned normally");
            }
            catch (CodedException e) when (Log("outer filter code==2", e.Code == 2))
            {
                Console.WriteLine("  outer catch A");
            }
            catch (CodedException e) when (Log("outer filter code==3", e.Code == 3))
            {
                Console.WriteLine("  outer catch B, message " + e.Message);
            }
        }

        // A filter that throws is treated as false; the exception from the filter is swallowed.
        Console.WriteLine("throwing filter:");
        try
        {
            try { throw new InvalidOperationException("original"); }
            catch (Exception) when (ThrowingFilter()) { Console.WriteLine("  not reached"); }
        }
        catch (Exception e) { Console.WriteLine("  outer caught " + e.GetType().Name + ": " + e.Message); }

        // Filters see the exception object and can inspect state; catch order is by clause.
        Console.WriteLine("filter order:");
        try { throw new ArgumentException("bad arg"); }
        catch (Exception e) when (Log("first clause (ArgumentNullException?)", e is ArgumentNullException)) { }
        catch (ArgumentException e) when (Log("second clause", e.Message.StartsWith("bad"))) { Console.WriteLine("  caught in second"); }
        catch (Exception) { Console.WriteLine("  not reached"); }
        return 0;
    }

    static bool ThrowingFilter()
    {
        Console.WriteLine("  filter throws");
        throw new NotSupportedException("from filter");
    }
}
