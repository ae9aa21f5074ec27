namespace RuntimeLab.X86.Memory;

/// <summary>A guest page's permissions, as Linux's PROT_* bits.</summary>
[Flags]
public enum Protection : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Exec = 4,
    ReadWrite = Read | Write,
    All = Read | Write | Exec,
}
