namespace RuntimeLab.X86.Linux;

/// <summary>
/// An open file description: what guest fds point to. Descriptions are shared by dup'ed fds and
/// reference-counted, so that closing one fd of a pair keeps the other working.
/// </summary>
public abstract class OpenFile
{
    private int _references;

    /// <summary>O_RDONLY / O_WRONLY / O_RDWR and the flags F_GETFL reports (O_APPEND, O_NONBLOCK).</summary>
    public int StatusFlags { get; set; }

    public virtual bool IsTerminal => false;
    /// <summary>The guest path for directories (fchdir, openat relative to a dirfd), else null.</summary>
    public virtual string? DirectoryPath => null;

    public bool CanRead => (StatusFlags & OpenFlags.AccessMode) != OpenFlags.WriteOnly;
    public bool CanWrite => (StatusFlags & OpenFlags.AccessMode) != OpenFlags.ReadOnly;

    /// <summary>Bytes read, or a negative errno.</summary>
    public virtual int Read(Span<byte> destination) => -Errno.EINVAL;
    /// <summary>Bytes written, or a negative errno.</summary>
    public virtual int Write(ReadOnlySpan<byte> source) => -Errno.EINVAL;
    /// <summary>The new position, or a negative errno.</summary>
    public virtual long Seek(long offset, int whence) => -Errno.ESPIPE;
    public abstract FileStatus Status();

    internal void AddReference() => _references++;

    internal void Release()
    {
        if (--_references == 0) Close();
    }

    protected virtual void Close() { }
}

/// <summary>The open(2) flags of i386 Linux (the generic values).</summary>
public static class OpenFlags
{
    public const int ReadOnly = 0, WriteOnly = 1, ReadWrite = 2, AccessMode = 3, Create = 0x40, Exclusive = 0x80,
        NoCtty = 0x100, Truncate = 0x200, Append = 0x400, NonBlock = 0x800, LargeFile = 0x8000, Directory = 0x10000,
        NoFollow = 0x20000, CloseOnExec = 0x80000, Path = 0x200000;
}

public static class Seek
{
    public const int Set = 0, Current = 1, End = 2;
}
