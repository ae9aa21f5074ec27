using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Object.h: reading the symbols and sections of an emitted object file.</summary>
public static unsafe partial class ObjectFile
{
    private const string Lib = LlvmLibrary.LogicalName;

    /// <summary>Views <paramref name="buffer"/> as a binary without taking ownership of it.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMCreateBinary")] public static partial BinaryRef CreateBinary(MemoryBufferRef buffer, ContextRef context, out nint errorMessage);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeBinary")] public static partial void DisposeBinary(BinaryRef binary);

    [LibraryImport(Lib, EntryPoint = "LLVMObjectFileCopySectionIterator")] public static partial SectionIteratorRef CopySectionIterator(BinaryRef binary);
    [LibraryImport(Lib, EntryPoint = "LLVMObjectFileIsSectionIteratorAtEnd")] public static partial int IsSectionIteratorAtEnd(BinaryRef binary, SectionIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMMoveToNextSection")] public static partial void MoveToNextSection(SectionIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeSectionIterator")] public static partial void DisposeSectionIterator(SectionIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMGetSectionName")] public static partial byte* GetSectionName(SectionIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMGetSectionSize")] public static partial ulong GetSectionSize(SectionIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMGetSectionContents")] public static partial byte* GetSectionContents(SectionIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMMoveToContainingSection")] public static partial void MoveToContainingSection(SectionIteratorRef sections, SymbolIteratorRef symbol);

    [LibraryImport(Lib, EntryPoint = "LLVMObjectFileCopySymbolIterator")] public static partial SymbolIteratorRef CopySymbolIterator(BinaryRef binary);
    [LibraryImport(Lib, EntryPoint = "LLVMObjectFileIsSymbolIteratorAtEnd")] public static partial int IsSymbolIteratorAtEnd(BinaryRef binary, SymbolIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMMoveToNextSymbol")] public static partial void MoveToNextSymbol(SymbolIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeSymbolIterator")] public static partial void DisposeSymbolIterator(SymbolIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMGetSymbolName")] public static partial byte* GetSymbolName(SymbolIteratorRef iterator);
    [LibraryImport(Lib, EntryPoint = "LLVMGetSymbolSize")] public static partial ulong GetSymbolSize(SymbolIteratorRef iterator);
}
