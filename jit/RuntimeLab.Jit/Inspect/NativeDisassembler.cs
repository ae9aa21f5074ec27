using System.Runtime.InteropServices;
using System.Text;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Inspect;

/// <summary>One decoded host instruction.</summary>
public sealed record NativeInstruction(ulong Address, byte[] Bytes, string Text)
{
    public override string ToString() => $"{Address:x12}  {Convert.ToHexString(Bytes).ToLowerInvariant(),-20}  {Text}";
}

/// <summary>Disassembles live JIT'd code in Intel syntax with LLVM's own disassembler.</summary>
public static unsafe class NativeDisassembler
{
    public static IReadOnlyList<NativeInstruction> Disassemble(CompiledFunction function) =>
        Disassemble(function.Address, function.Size);

    public static IReadOnlyList<NativeInstruction> Disassemble(nint address, int size)
    {
        LlvmLibrary.EnsureLoaded();
        var triple = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "x86_64-unknown-linux-gnu" : throw new PlatformNotSupportedException();
        var context = Disassembler.CreateDisasmCpuFeatures(triple, Target.HostCpuName(), Target.HostCpuFeatures(), 0, 0, 0, 0);
        if (context.IsNull) throw new JitException($"LLVM has no disassembler for {triple}");
        try
        {
            Disassembler.SetOptions(context, Disassembler.OptionIntelSyntax | Disassembler.OptionPrintImmHex);
            var result = new List<NativeInstruction>();
            var text = stackalloc byte[256];
            var offset = 0;
            while (offset < size)
            {
                var at = (byte*)address + offset;
                var length = (int)Disassembler.DisasmInstruction(context, at, (ulong)(size - offset), (ulong)(address + offset), text, 256);
                if (length == 0)
                {
                    // Undecodable padding or data: show the byte and move on rather than stop the listing.
                    result.Add(new NativeInstruction((ulong)(address + offset), [*at], "(bad)"));
                    offset++;
                    continue;
                }
                var line = Marshal.PtrToStringUTF8((nint)text)!.Trim().Replace('\t', ' ');
                var next = (ulong)(address + offset + length);
                result.Add(new NativeInstruction((ulong)(address + offset), new ReadOnlySpan<byte>(at, length).ToArray(), WithBranchTarget(line, next, (ulong)address)));
                offset += length;
            }
            return result;
        }
        finally
        {
            Disassembler.Dispose(context);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex s_relativeBranch =
        new(@"^(j[a-z]+|call|loop[a-z]*|jmp) (-?\d+)$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>
    /// Without a symbolizer LLVM prints a relative branch as its displacement ("jle 61"); a reader
    /// wants the target, so it is rewritten to the absolute address and its offset in the function.
    /// </summary>
    private static string WithBranchTarget(string text, ulong nextInstruction, ulong functionStart)
    {
        var match = s_relativeBranch.Match(text);
        if (!match.Success) return text;
        var target = nextInstruction + (ulong)long.Parse(match.Groups[2].Value);
        var inside = target >= functionStart ? $" <+0x{target - functionStart:x}>" : "";
        return $"{match.Groups[1].Value} 0x{target:x}{inside}";
    }

    /// <summary>The listing as text, one instruction per line.</summary>
    public static string Format(IEnumerable<NativeInstruction> instructions)
    {
        var text = new StringBuilder();
        foreach (var instruction in instructions) text.AppendLine(instruction.ToString());
        return text.ToString();
    }
}
