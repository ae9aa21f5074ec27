namespace RuntimeLab.X86.Linux;

/// <summary>The six i386 system call arguments, from EBX, ECX, EDX, ESI, EDI, EBP.</summary>
public readonly record struct SyscallArgs(uint A0 = 0, uint A1 = 0, uint A2 = 0, uint A3 = 0, uint A4 = 0, uint A5 = 0)
{
    public uint this[int index] => index switch { 0 => A0, 1 => A1, 2 => A2, 3 => A3, 4 => A4, _ => A5 };
}
