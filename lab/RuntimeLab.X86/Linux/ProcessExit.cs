namespace RuntimeLab.X86.Linux;

/// <summary>How the guest ended: a status from exit_group, or a signal (status 128 + signal, as a shell reports it).</summary>
public sealed record ProcessExit(int Status, int? Signal = null)
{
    public static ProcessExit Exited(uint status) => new((int)(status & 0xFF));
    public static ProcessExit Killed(int signal) => new(128 + signal, signal);
}

/// <summary>The signal numbers of i386 Linux that RuntimeLab names.</summary>
public static class Signals
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8,
        SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15,
        SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGWINCH = 28;
    public const int Count = 64;

    public static string Name(int signal) => signal switch
    {
        SIGHUP => "SIGHUP", SIGINT => "SIGINT", SIGQUIT => "SIGQUIT", SIGILL => "SIGILL", SIGTRAP => "SIGTRAP",
        SIGABRT => "SIGABRT", SIGBUS => "SIGBUS", SIGFPE => "SIGFPE", SIGKILL => "SIGKILL", SIGUSR1 => "SIGUSR1",
        SIGSEGV => "SIGSEGV", SIGUSR2 => "SIGUSR2", SIGPIPE => "SIGPIPE", SIGALRM => "SIGALRM", SIGTERM => "SIGTERM",
        SIGCHLD => "SIGCHLD", SIGCONT => "SIGCONT", SIGSTOP => "SIGSTOP", SIGTSTP => "SIGTSTP", SIGTTIN => "SIGTTIN",
        SIGTTOU => "SIGTTOU", SIGURG => "SIGURG", SIGWINCH => "SIGWINCH",
        _ => $"signal {signal}",
    };

    /// <summary>
    /// Signals whose default action is to do nothing. The stop signals are among them: there is no job
    /// control, so a process is never stopped (SIGSTOP itself cannot be caught, and is ignored too).
    /// </summary>
    public static bool IgnoredByDefault(int signal) => signal is SIGCHLD or SIGCONT or SIGURG or SIGWINCH or SIGSTOP or SIGTSTP or SIGTTIN or SIGTTOU;
}
