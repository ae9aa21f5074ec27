using RuntimeLab.X86.Linux;

namespace RuntimeLab.X86.Tests.Linux;

public sealed class GuestFileSystemTests : IDisposable
{
    private readonly TempRoot _dirs = new();

    public void Dispose() => _dirs.Dispose();

    private string ReadAll(GuestFileSystem fs, string path)
    {
        Assert.Equal(0, fs.Open(path, OpenFlags.ReadOnly, 0, out var file));
        var buffer = new byte[100];
        var count = file!.Read(buffer);
        file.AddReference();
        file.Release();
        return System.Text.Encoding.UTF8.GetString(buffer, 0, count);
    }

    [Fact]
    public void DotDotStopsAtTheRoot()
    {
        var fs = new GuestFileSystem(_dirs.Root);

        Assert.Equal(0, fs.Resolve("/../../etc/hostname", true, out var resolved));
        Assert.Equal("/etc/hostname", resolved.GuestPath);
        Assert.Equal(Path.Join(_dirs.Root, "etc", "hostname"), resolved.HostPath);
        Assert.Equal(Errno.ENOENT, fs.Open("../../outside/secret", OpenFlags.ReadOnly, 0, out _));
        Assert.Equal("root secret", ReadAll(fs, "/etc/../../secret"));
    }

    [Fact]
    public void AbsoluteSymlinkIsResolvedInsideTheRoot()
    {
        File.CreateSymbolicLink(Path.Join(_dirs.Root, "link"), Path.Join(_dirs.Outside, "secret"));
        File.CreateSymbolicLink(Path.Join(_dirs.Root, "rootlink"), "/secret");
        var fs = new GuestFileSystem(_dirs.Root);

        Assert.Equal(Errno.ENOENT, fs.Open("/link", OpenFlags.ReadOnly, 0, out _));  // the host target names nothing inside
        Assert.Equal("root secret", ReadAll(fs, "/rootlink"));
    }

    [Fact]
    public void RelativeSymlinkCannotClimbOut()
    {
        File.CreateSymbolicLink(Path.Join(_dirs.Root, "etc", "up"), "../../outside/secret");
        Directory.CreateSymbolicLink(Path.Join(_dirs.Root, "dirlink"), "../outside");
        var fs = new GuestFileSystem(_dirs.Root);

        Assert.Equal(Errno.ENOENT, fs.Open("/etc/up", OpenFlags.ReadOnly, 0, out _));
        Assert.Equal(Errno.ENOENT, fs.Open("/dirlink/secret", OpenFlags.ReadOnly, 0, out _));
        Assert.Equal(Errno.ENOENT, fs.Resolve("/etc/up", true, out _));  // it means /outside/secret inside the root
        File.CreateSymbolicLink(Path.Join(_dirs.Root, "etc", "deep"), "../../../../../../../secret");
        Assert.Equal("root secret", ReadAll(fs, "/etc/deep"));
    }

    [Fact]
    public void SymlinkLoopsEndInEloop()
    {
        File.CreateSymbolicLink(Path.Join(_dirs.Root, "a"), "b");
        File.CreateSymbolicLink(Path.Join(_dirs.Root, "b"), "a");
        var fs = new GuestFileSystem(_dirs.Root);

        Assert.Equal(Errno.ELOOP, fs.Open("/a", OpenFlags.ReadOnly, 0, out _));
    }

    [Fact]
    public void ReadOnlyRootForbidsWritesAndCreation()
    {
        var fs = new GuestFileSystem(_dirs.Root, readOnly: true);

        Assert.Equal(Errno.EROFS, fs.Open("/etc/hostname", OpenFlags.WriteOnly, 0, out _));
        Assert.Equal(Errno.EROFS, fs.Open("/etc/hostname", OpenFlags.ReadOnly | OpenFlags.Truncate, 0, out _));
        Assert.Equal(Errno.EROFS, fs.Open("/new", OpenFlags.WriteOnly | OpenFlags.Create, 0x1A4, out _));
        Assert.Equal(Errno.EROFS, fs.Access("/etc/hostname", 2));
        Assert.False(File.Exists(Path.Join(_dirs.Root, "new")));
        Assert.Equal("inside\n", ReadAll(fs, "/etc/hostname"));
    }

    [Fact]
    public void WorkingDirectoryStartsAtTheRootAndFollowsChdir()
    {
        var fs = new GuestFileSystem(_dirs.Root);
        Assert.Equal("/", fs.WorkingDirectory);

        Assert.Equal(0, fs.ChangeDirectory("etc"));
        Assert.Equal("/etc", fs.WorkingDirectory);
        Assert.Equal("inside\n", ReadAll(fs, "hostname"));
        Assert.Equal(Errno.ENOTDIR, fs.ChangeDirectory("hostname"));
        Assert.Equal(0, fs.ChangeDirectory("../.."));
        Assert.Equal("/", fs.WorkingDirectory);
    }

    [Fact]
    public void MissingIntermediateDirectoryIsEnoentAndFileAsDirectoryIsEnotdir()
    {
        var fs = new GuestFileSystem(_dirs.Root);

        Assert.Equal(Errno.ENOENT, fs.Open("/nope/x", OpenFlags.ReadOnly, 0, out _));
        Assert.Equal(Errno.ENOTDIR, fs.Open("/etc/hostname/x", OpenFlags.ReadOnly, 0, out _));
    }
}
