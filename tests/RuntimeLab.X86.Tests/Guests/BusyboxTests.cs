using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.X86.Tests.Guests;

/// <summary>
/// Real third-party code: Debian's busybox-static for i386, its applets run on the interpreter and
/// compared byte for byte with what they printed under qemu-i386 (lab/guests/regenerate-references.sh),
/// on the interpreter and, for a subset, on the translator (dbt and tiered).
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

    /// <summary>
    /// The cases tiered runs too: the shell (fork, pipes, signals: every process a CPU of its own), awk,
    /// sed, numeric sort and a hash loop. Each applet first runs busybox's startup, about as many blocks
    /// as a glibc program's, so dbt, which compiles every block before its first run, takes only one.
    /// </summary>
    public static readonly string[] TieredCases = ["awk", "md5sum", "sed", "sh-pipeline", "sh-signals", "sort-numeric"];
    public static readonly string[] DbtCases = ["md5sum"];

    /// <summary>Every case on the interpreter; <see cref="TieredCases"/> and <see cref="DbtCases"/> on the translator.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in GuestPrograms.Locate().BusyboxCaseNames)
        {
            data.Add(name, "interp");
            if (TieredCases.Contains(name)) data.Add(name, "tiered");
            if (DbtCases.Contains(name)) data.Add(name, "dbt");
        }
        return data;
    }

    [Fact]
    public void EveryTranslatedCaseExists() =>
        Assert.Empty(TieredCases.Concat(DbtCases).Except(GuestPrograms.Locate().BusyboxCaseNames));

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
