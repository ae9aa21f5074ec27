namespace RuntimeLab.X86.Linux;

/// <summary>
/// A static i386 program loaded into guest memory: what the initial stack's auxiliary vector and
/// the brk system call need to know about it.
/// </summary>
/// <param name="Entry">The first instruction (AT_ENTRY), load bias applied.</param>
/// <param name="ProgramHeaders">Guest address of the program headers inside a loaded segment (AT_PHDR), or 0 if none holds them.</param>
/// <param name="ProgramHeaderCount">AT_PHNUM.</param>
/// <param name="ProgramHeaderSize">AT_PHENT.</param>
/// <param name="InitialBreak">The page-aligned end of the highest segment: where brk starts.</param>
/// <param name="LoadBias">0 for ET_EXEC; where a static PIE was placed otherwise.</param>
/// <param name="Tls">The PT_TLS template, if any (glibc sets TLS up itself from the program headers).</param>
/// <param name="ExecutableStack">PT_GNU_STACK asked for an executable stack (or there was no PT_GNU_STACK).</param>
public sealed record ElfImage(
    uint Entry, uint ProgramHeaders, uint ProgramHeaderCount, uint ProgramHeaderSize, uint InitialBreak,
    uint LoadBias, ElfTls? Tls, bool ExecutableStack);

/// <summary>The thread-local storage template: initialized bytes at Address, FileSize of them, MemorySize in all.</summary>
public sealed record ElfTls(uint Address, uint FileSize, uint MemorySize, uint Alignment);
