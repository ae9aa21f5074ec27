using System.Text;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>Where the pieces of the initial process stack ended up (for tests and for the runner's ESP).</summary>
public sealed record InitialStackLayout(uint StackPointer, uint Argv, uint Envp, uint Auxv, uint RandomBytes, uint StackBottom);

/// <summary>
/// Builds the stack the kernel hands to a new i386 process (fs/binfmt_elf.c, create_elf_tables):
/// strings at the top, then the platform string and the 16 AT_RANDOM bytes, then argc, argv, envp
/// and the auxiliary vector, with ESP (pointing at argc) 16-byte aligned.
/// </summary>
public static class InitialStack
{
    public const uint Top = 0xC000_0000;
    /// <summary>The guest's ulimit -s default: 8 MiB, mapped up front (pages cost nothing until touched).</summary>
    public const uint Size = 8 << 20;
    /// <summary>CPUID.1:EDX bits of what the CPU implements: FPU (0), TSC (4), CX8 (8), CMOV (15).</summary>
    public const uint HardwareCapabilities = (1u << 0) | (1u << 4) | (1u << 8) | (1u << 15);
    public const string Platform = "i686";
    /// <summary>The kernel refuses exec beyond this much argument and environment text (a quarter of the stack).</summary>
    private const int MaxStringBytes = (int)Size / 4;

    public const uint AtNull = 0, AtPhdr = 3, AtPhent = 4, AtPhnum = 5, AtPagesz = 6, AtBase = 7, AtFlags = 8,
        AtEntry = 9, AtUid = 11, AtEuid = 12, AtGid = 13, AtEgid = 14, AtPlatform = 15, AtHwcap = 16,
        AtClktck = 17, AtSecure = 23, AtRandom = 25, AtExecfn = 31;

    public static InitialStackLayout Build(UserAddressSpace memory, ElfImage image, IReadOnlyList<string> argv,
        IReadOnlyList<string> environment, string execFn, DeterministicRandom random)
    {
        memory.Map(Top - Size, Size, Protection.ReadWrite);
        var writer = new DownwardWriter(memory, Top);

        // Top down, as Linux: a NULL word, the file name, the environment strings, the argument strings.
        writer.PushU32(0);
        var execFnAddress = writer.PushString(execFn);
        var envAddresses = environment.Reverse().Select(writer.PushString).Reverse().ToArray();
        var argAddresses = argv.Reverse().Select(writer.PushString).Reverse().ToArray();
        if (Top - writer.Position > MaxStringBytes) throw new ArgumentException("argument list and environment too long (E2BIG)");

        writer.AlignDown(16);
        var platformAddress = writer.PushString(Platform);
        var randomBytes = new byte[16];
        random.Fill(randomBytes);
        var randomAddress = writer.PushBytes(randomBytes);

        (uint Key, uint Value)[] auxv =
        [
            (AtHwcap, HardwareCapabilities), (AtPagesz, UserAddressSpace.PageSize), (AtClktck, 100),
            (AtPhdr, image.ProgramHeaders), (AtPhent, image.ProgramHeaderSize), (AtPhnum, image.ProgramHeaderCount),
            (AtBase, 0), (AtFlags, 0), (AtEntry, image.Entry),
            (AtUid, GuestIdentity.Uid), (AtEuid, GuestIdentity.Uid), (AtGid, GuestIdentity.Gid), (AtEgid, GuestIdentity.Gid),
            (AtSecure, 0), (AtRandom, randomAddress), (AtExecfn, execFnAddress), (AtPlatform, platformAddress), (AtNull, 0),
        ];
        var words = new List<uint> { (uint)argv.Count };
        words.AddRange(argAddresses);
        words.Add(0);
        words.AddRange(envAddresses);
        words.Add(0);
        foreach (var (key, value) in auxv) { words.Add(key); words.Add(value); }

        // The vector goes where ESP ends up 16-byte aligned (STACK_ROUND), so the ABI's alignment holds at _start.
        var stackPointer = (writer.Position - (uint)words.Count * 4) & ~15u;
        for (var i = 0; i < words.Count; i++) memory.WriteU32(stackPointer + (uint)i * 4, words[i]);

        var argvAddress = stackPointer + 4;
        var envpAddress = argvAddress + ((uint)argv.Count + 1) * 4;
        var auxvAddress = envpAddress + ((uint)environment.Count + 1) * 4;
        return new InitialStackLayout(stackPointer, argvAddress, envpAddress, auxvAddress, randomAddress, Top - Size);
    }

    /// <summary>Pushes data below a moving position, like the kernel filling the stack from its top.</summary>
    private sealed class DownwardWriter(UserAddressSpace memory, uint top)
    {
        public uint Position { get; private set; } = top;

        public uint PushBytes(byte[] bytes)
        {
            Position -= (uint)bytes.Length;
            memory.Write(Position, bytes);
            return Position;
        }

        public uint PushString(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text + "\0");
            if (bytes.Length > MaxStringBytes) throw new ArgumentException("argument or environment string too long (E2BIG)");
            return PushBytes(bytes);
        }

        public void PushU32(uint value) => PushBytes(BitConverter.GetBytes(value));

        public void AlignDown(uint alignment) => Position &= ~(alignment - 1);
    }
}
