// The smallest case: one line of output, exit code 0. The first thing a new runtime should pass.
static class Hello
{
    public static int Run()
    {
        Console.WriteLine("Hello, conformance!");
        return 0;
    }
}
