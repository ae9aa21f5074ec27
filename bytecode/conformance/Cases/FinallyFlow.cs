// try/finally with return, break, continue and goto out of nested blocks: every finally on the way
// runs exactly once, innermost first; a return value is captured before the finally runs.
static class FinallyFlow
{
    static int ReturnFromNested()
    {
        int x = 1;
        try
        {
            try
            {
                x = 2;
                return x;
            }
            finally
            {
                x = 3;
                Console.WriteLine("  inner finally, x=" + x);
            }
        }
        finally
        {
            x = 4;
            Console.WriteLine("  outer finally, x=" + x);
        }
    }

    static int ReturnOverridden()
    {
        int result = 0;
        try { result = 10; return result; }
        finally { result = 20; }
    }

    static string BreakContinue()
    {
        var log = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            try
            {
                try
                {
                    if (i == 1) continue;
                    if (i == 3) break;
                    log.Add("body" + i);
                }
                finally { log.Add("f1-" + i); }
            }
            finally { log.Add("f2-" + i); }
        }
        return string.Join(" ", log);
    }

    static string GotoOut()
    {
        var log = new List<string>();
        int n = 0;
    again:
        try
        {
            n++;
            if (n < 3) goto again;
            log.Add("done at " + n);
        }
        finally { log.Add("finally " + n); }
        return string.Join(" ", log);
    }

    static string ExceptionThroughFinallies()
    {
        var log = new List<string>();
        try
        {
            try
            {
                try { throw new InvalidOperationException("x"); }
                finally { log.Add("a"); }
            }
            finally { log.Add("b"); }
        }
        catch (InvalidOperationException) { log.Add("catch"); }
        finally { log.Add("c"); }
        return string.Join(" ", log);
    }

    static IEnumerable<int> WhileSwitch()
    {
        int state = 0;
        while (true)
        {
            try
            {
                switch (state)
                {
                    case 0: state = 1; continue;
                    case 1: state = 2; yield return 1; break;
                    default: yield break;
                }
            }
            finally
            {
                Console.WriteLine("  switch finally, state=" + state);
            }
        }
    }

    public static int Run()
    {
        Console.WriteLine("return from nested:");
        Console.WriteLine("  result " + ReturnFromNested());
        Console.WriteLine("return overridden: " + ReturnOverridden());
        Console.WriteLine("break/continue: " + BreakContinue());
        Console.WriteLine("goto: " + GotoOut());
        Console.WriteLine("exception: " + ExceptionThroughFinallies());
        Console.WriteLine("iterator with switch:");
        foreach (var v in WhileSwitch()) Console.WriteLine("  yielded " + v);
        // Nested loops with labeled-like exit through two finally levels.
        int total = 0;
        for (int i = 0; i < 3; i++)
        {
            try
            {
                for (int j = 0; j < 3; j++)
                {
                    try
                    {
                        if (j == 2) break;
                        total += i * 10 + j;
                    }
                    finally { total += 100; }
                }
            }
            finally { total += 1000; }
        }
        Console.WriteLine("nested loops total: " + total);
        return 0;
    }
}
