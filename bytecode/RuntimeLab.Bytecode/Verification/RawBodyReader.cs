using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ModuleDefinition = Mono.Cecil.ModuleDefinition;
using MethodDefinition = Mono.Cecil.MethodDefinition;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// The bytes of method bodies as they are in the file. Cecil decodes IL into instructions and
/// quietly turns a branch into the middle of an instruction, or a clause that ends nowhere, into a
/// null: the structural checks must see the raw offsets, so they read them here.
/// </summary>
public sealed class RawBodyReader : IDisposable
{
    private readonly PEReader _pe;
    public MetadataReader Metadata { get; }

    private RawBodyReader(PEReader pe)
    {
        _pe = pe;
        Metadata = pe.GetMetadataReader();
    }

    /// <summary>A reader for the module's file, or null when the module has none (built in memory) or it cannot be read.</summary>
    public static RawBodyReader? Open(ModuleDefinition module)
    {
        if (string.IsNullOrEmpty(module.FileName) || !File.Exists(module.FileName)) return null;
        try
        {
            return new RawBodyReader(new PEReader(new MemoryStream(File.ReadAllBytes(module.FileName))));
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The body at the method's RVA; throws <see cref="BadImageFormatException"/> for a malformed header.</summary>
    public MethodBodyBlock? BodyOf(MethodDefinition method) => method.RVA == 0 ? null : _pe.GetMethodBody(method.RVA);

    /// <summary>The body's size in bytes, header and clauses included; 0 where it cannot be read.</summary>
    public int SizeOf(MethodDefinition method)
    {
        try
        {
            return BodyOf(method)?.Size ?? 0;
        }
        catch (BadImageFormatException)
        {
            return 0;
        }
    }

    public void Dispose() => _pe.Dispose();
}
