namespace RuntimeLab.X86.Linux;

/// <summary>A guest path resolved inside the root: its normalized guest form and the host path it stands for.</summary>
public readonly record struct ResolvedPath(string GuestPath, string HostPath)
{
    public bool Exists => File.Exists(HostPath) || Directory.Exists(HostPath) || IsSymlink;
    public bool IsDirectory => Directory.Exists(HostPath);
    public bool IsSymlink => new FileInfo(HostPath).LinkTarget != null;
}

/// <summary>
/// The guest's view of the host file system: guest "/" is a host directory (the root), and no path
/// leaves it. Paths are resolved here component by component: ".." never climbs above the root,
/// and every symbolic link is read and followed by this code (an absolute target starts again at
/// the root, as under chroot), so the host path handed to .NET never contains a ".." or a link.
/// </summary>
public sealed class GuestFileSystem
{
    private const int MaxSymlinkFollows = 40;  // Linux's MAXSYMLINKS
    private const int MaxPathBytes = 4096;

    public string HostRoot { get; }
    public bool ReadOnly { get; }
    /// <summary>The working directory as a normalized guest path; it starts at "/".</summary>
    public string WorkingDirectory { get; private set; } = "/";
    public int Umask { get; set; } = 0x12;  // 022

    public GuestFileSystem(string hostRoot, bool readOnly = false)
    {
        HostRoot = Path.GetFullPath(hostRoot);
        if (!Directory.Exists(HostRoot)) throw new DirectoryNotFoundException($"root directory {HostRoot} does not exist");
        ReadOnly = readOnly;
    }

    /// <summary>
    /// Resolves <paramref name="path"/> relative to <paramref name="baseDirectory"/> (a guest path; the
    /// working directory if null). The last component need not exist (for creation); every other must
    /// be a directory. Returns 0 or a positive errno.
    /// </summary>
    public int Resolve(string path, bool followFinalLink, out ResolvedPath resolved, string? baseDirectory = null)
    {
        resolved = default;
        if (path.Length == 0) return Errno.ENOENT;
        if (path.Length >= MaxPathBytes) return Errno.ENAMETOOLONG;
        var components = path.StartsWith('/') ? new List<string>() : Split(baseDirectory ?? WorkingDirectory);
        var pending = new Stack<string>(Split(path).AsEnumerable().Reverse());
        var follows = 0;
        while (pending.TryPop(out var name))
        {
            if (name == ".") continue;
            if (name == "..")
            {
                if (components.Count > 0) components.RemoveAt(components.Count - 1);
                continue;
            }
            var host = HostPathOf(components, name);
            var isLast = pending.Count == 0;
            if ((!isLast || followFinalLink) && new FileInfo(host).LinkTarget is { } target)
            {
                if (++follows > MaxSymlinkFollows) return Errno.ELOOP;
                if (target.StartsWith('/')) components.Clear();
                foreach (var part in Split(target).AsEnumerable().Reverse()) pending.Push(part);
                continue;
            }
            if (!isLast && !Directory.Exists(host)) return File.Exists(host) ? Errno.ENOTDIR : Errno.ENOENT;
            components.Add(name);
        }
        // "dir/" and "dir/." name the directory itself, which must then be one.
        if (path.EndsWith('/') && components.Count > 0 && File.Exists(HostPathOf(components, null))) return Errno.ENOTDIR;
        resolved = new ResolvedPath("/" + string.Join('/', components), HostPathOf(components, null));
        return 0;
    }

    /// <summary>fork: the child has its own working directory and umask, starting as the parent's.</summary>
    public GuestFileSystem Copy() => new(HostRoot, ReadOnly) { WorkingDirectory = WorkingDirectory, Umask = Umask };

    public int ChangeDirectory(string path)
    {
        var error = Resolve(path, followFinalLink: true, out var resolved);
        if (error != 0) return error;
        if (!resolved.IsDirectory) return resolved.Exists ? Errno.ENOTDIR : Errno.ENOENT;
        WorkingDirectory = resolved.GuestPath;
        return 0;
    }

