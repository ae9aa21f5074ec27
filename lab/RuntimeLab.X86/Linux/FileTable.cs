namespace RuntimeLab.X86.Linux;

/// <summary>The guest's fd table: each fd names a shared <see cref="OpenFile"/> plus its own close-on-exec bit.</summary>
public sealed class FileTable
{
    /// <summary>RLIMIT_NOFILE's usual soft limit.</summary>
    public const int MaxFds = 1024;

    private readonly List<(OpenFile File, bool CloseOnExec)?> _entries = [];

    public OpenFile? Get(int fd) => fd >= 0 && fd < _entries.Count ? _entries[fd]?.File : null;

    public bool CloseOnExec(int fd) => Get(fd) != null && _entries[fd]!.Value.CloseOnExec;

    public void SetCloseOnExec(int fd, bool value)
    {
        if (Get(fd) is { } file) _entries[fd] = (file, value);
    }

    /// <summary>The lowest free fd at or above <paramref name="lowest"/>, or -EMFILE.</summary>
    public int Add(OpenFile file, bool closeOnExec = false, int lowest = 0)
    {
        for (var fd = lowest; fd < MaxFds; fd++)
        {
            if (Get(fd) != null) continue;
            Place(fd, file, closeOnExec);
            return fd;
        }
        return -Errno.EMFILE;
    }

    /// <summary>dup2/dup3: <paramref name="newFd"/> is closed first if open.</summary>
    public int Duplicate(int oldFd, int newFd, bool closeOnExec)
    {
        if (Get(oldFd) is not { } file) return -Errno.EBADF;
        if (newFd < 0 || newFd >= MaxFds) return -Errno.EBADF;
        if (oldFd == newFd) return newFd;
        Close(newFd);
        Place(newFd, file, closeOnExec);
        return newFd;
    }

    public int Close(int fd)
    {
        if (Get(fd) is not { } file) return -Errno.EBADF;
        _entries[fd] = null;
        file.Release();
        return 0;
    }

    /// <summary>
    /// The table a fork child (every fd) or an exec'ed image (all but the close-on-exec fds) starts with.
    /// The open file descriptions are shared with this table, as fork and exec share them.
    /// </summary>
    public FileTable Copy(bool forExec)
    {
        var copy = new FileTable();
        for (var fd = 0; fd < _entries.Count; fd++)
            if (_entries[fd] is { } entry && !(forExec && entry.CloseOnExec)) copy.Place(fd, entry.File, entry.CloseOnExec);
        return copy;
    }

    public void CloseAll()
    {
        for (var fd = 0; fd < _entries.Count; fd++) Close(fd);
    }

    private void Place(int fd, OpenFile file, bool closeOnExec)
    {
        while (_entries.Count <= fd) _entries.Add(null);
        file.AddReference();
        _entries[fd] = (file, closeOnExec);
    }
}
