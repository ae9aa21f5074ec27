using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.X86.Tests.Guests;

/// <summary>
/// Real third-party code: Debian's busybox-static for i386, its applets run in each engine and
/// compared byte for byte with what they printed under qemu-i386 (lab/guests/regenerate-references.sh).
/// The guest root holds bin/busybox and the files in lab/guests/busybox/files.
/// </summary>
public sealed class BusyboxTests : IClassFixture<BusyboxTests.Root>
{
    private readonly Root _root;

    public BusyboxTests(Root root) => _root = root;

    public sealed class Root : IDisposable
    {
        public GuestPrograms Guests { get; } = GuestPrograms.Locate().EnsureBusybox();
        public string Path { get; } = Directory.CreateTempSubdirectory("runtimelab-busybox-").FullName;

        public Root()
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, "bin"));
            File.Copy(Guests.Busybox, System.IO.Path.Combine(Path, "bin", "busybox"));
            var files = System.IO.Path.Combine(Path, "files");
            Directory.CreateDirectory(files);
            foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(Guests.Root, "busybox", "files")))
                File.Copy(file, System.IO.Path.Combine(files, System.IO.Path.GetFileName(file)));
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Every case in every engine. (dbt compiles busybox's start-up, about as many blocks as a glibc program's, before it runs.)</summary>
    public static TheoryData<string, string> Cases() => Engines.Cross(GuestPrograms.Locate().BusyboxCaseNames);

    [Theory, MemberData(nameof(Cases))]
    public void AppletPrintsWhatItPrintsUnderQemuI386(string name, string engine)
    {
        var guests = _root.Guests;
        var options = Engines.Named(engine);
        Interpreter? first = null;
        var (expectedOutput, expectedStatus) = guests.ExpectedBusybox(name);
        var output = new MemoryStream();
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = "/bin/busybox",
            Arguments = ["/bin/busybox", .. guests.BusyboxArguments(name)],
            Root = _root.Path,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(guests.BusyboxInput(name)), output, new MemoryStream()),
            MaxInstructions = 2_000_000_000,
            CreateCpu = (memory, threadArea) =>
            {
                var cpu = Interpreter.ForUserMode(memory, threadArea, options);
                first ??= cpu;
                return cpu;
            },
        });
        if (options.Engine == Dbt.X86Engine.Dbt) Engines.AssertRanCompiled(first!);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expectedOutput), System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(expectedStatus, status);
    }
}
