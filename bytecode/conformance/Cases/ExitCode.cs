// Main's return value becomes the process exit code.
static class ExitCode
{
    public static int Run()
    {
        Console.WriteLine("returning 3 from Main");
        return 3;
    }
}
