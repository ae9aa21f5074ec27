// Environment.Exit ends the program at once with the given code; finally blocks do not run.
static class EnvironmentExit
{
    public static int Run()
    {
        try
        {
            Console.WriteLine("before Environment.Exit(7)");
            Console.Out.Flush();
            Environment.Exit(7);
            Console.WriteLine("not reached");
        }
        finally
        {
            // CoreCLR does not run this finally: Exit does not unwind the calling thread.
            Console.WriteLine("finally after Exit (should not print)");
        }
        return 0;
    }
}
