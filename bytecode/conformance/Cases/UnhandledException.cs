// An exception nobody catches: stderr starts with "Unhandled exception. <type>: <message>" and the
// exit code is 134 (SIGABRT on Linux). Finally blocks on the way still run (second pass).
static class UnhandledException
{
    public static int Run()
    {
        Console.WriteLine("about to throw");
        try
        {
            Level1();
        }
        finally
        {
            Console.WriteLine("finally in Run");
        }
        return 0;
    }

    static void Level1()
    {
        try
        {
            throw new InvalidOperationException("the corpus threw this on purpose");
        }
        finally
        {
            Console.WriteLine("finally in Level1");
        }
    }
}
