using System.Globalization;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Dbt;

/// <summary>The block to dump cannot be: no such symbol, an address outside the program's code, bytes that are no instruction.</summary>
public sealed class TranslationDumpException(string message) : Exception(message);

/// <summary>
/// The four views of one translation, QEMU's <c>-d in_asm,op,out_asm</c> in one place: the guest
/// instructions of the block, the LLVM IR the x86 frontend built, the IR after the backend's passes,
/// and the host code. The IR and the host code are the real backend's output for this block.
/// </summary>
/// <param name="Address">The block's first guest instruction.</param>
/// <param name="Symbol">The function it lies in (<c>main</c>, <c>main+0x1c</c>), if the program has symbols.</param>
/// <param name="Function">The compiled function's name.</param>
public sealed record TranslationDump(
    uint Address,
    string? Symbol,
    string Function,
    IReadOnlyList<string> GuestInstructions,
    string IrBefore,
    string IrAfter,
    IReadOnlyList<NativeInstruction> HostInstructions,
    CompileStats Stats)
{
    /// <summary>
    /// Loads the static i386 program <paramref name="elf"/> as <c>x86 run</c> does (nothing of it runs),
    /// decodes the block at <paramref name="address"/> with the CPU's own block cache, and compiles
    /// it aside (it is never installed or run) at <paramref name="level"/> with the IR captured.
    /// </summary>
    /// <param name="address">0x-prefixed hex, decimal, or a symbol name; null or empty for the ELF entry.</param>
    /// <exception cref="ElfException">The file is not a static i386 program.</exception>
    /// <exception cref="TranslationDumpException">The address names no code of the program.</exception>
    /// <param name="unit">
    /// Dump the translation unit tiered mode compiles when this block gets hot: the block with the blocks its
    /// direct branches reach on its pages (decoded here, as a run would have decoded them), as one function.
    /// </param>
    public static unsafe TranslationDump Of(byte[] elf, string? address, OptLevel level, bool unit = false)
    {
        using var memory = new UserAddressSpace();
        var image = ElfLoader.Load(elf, memory);
        var symbols = ElfSymbols.Read(elf, image.LoadBias);
        var eip = Resolve(address, image, symbols);
        if ((memory.ProtectionOf(eip) & Protection.Exec) == 0)
            throw new TranslationDumpException($"0x{eip:x8} is not in an executable segment of the program");

        // The engine does not matter: the dump compiles the block itself, as the translator would.
        using var cpu = Interpreter.ForUserMode(memory, new ThreadArea(), EngineOptions.Interpreter);
        Block* block;
        try
        {
            block = cpu.DecodeBlock(eip);
        }
        catch (GuestFaultException fault)
        {
            throw new TranslationDumpException($"the instruction at 0x{eip:x8} cannot be fetched ({fault.Fault})");
        }
        // The block cache turns undecodable bytes into a one-op #UD block, so the guest faults where it runs them.
        if (block->Ops[0].Code == (ushort)Iced.Intel.Code.INVALID)
            throw new TranslationDumpException($"the bytes at 0x{eip:x8} ({Bytes(cpu.State, eip)}) do not decode as an x86 instruction");

        var snapshot = unit ? UnitOf(cpu, block) : BlockSnapshot.Of(block, cpu.BlockTable);
        var disassembly = new GuestDisassembly();
        var guest = new List<string>();
        foreach (var member in snapshot.Blocks)
        {
            var decoded = (Block*)member.Block;
            if (unit) guest.Add($"; block 0x{member.Eip:x8}");
            for (var k = 0; k < decoded->Count; k++) guest.Add(disassembly.Line(cpu.State, decoded, decoded->Ops + k));
        }

        using var module = BlockTranslator.Session.Compile($"x86_{eip:x8}_dump", m => BlockLowering.Build(m, snapshot),
            new CompileOptions { Level = level, CaptureIr = true });
        var function = module.Functions[0];
        return new TranslationDump(eip, symbols.Describe(eip), function.Name, guest,
            module.IrBeforeOptimization ?? "", module.IrAfterOptimization ?? "", NativeDisassembler.Disassemble(function), module.Stats);
    }

    /// <summary>The unit of <paramref name="block"/>, its members decoded first (a unit takes only blocks already decoded).</summary>
    private static unsafe BlockSnapshot UnitOf(Interpreter cpu, Block* block)
    {
        var snapshot = BlockSnapshot.Of(block, cpu.BlockTable, cpu.Blocks);
        for (var grown = true; grown && snapshot.Blocks.Count < BlockSnapshot.MaxBlocks;)
        {
            grown = false;
            foreach (var target in snapshot.Blocks.SelectMany(member => member.DirectTargets()).Distinct().ToArray())
            {
                if (cpu.Blocks.Peek(target, block->CodeBase, block->Mode) != null) continue;
                var page = (block->CodeBase + target) >> 12;
                if (page < block->FirstPage || page > block->LastPage) continue;
                try
                {
                    cpu.DecodeBlock(target);
                    grown = true;
                }
                catch (GuestFaultException)
                {
                    // A target that cannot be fetched stays out of the unit, as it would in a run.
                }
            }
            snapshot = BlockSnapshot.Of(block, cpu.BlockTable, cpu.Blocks);
        }
        return snapshot;
    }

    /// <summary>The guest address <paramref name="text"/> names: 0x-prefixed hex, decimal digits, or a symbol.</summary>
    private static uint Resolve(string? text, ElfImage image, ElfSymbols symbols)
    {
        if (string.IsNullOrWhiteSpace(text)) return image.Entry;
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
                ? hex
                : throw new TranslationDumpException($"'{text}' is not a 32-bit hexadecimal address");
        if (text.All(char.IsAsciiDigit))
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new TranslationDumpException($"'{text}' is not a 32-bit address");
        return symbols.Find(text) ?? throw new TranslationDumpException(symbols.All.Count == 0
            ? $"no symbol '{text}': the program has no symbol table (stripped); give an address"
            : $"no symbol '{text}' in the program's symbol table");
    }

    /// <summary>The first bytes at <paramref name="eip"/>, as far as they can be read, for the undecodable-bytes message.</summary>
    private static unsafe string Bytes(CpuState* state, uint eip)
    {
        var bytes = new List<string>();
        try
        {
            for (var i = 0u; i < 8; i++) bytes.Add($"{Mem.Read8(state, eip + i):x2}");
        }
        catch (GuestFaultException)
        {
            // The bytes end at an unmapped page: show those before it.
        }
        return string.Join(' ', bytes);
    }
}
