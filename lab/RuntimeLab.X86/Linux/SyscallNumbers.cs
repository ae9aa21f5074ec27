namespace RuntimeLab.X86.Linux;

/// <summary>The i386 system call numbers RuntimeLab knows (arch/x86/entry/syscalls/syscall_32.tbl).</summary>
public static class SyscallNumbers
{
    public const int Exit = 1, Read = 3, Write = 4, Open = 5, Close = 6, Creat = 8, Unlink = 10, Chdir = 12,
        Time = 13, Lseek = 19, Getpid = 20, Getuid = 24, Access = 33, Kill = 37, Mkdir = 39, Rmdir = 40, Dup = 41,
        Pipe = 42, Brk = 45, Getgid = 47, Geteuid = 49, Getegid = 50, Ioctl = 54, Fcntl = 55, Umask = 60,
        Dup2 = 63, Getppid = 64, Gettimeofday = 78, Readlink = 85, Munmap = 91, Sysinfo = 116, Uname = 122,
        Mprotect = 125, Llseek = 140, Readv = 145, Writev = 146, Nanosleep = 162, Mremap = 163,
        RtSigaction = 174, RtSigprocmask = 175, Getcwd = 183, Sigaltstack = 186, Ugetrlimit = 191, Mmap2 = 192,
        Stat64 = 195, Lstat64 = 196, Fstat64 = 197, Getuid32 = 199, Getgid32 = 200, Geteuid32 = 201,
        Getegid32 = 202, Madvise = 219, Getdents64 = 220, Fcntl64 = 221, Gettid = 224, SetThreadArea = 243,
        GetThreadArea = 244, ExitGroup = 252, SetTidAddress = 258, ClockGettime = 265, ClockNanosleep = 267,
        Tgkill = 270, Openat = 295, Fstatat64 = 300, Readlinkat = 305, Faccessat = 307, SetRobustList = 311,
        Dup3 = 330, Pipe2 = 331, Prlimit64 = 340, Getrandom = 355, Statx = 383, Rseq = 386,
        ClockGettime64 = 403, ClockNanosleepTime64 = 407, Faccessat2 = 439;
    // Processes and signal delivery.
    public const int Fork = 2, Waitpid = 7, Execve = 11, Alarm = 27, Pause = 29, Setpgid = 57, Getpgrp = 65, Setsid = 66,
        Wait4 = 114, Sigreturn = 119, Clone = 120, Getpgid = 132, Getsid = 147, RtSigreturn = 173, RtSigpending = 176,
        RtSigsuspend = 179, Vfork = 190;
}
