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

    public static TheoryData<string> Programs() => new(GuestPrograms.Locate().UserProgramNames);

    [Theory, MemberData(nameof(Programs))]
    public void PrintsWhatItPrintsUnderQemuI386(string name)
    {
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
            CreateCpu = Interpreter.ForUserMode,
        });
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expectedOutput), System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(expectedOutput, output.ToArray());
        Assert.Equal(expectedStatus, status);
    }
}
