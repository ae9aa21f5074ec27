using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Disassembler.h.</summary>
public static unsafe partial class Disassembler
{
    private const string Lib = LlvmLibrary.LogicalName;

    public const ulong OptionPrintImmHex = 2;
    public const ulong OptionIntelSyntax = 4;

    [LibraryImport(Lib, EntryPoint = "LLVMCreateDisasmCPUFeatures", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DisasmContextRef CreateDisasmCpuFeatures(string triple, string cpu, string features, nint info, int tagType, nint getOpInfo, nint symbolLookup);
    [LibraryImport(Lib, EntryPoint = "LLVMSetDisasmOptions")] public static partial int SetOptions(DisasmContextRef context, ulong options);
    [LibraryImport(Lib, EntryPoint = "LLVMDisasmDispose")] public static partial void Dispose(DisasmContextRef context);
    /// <summary>Decodes one instruction at <paramref name="bytes"/>; returns its length, 0 when the bytes are not an instruction.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMDisasmInstruction")]
    public static partial nuint DisasmInstruction(DisasmContextRef context, byte* bytes, ulong size, ulong pc, byte* outText, nuint outSize);
}
