using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.X86.Tests.Guests;

/// <summary>
/// Real programs built by gcc -m32 -static against glibc run on the interpreter and print, byte for
/// byte, what they printed under qemu-i386, and exit with the same status. The references were made
/// by lab/guests/regenerate-references.sh; the programs are built from source by make.
/// </summary>
public sealed class GuestProgramTests
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();

    /// <summary>Every program under every engine (see <see cref="Engines"/>).</summary>
    public static TheoryData<string, string> ProgramsAndEngines() => Engines.Cross(GuestPrograms.Locate().UserProgramNames);

    [Theory, MemberData(nameof(ProgramsAndEngines))]
    public void PrintsWhatItPrintsUnderQemuI386(string name, string engine)
    {
        var options = Engines.Named(engine);
        var cpus = new List<Interpreter>();
        var (expectedOutput, expectedStatus) = s_guests.Expected(name);
        var output = new MemoryStream();
        var errors = new MemoryStream();
        var root = Path.GetDirectoryName(s_guests.UserProgram(name))!;
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = "/" + name,
            Arguments = ["/" + name, .. s_guests.ArgumentsOf(name)],
            Root = root,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(), output, errors),
            MaxInstructions = 2_000_000_000,
            CreateCpu = (memory, threadArea) =>
            {
                var cpu = Interpreter.ForUserMode(memory, threadArea, options);
                cpus.Add(cpu);
                return cpu;
            },
        });
        if (options.Engine == Dbt.X86Engine.Dbt) Engines.AssertRanCompiled(cpus[0]);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expectedOutput), System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(expectedOutput, output.ToArray());
        Assert.Equal(expectedStatus, status);
    }
}
