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
                result.Add(new NativeInstruction((ulong)(address + offset), new ReadOnlySpan<byte>(at, length).ToArray(), line));
                offset += length;
            }
            return result;
        }
        finally
        {
            Disassembler.Dispose(context);
        }
    }

    /// <summary>The listing as text, one instruction per line.</summary>
    public static string Format(IEnumerable<NativeInstruction> instructions)
    {
        var text = new StringBuilder();
        foreach (var instruction in instructions) text.AppendLine(instruction.ToString());
        return text.ToString();
    }
}
