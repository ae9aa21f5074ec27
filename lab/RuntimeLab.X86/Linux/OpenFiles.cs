namespace RuntimeLab.X86.Linux;

/// <summary>One of the runner's standard streams (guest fds 0, 1, 2): a pipe unless the host side is a terminal.</summary>
public sealed class StreamFile(Stream stream, int accessMode, bool isTerminal, string name) : OpenFile
{
    public override bool IsTerminal => isTerminal;

    public override int Read(Span<byte> destination) => CanRead ? stream.Read(destination) : -Errno.EBADF;

    public override int Write(ReadOnlySpan<byte> source)
    {
        if (!CanWrite) return -Errno.EBADF;
        stream.Write(source);
        stream.Flush();  // guest stdout and stderr interleave as written, like unbuffered host fds
        return source.Length;
    }

    public override FileStatus Status() => isTerminal
        ? FileStatus.OfSpecial(FileStatus.CharDevice, name, rdevMajor: 136)
        : FileStatus.OfSpecial(FileStatus.Fifo, name);

    public StreamFile Initialize()
    {
        StatusFlags = accessMode;
        return this;
    }
}

/// <summary>A regular file inside the root, through a .NET FileStream.</summary>
public sealed class HostFile(FileStream stream, string hostPath, string guestPath) : OpenFile
{
    public override int Read(Span<byte> destination) => CanRead ? stream.Read(destination) : -Errno.EBADF;

    public override int Write(ReadOnlySpan<byte> source)
    {
        if (!CanWrite) return -Errno.EBADF;
        if ((StatusFlags & OpenFlags.Append) != 0) stream.Seek(0, SeekOrigin.End);
        stream.Write(source);
        stream.Flush();
        return source.Length;
    }

    public override long Seek(long offset, int whence)
    {
        var origin = whence switch { Linux.Seek.Set => SeekOrigin.Begin, Linux.Seek.Current => SeekOrigin.Current, Linux.Seek.End => SeekOrigin.End, _ => (SeekOrigin)(-1) };
        if ((int)origin < 0) return -Errno.EINVAL;
        var target = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => stream.Position + offset, _ => stream.Length + offset };
        return target < 0 ? -Errno.EINVAL : stream.Seek(target, SeekOrigin.Begin);
    }

    public override FileStatus Status() => FileStatus.OfHostPath(hostPath, guestPath, describeLinkItself: false);

    /// <summary>mmap of a file copies it: reads at an offset without moving the file position.</summary>
    public int ReadAt(long offset, Span<byte> destination)
    {
        var saved = stream.Position;
        stream.Position = offset;
        var total = 0;
        int count;
        while (total < destination.Length && (count = stream.Read(destination[total..])) > 0) total += count;
        stream.Position = saved;
        return total;
    }

    protected override void Close() => stream.Dispose();
}

/// <summary>An open directory: getdents64 walks a snapshot of its entries taken at open.</summary>
public sealed class DirectoryFile(string hostPath, string guestPath) : OpenFile
{
    public override string? DirectoryPath => guestPath;

    /// <summary>".", ".." and the entries in ordinal order, so listings are the same on every host.</summary>
    public IReadOnlyList<(string Name, byte Type)> Entries { get; } = ListEntries(hostPath);
    public int Position { get; set; }

    public override int Read(Span<byte> destination) => -Errno.EISDIR;

    public override long Seek(long offset, int whence)
    {
        if (whence != Linux.Seek.Set || offset < 0) return -Errno.EINVAL;
        Position = (int)Math.Min(offset, Entries.Count);
        return Position;
    }

    public override FileStatus Status() => FileStatus.OfHostPath(hostPath, guestPath, describeLinkItself: false);

    public const byte TypeFifo = 1, TypeChar = 2, TypeDirectory = 4, TypeRegular = 8, TypeSymlink = 10;

    private static List<(string, byte)> ListEntries(string hostPath)
    {
        var entries = new List<(string, byte)> { (".", TypeDirectory), ("..", TypeDirectory) };
        foreach (var info in new DirectoryInfo(hostPath).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            entries.Add((info.Name, info.LinkTarget != null ? TypeSymlink : info is DirectoryInfo ? TypeDirectory : TypeRegular));
        return entries;
    }
}

/// <summary>/dev/null: reads end at once, writes vanish.</summary>
public sealed class NullDevice : OpenFile
{
    public override int Read(Span<byte> destination) => 0;
    public override int Write(ReadOnlySpan<byte> source) => source.Length;
    public override long Seek(long offset, int whence) => 0;
    public override FileStatus Status() => FileStatus.OfSpecial(FileStatus.CharDevice, "/dev/null", rdevMajor: 1, rdevMinor: 3);
}

/// <summary>
/// Both ends of a pipe share one buffer of Linux's default capacity (64 KiB). A read of an empty pipe
/// whose write end is open, or a write to a full one, has to wait: it returns <see cref="Errno.Restart"/>
/// (EAGAIN with O_NONBLOCK) and the scheduler runs the other processes until the call can go on.
/// </summary>
public sealed class PipeEnd : OpenFile
{
    public const int Capacity = 64 * 1024;
    /// <summary>POSIX's PIPE_BUF: writes up to this size are never split.</summary>
    public const int AtomicWrite = 4096;

    private sealed class Buffer
    {
        public readonly Queue<byte> Bytes = new();
        public bool ReaderOpen = true, WriterOpen = true;
    }

    private readonly Buffer _buffer;
    private readonly bool _isReader;

    private PipeEnd(Buffer buffer, bool isReader)
    {
        _buffer = buffer;
        _isReader = isReader;
        StatusFlags = isReader ? OpenFlags.ReadOnly : OpenFlags.WriteOnly;
    }

    public static (PipeEnd Reader, PipeEnd Writer) Create()
    {
        var buffer = new Buffer();
        return (new PipeEnd(buffer, true), new PipeEnd(buffer, false));
    }

    private int Wait => (StatusFlags & OpenFlags.NonBlock) != 0 ? -Errno.EAGAIN : Errno.Restart;

    public override int Read(Span<byte> destination)
    {
        if (!_isReader) return -Errno.EBADF;
        if (_buffer.Bytes.Count == 0) return _buffer.WriterOpen && destination.Length > 0 ? Wait : 0;
        var count = Math.Min(destination.Length, _buffer.Bytes.Count);
        for (var i = 0; i < count; i++) destination[i] = _buffer.Bytes.Dequeue();
        return count;
    }

    /// <summary>With no reader left a write fails with EPIPE (and the writer gets SIGPIPE). A large write may be partial.</summary>
    public override int Write(ReadOnlySpan<byte> source)
    {
        if (_isReader) return -Errno.EBADF;
        if (!_buffer.ReaderOpen) return -Errno.EPIPE;
        var room = Capacity - _buffer.Bytes.Count;
        if (room == 0 || (room < source.Length && source.Length <= AtomicWrite)) return source.Length == 0 ? 0 : Wait;
        var count = Math.Min(room, source.Length);
        foreach (var b in source[..count]) _buffer.Bytes.Enqueue(b);
        return count;
    }

    public override FileStatus Status() => FileStatus.OfSpecial(FileStatus.Fifo, "pipe");

    protected override void Close()
    {
        if (_isReader) _buffer.ReaderOpen = false;
        else _buffer.WriterOpen = false;
    }
}
