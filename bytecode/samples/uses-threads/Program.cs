using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

// Each mode uses one feature RuntimeLab refuses: guest programs are single-threaded, and native code
// is out of reach. RuntimeLab names the missing member and its caller, and stops with exit code 1.
// Each mode has a class of its own, so the compiler's lambda classes do not mix their field types.
static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("mode " + args[0]);
        switch (args[0])
        {
            case "thread": Threads.Run(); break;
            case "task": Tasks.Run(); break;
            case "lock": Locks.Run(); break;
            case "pinvoke": Native.Run(); break;
        }
        return 0;
    }
}

static class Threads
{
    public static void Run()
    {
        var thread = new Thread(() => Console.WriteLine("in a thread"));
        thread.Start();
        thread.Join();
    }
}

static class Tasks
{
    public static void Run() => Task.Run(() => Console.WriteLine("in a task")).Wait();
}

static class Locks
{
    private static readonly object Gate = new object();

    public static void Run()
    {
        lock (Gate) Console.WriteLine("locked");
    }
}

static class Native
{
    [DllImport("libc")]
    private static extern int getpid();

    public static void Run() => Console.WriteLine(getpid());
}
