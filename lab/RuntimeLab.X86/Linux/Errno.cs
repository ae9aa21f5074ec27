namespace RuntimeLab.X86.Linux;

/// <summary>Linux errno values (asm-generic, which i386 shares); system calls return them negated.</summary>
public static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8,
        EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17,
        EXDEV = 18, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25,
        EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30, EMLINK = 31, EPIPE = 32, ERANGE = 34,
        ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40;

    /// <summary>
    /// Linux's ERESTARTSYS, which the guest never sees: the call has to wait (for a pipe, for a child).
    /// The dispatcher rewinds the guest to its int 0x80, and the scheduler runs another process; the call
    /// is made again on the caller's next turn.
    /// </summary>
    public const int Restart = -512;

    private static readonly Dictionary<int, (string Name, string Text)> Descriptions = new()
    {
        [EPERM] = ("EPERM", "Operation not permitted"), [ENOENT] = ("ENOENT", "No such file or directory"),
        [ESRCH] = ("ESRCH", "No such process"), [EINTR] = ("EINTR", "Interrupted system call"),
        [EIO] = ("EIO", "Input/output error"), [EBADF] = ("EBADF", "Bad file descriptor"),
        [EAGAIN] = ("EAGAIN", "Resource temporarily unavailable"), [ENOMEM] = ("ENOMEM", "Cannot allocate memory"),
        [EACCES] = ("EACCES", "Permission denied"), [EFAULT] = ("EFAULT", "Bad address"),
        [EEXIST] = ("EEXIST", "File exists"), [ENOTDIR] = ("ENOTDIR", "Not a directory"),
        [EISDIR] = ("EISDIR", "Is a directory"), [EINVAL] = ("EINVAL", "Invalid argument"),
        [EMFILE] = ("EMFILE", "Too many open files"), [ENOTTY] = ("ENOTTY", "Inappropriate ioctl for device"),
        [ESPIPE] = ("ESPIPE", "Illegal seek"), [EROFS] = ("EROFS", "Read-only file system"),
        [EPIPE] = ("EPIPE", "Broken pipe"), [ERANGE] = ("ERANGE", "Numerical result out of range"),
        [ENAMETOOLONG] = ("ENAMETOOLONG", "File name too long"), [ENOSYS] = ("ENOSYS", "Function not implemented"),
        [ENOTEMPTY] = ("ENOTEMPTY", "Directory not empty"), [ELOOP] = ("ELOOP", "Too many levels of symbolic links"),
    };

    /// <summary>strace's rendering of a failed result: "-1 ENOENT (No such file or directory)".</summary>
    public static string Describe(int errno) => Descriptions.TryGetValue(errno, out var d)
        ? $"-1 {d.Name} ({d.Text})"
        : $"-1 errno {errno}";
}
