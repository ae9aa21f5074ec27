using RuntimeLab.Jit.Compile;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Tests.Linux;

namespace RuntimeLab.X86.Tests.Translation;

/// <summary>
/// <see cref="TranslationDump"/> on hand-built programs, where each byte of the code is known: the block
/// it lists, and the one-line refusals for addresses that name no code. (`x86 dump` on real guest
/// programs, against binutils, is in the CLI tests.)
/// </summary>
public sealed class TranslationDumpTests
{
    [Fact]
    public void TheEntryBlockIsListedUpToTheInt3ThatEndsItAndCompiledForItsAddress()
    {
        var builder = ElfBuilder.Minimal();
        byte[] code = [0xB8, 0x2A, 0x00, 0x00, 0x00, 0x40, 0xCC, 0x90]; // mov eax,42; inc eax; int3 (ends the block); nop
        code.CopyTo(builder.Body, 0x100);

        var dump = TranslationDump.Of(builder.Build(), null, OptLevel.O2);

        Assert.Equal(ElfBuilder.Entry, dump.Address);
        Assert.Null(dump.Symbol); // the builder writes no section headers, so no symbol table
        Assert.Collection(dump.GuestInstructions,
            line => Assert.Matches(@"^08048100 +b82a000000 +mov +eax,0x2a$", line),
            line => Assert.Matches(@"^08048105 +40 +inc +eax$", line),
            line => Assert.Matches(@"^08048106 +cc +int3$", line));
        Assert.Contains("@x86_08048100(", dump.IrBefore);
        Assert.Contains("@x86_08048100(", dump.IrAfter);
        Assert.StartsWith("x86_08048100", dump.Function);
        Assert.NotEmpty(dump.HostInstructions);
        Assert.Equal(dump.Stats.CodeBytes, dump.HostInstructions.Sum(i => i.Bytes.Length));
    }

    [Fact]
    public void AUnitDumpTakesTheBlocksTheBranchesReachAndKeepsTheLoopInsideOneFunction()
    {
        var builder = ElfBuilder.Minimal();
        byte[] code =
        [
            0xB9, 0x0A, 0x00, 0x00, 0x00, // 08048100: mov ecx,10
            0x40,                         // 08048105: inc eax          (the loop, a block of its own)
            0xE2, 0xFD,                   // 08048106: loop 0x08048105
            0xCC,                         // 08048108: int3             (after the loop)
        ];
        code.CopyTo(builder.Body, 0x100);

        var alone = TranslationDump.Of(builder.Build(), "0x8048105", OptLevel.O2);
        var unit = TranslationDump.Of(builder.Build(), "0x8048105", OptLevel.O2, unit: true);

        Assert.Equal(2, alone.GuestInstructions.Count);
        // The loop block (whose branch reaches itself) and the block after it, each under a heading.
        Assert.Equal(["; block 0x08048105", "; block 0x08048108"], unit.GuestInstructions.Where(line => line.StartsWith(';')));
        Assert.Contains(unit.GuestInstructions, line => line.Contains("int3"));
        Assert.Contains("block_08048108:", unit.IrBefore);
        // The back edge stays inside the function: the loop block's body is entered from itself.
        Assert.Matches(@"block_08048105:\s+; preds = [^\n]*%again", unit.IrBefore);
    }

    [Fact]
    public void BytesThatAreNoInstructionAreRefusedWithTheBytes()
    {
        var builder = ElfBuilder.Minimal();
        builder.Body[0x100] = 0xFE; // FE /7: group 4 defines only /0 (inc) and /1 (dec)
        builder.Body[0x101] = 0xF8;

        var error = Assert.Throws<TranslationDumpException>(() => TranslationDump.Of(builder.Build(), "0x8048100", OptLevel.O2));
        Assert.Equal("the bytes at 0x08048100 (fe f8 00 00 00 00 00 00) do not decode as an x86 instruction", error.Message);
    }

    [Theory]
    [InlineData("0x804a000", "0x0804a000 is not in an executable segment of the program")] // the data segment: mapped, not executable
    [InlineData("134520832", "0x0804a000 is not in an executable segment of the program")] // the same, in decimal
    [InlineData("0x8050000", "0x08050000 is not in an executable segment of the program")] // unmapped
    [InlineData("0x100000000", "'0x100000000' is not a 32-bit hexadecimal address")]
    [InlineData("main", "no symbol 'main': the program has no symbol table (stripped); give an address")]
    public void AnAddressThatNamesNoCodeIsRefused(string address, string message)
    {
        var error = Assert.Throws<TranslationDumpException>(() => TranslationDump.Of(ElfBuilder.Minimal().Build(), address, OptLevel.O2));
        Assert.Equal(message, error.Message);
    }
}
