using System.Text;

namespace RuntimeLab.X86.Linux;

/// <summary>A defined symbol of an ELF's .symtab: its address (load bias applied), size and whether it is a function.</summary>
public readonly record struct ElfSymbol(string Name, uint Address, uint Size, bool IsFunction);

/// <summary>
/// The symbol table (SHT_SYMTAB) of an i386 ELF, for tools that name guest code (`x86 dump --addr main`).
/// The loader needs none of it (static programs are not linked at run time), so it is read only on
/// request; a stripped program simply has no symbols. Every offset is range-checked, as in <see cref="ElfLoader"/>.
/// </summary>
public sealed class ElfSymbols
{
    private const int SectionHeaderSize = 40, SymbolSize = 16;
    private const uint ShtSymtab = 2, SttFunc = 2;

    public IReadOnlyList<ElfSymbol> All { get; }

    private ElfSymbols(IReadOnlyList<ElfSymbol> symbols) => All = symbols;

    /// <summary>The defined symbols of <paramref name="file"/> (an ELF the loader accepted), moved by <paramref name="loadBias"/>.</summary>
    public static ElfSymbols Read(ReadOnlySpan<byte> file, uint loadBias)
    {
        var shoff = U32(file, 32);
        var shentsize = U16(file, 46);
        var shnum = U16(file, 48);
        var symbols = new List<ElfSymbol>();
        if (shoff == 0 || shnum == 0) return new ElfSymbols(symbols);
        if (shentsize != SectionHeaderSize || (ulong)shoff + (ulong)shnum * SectionHeaderSize > (ulong)file.Length)
            throw new ElfException($"section headers at 0x{shoff:x} lie beyond the end of the file ({file.Length} bytes)");
        for (var i = 0; i < shnum; i++)
        {
            var header = (int)shoff + i * SectionHeaderSize;
            if (U32(file, header + 4) != ShtSymtab) continue;
            var table = Section(file, header);
            var link = U32(file, header + 24);
            if (link >= shnum) throw new ElfException($"symbol table {i} links to string table {link}, beyond the {shnum} sections");
            var names = Section(file, (int)shoff + (int)link * SectionHeaderSize);
            for (var at = 0; at + SymbolSize <= table.Length; at += SymbolSize)
            {
                var entry = table.Slice(at, SymbolSize);
                var section = U16(entry, 14);
                var name = Name(names, U32(entry, 0));
                if (section == 0 || name.Length == 0) continue; // undefined, or a section/file entry without a name
                symbols.Add(new ElfSymbol(name, U32(entry, 4) + loadBias, U32(entry, 8), (entry[12] & 0xF) == SttFunc));
            }
        }
        return new ElfSymbols(symbols);
    }

    /// <summary>The address of the symbol named <paramref name="name"/> (a function first, if several share it), or null.</summary>
    public uint? Find(string name) =>
        All.Where(s => s.Name == name).OrderByDescending(s => s.IsFunction).Select(s => (uint?)s.Address).FirstOrDefault();

    /// <summary>The function containing <paramref name="address"/>, as <c>name</c> or <c>name+0xN</c>; null if none does.</summary>
    public string? Describe(uint address)
    {
        var function = All.Where(s => s.IsFunction && address >= s.Address && address - s.Address < Math.Max(1, s.Size))
            .OrderByDescending(s => s.Address).FirstOrDefault();
        if (function.Name is null) return null;
        return address == function.Address ? function.Name : $"{function.Name}+0x{address - function.Address:x}";
    }

    private static ReadOnlySpan<byte> Section(ReadOnlySpan<byte> file, int header)
    {
        var offset = U32(file, header + 16);
        var size = U32(file, header + 20);
        if ((ulong)offset + size > (ulong)file.Length)
            throw new ElfException($"section at 0x{offset:x} (size 0x{size:x}) lies beyond the end of the file ({file.Length} bytes)");
        return file.Slice((int)offset, (int)size);
    }

    private static string Name(ReadOnlySpan<byte> names, uint offset)
    {
        if (offset >= names.Length) return "";
        var rest = names[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    private static ushort U16(ReadOnlySpan<byte> data, int at) => ElfLoader.U16(data, at);
    private static uint U32(ReadOnlySpan<byte> data, int at) => ElfLoader.U32(data, at);
}
