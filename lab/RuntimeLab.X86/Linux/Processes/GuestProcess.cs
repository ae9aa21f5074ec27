using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// One guest process: its pid and family, and the image it runs (address space, CPU, and the kernel's
/// side of it, <see cref="Syscalls"/>). execve swaps the image and keeps the pid; the old image is
/// disposed only at the next scheduling step, because the call that replaced it is still returning into it.
/// </summary>
public sealed class GuestProcess
{
    private readonly List<IDisposable> _retired = [];

    public uint Pid { get; }
    public GuestProcess? Parent { get; internal set; }
    internal List<GuestProcess> Children { get; } = [];

    public UserAddressSpace Memory { get; private set; }
    public IGuestCpu Cpu { get; private set; }
    public Syscalls Kernel { get; private set; }

    /// <summary>How it ended; until its parent waits for it, it is a zombie that holds only this.</summary>
    public ProcessExit? Exit { get; private set; }
    /// <summary>It stopped in a call that has to wait (a read of an empty pipe, wait4); the call is made again on its next turn.</summary>
    public bool Blocked { get; internal set; }
    /// <summary>Guest instructions it has run, across all its images.</summary>
    public ulong InstructionsRun { get; internal set; }

    internal GuestProcess(uint pid, GuestProcess? parent, UserAddressSpace memory, IGuestCpu cpu, Syscalls kernel)
    {
        Pid = pid;
        Parent = parent;
        (Memory, Cpu, Kernel) = (memory, cpu, kernel);
        kernel.Process = this;
    }

    internal void Replace(UserAddressSpace memory, IGuestCpu cpu, Syscalls kernel)
    {
        _retired.AddRange([Kernel, Cpu, Memory]);
        (Memory, Cpu, Kernel) = (memory, cpu, kernel);
        kernel.Process = this;
    }

    internal void DisposeRetired()
    {
        foreach (var image in _retired) image.Dispose();
        _retired.Clear();
    }

    /// <summary>Ends the process: its files close (so pipe readers see end of file) and its memory goes.</summary>
    internal void End(ProcessExit exit)
    {
        Exit = exit;
        Blocked = false;
        DisposeRetired();
        Kernel.Dispose();
        Cpu.Dispose();
        Memory.Dispose();
    }
}
