using System.Runtime.InteropServices;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Compile;

/// <summary>
/// What one emitted object file holds: its function sizes, its code bytes, and the raw contents of
/// the sections a frontend may want (such as <c>.llvm_stackmaps</c>, if a frontend uses statepoints).
/// </summary>
public sealed record ObjectSummary(IReadOnlyDictionary<string, int> SymbolSizes, long CodeBytes, IReadOnlyDictionary<string, byte[]> Sections)
{
    /// <summary>Sections whose bytes are kept; everything else is only measured.</summary>
    public static readonly string[] CapturedSections = [".llvm_stackmaps"];

    public static unsafe ObjectSummary Read(MemoryBufferRef buffer)
    {
        var binary = ObjectFile.CreateBinary(buffer, default, out var error);
        if (binary.IsNull) throw new JitException($"unreadable object file: {Core.TakeMessage(error)}");
        try
        {
            var sizes = new Dictionary<string, int>();
            var symbols = ObjectFile.CopySymbolIterator(binary);
            for (; ObjectFile.IsSymbolIteratorAtEnd(binary, symbols) == 0; ObjectFile.MoveToNextSymbol(symbols))
            {
                var name = Marshal.PtrToStringUTF8((nint)ObjectFile.GetSymbolName(symbols));
                var size = ObjectFile.GetSymbolSize(symbols);
                if (!string.IsNullOrEmpty(name) && size > 0) sizes[name] = checked((int)size);
            }
            ObjectFile.DisposeSymbolIterator(symbols);

            long codeBytes = 0;
            var captured = new Dictionary<string, byte[]>();
            var sections = ObjectFile.CopySectionIterator(binary);
            for (; ObjectFile.IsSectionIteratorAtEnd(binary, sections) == 0; ObjectFile.MoveToNextSection(sections))
            {
                var name = Marshal.PtrToStringUTF8((nint)ObjectFile.GetSectionName(sections)) ?? "";
                var size = ObjectFile.GetSectionSize(sections);
                if (name.StartsWith(".text", StringComparison.Ordinal)) codeBytes += (long)size;
                if (CapturedSections.Contains(name))
                    captured[name] = new ReadOnlySpan<byte>(ObjectFile.GetSectionContents(sections), checked((int)size)).ToArray();
            }
            ObjectFile.DisposeSectionIterator(sections);
            return new ObjectSummary(sizes, codeBytes, captured);
        }
        finally
        {
            ObjectFile.DisposeBinary(binary);
        }
    }
}
