namespace RuntimeLab.X86.Dbt;

/// <summary>
/// The four views of one translation, QEMU's <c>-d in_asm,op,out_asm</c> in one place: the guest
/// instructions, the LLVM IR the x86 frontend built, the IR after the backend's passes, and the host code.
/// </summary>
public sealed record TranslationDump(
    uint Eip,
    IReadOnlyList<string> GuestInstructions,
    string IrBefore,
    string IrAfter,
    IReadOnlyList<string> HostInstructions,
    /// <summary>For each guest instruction: lowered inline, or through the interpreter's handler (a helper call).</summary>
    IReadOnlyList<bool> LoweredInline);
