namespace RuntimeLab.X86.Tests.Linux;

/// <summary>A scratch directory tree for one test: a root for the guest, and a sibling outside it to try to escape to.</summary>
internal sealed class TempRoot : IDisposable
{
    public string Top { get; } = Directory.CreateTempSubdirectory("runtimelab-linux-").FullName;
    public string Root => Path.Join(Top, "root");
    public string Outside => Path.Join(Top, "outside");

    public TempRoot()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Join(Outside, "secret"), "outside");
        Directory.CreateDirectory(Path.Join(Root, "etc"));
        File.WriteAllText(Path.Join(Root, "etc", "hostname"), "inside\n");
        File.WriteAllText(Path.Join(Root, "secret"), "root secret");
    }

    public void Dispose() => Directory.Delete(Top, recursive: true);
}