    /// <summary>open(2): a new description, or a positive errno.</summary>
    public int Open(string path, int flags, uint mode, out OpenFile? file, string? baseDirectory = null)
    {
        file = null;
        var create = (flags & OpenFlags.Create) != 0;
        var exclusive = create && (flags & OpenFlags.Exclusive) != 0;
        var error = Resolve(path, followFinalLink: (flags & OpenFlags.NoFollow) == 0 && !exclusive, out var resolved, baseDirectory);
        if (error != 0) return error;
        if (resolved.GuestPath == "/dev/null") { file = new NullDevice { StatusFlags = flags & ~OpenFlags.CloseOnExec }; return 0; }

        var access = flags & OpenFlags.AccessMode;
        var writes = access != OpenFlags.ReadOnly || (flags & OpenFlags.Truncate) != 0;
        if (resolved.Exists)
        {
            if (exclusive) return Errno.EEXIST;
            if (resolved.IsSymlink) return Errno.ELOOP;  // O_NOFOLLOW on a link
            if (resolved.IsDirectory)
            {
                if (writes) return Errno.EISDIR;
                file = new DirectoryFile(resolved.HostPath, resolved.GuestPath) { StatusFlags = flags & ~OpenFlags.CloseOnExec };
                return 0;
            }
            if ((flags & OpenFlags.Directory) != 0) return Errno.ENOTDIR;
        }
        else if (!create) return Errno.ENOENT;
        if (ReadOnly && (writes || create)) return Errno.EROFS;

        try
        {
            var options = new FileStreamOptions
            {
                Mode = !resolved.Exists ? FileMode.CreateNew : (flags & OpenFlags.Truncate) != 0 && access != OpenFlags.ReadOnly ? FileMode.Truncate : FileMode.Open,
                Access = access switch { OpenFlags.WriteOnly => FileAccess.Write, OpenFlags.ReadWrite => FileAccess.ReadWrite, _ => FileAccess.Read },
                Share = FileShare.ReadWrite | FileShare.Delete,
            };
            if (!resolved.Exists && !OperatingSystem.IsWindows()) options.UnixCreateMode = (UnixFileMode)(mode & 0x1FF & ~(uint)Umask);
            file = new HostFile(new FileStream(resolved.HostPath, options), resolved.HostPath, resolved.GuestPath)
            {
                StatusFlags = flags & ~(OpenFlags.CloseOnExec | OpenFlags.Create | OpenFlags.Exclusive | OpenFlags.Truncate | OpenFlags.NoCtty),
            };
            return 0;
        }
        catch (Exception e) { return ErrnoOf(e); }
    }

    /// <summary>access(2) with R_OK 4, W_OK 2, X_OK 1 against the owner bits: the guest user owns every file.</summary>
    public int Access(string path, int mode, string? baseDirectory = null)
    {
        var error = Resolve(path, followFinalLink: true, out var resolved, baseDirectory);
        if (error != 0) return error;
        if (!resolved.Exists) return Errno.ENOENT;
        if ((mode & 2) != 0 && ReadOnly) return Errno.EROFS;
        var owner = OperatingSystem.IsWindows() ? 7 : ((int)File.GetUnixFileMode(resolved.HostPath) >> 6) & 7;
        return (mode & 7 & ~owner) == 0 ? 0 : Errno.EACCES;
    }

    /// <summary>stat/lstat: the status of an existing path, or a positive errno.</summary>
    public int Stat(string path, bool followFinalLink, out FileStatus? status, string? baseDirectory = null)
    {
        status = null;
        var error = Resolve(path, followFinalLink, out var resolved, baseDirectory);
        if (error != 0) return error;
        if (!resolved.Exists) return Errno.ENOENT;
        status = resolved.GuestPath == "/dev/null"
            ? new NullDevice().Status()
            : FileStatus.OfHostPath(resolved.HostPath, resolved.GuestPath, describeLinkItself: !followFinalLink);
        return 0;
    }

    /// <summary>readlink: the target text of a link inside the root, or a positive errno.</summary>
    public int ReadLink(string path, out string? target, string? baseDirectory = null)
    {
        target = null;
        var error = Resolve(path, followFinalLink: false, out var resolved, baseDirectory);
        if (error != 0) return error;
        if (!resolved.Exists) return Errno.ENOENT;
        target = new FileInfo(resolved.HostPath).LinkTarget;
        return target == null ? Errno.EINVAL : 0;
    }

    public static int ErrnoOf(Exception e) => e switch
    {
        UnauthorizedAccessException => Errno.EACCES,
        FileNotFoundException or DirectoryNotFoundException => Errno.ENOENT,
        PathTooLongException => Errno.ENAMETOOLONG,
        _ => Errno.EIO,
    };

    private string HostPathOf(List<string> components, string? last)
    {
        var relative = string.Join('/', last == null ? components : components.Append(last));
        return relative.Length == 0 ? HostRoot : Path.Join(HostRoot, relative);
    }

    private static List<string> Split(string path) => [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries)];
}
