using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// The guest processes of one run, all in this host process: pids, parents and children, and the
/// kernel's side of fork, execve, exit and wait. The first process gets pid 1000 (its parent is 999,
/// outside the run); each child takes the next pid. <see cref="UserModeProcess"/> schedules them.
/// </summary>
public sealed unsafe class ProcessTable(Func<UserAddressSpace, ThreadArea, IGuestCpu> createCpu)
{
    public const int WaitNoHang = 1;
    /// <summary>
    /// Processes (zombies included) a run may hold, as RLIMIT_NPROC bounds a user: each costs about 20 MiB
    /// of host memory (its page tables and fast-path entries) plus its pages, so a fork bomb gets EAGAIN.
    /// </summary>
    public const int MaxProcesses = 64;
    private readonly SortedDictionary<uint, GuestProcess> _processes = [];
    private uint _nextPid = GuestIdentity.Pid;

    /// <summary>Living processes and zombies, by pid.</summary>
    public IEnumerable<GuestProcess> All => _processes.Values;

    public GuestProcess Start(UserAddressSpace memory, IGuestCpu cpu, Syscalls kernel)
    {
        kernel.Processes = this;
        var process = new GuestProcess(_nextPid++, null, memory, cpu, kernel);
        _processes.Add(process.Pid, process);
        return process;
    }

    /// <summary>
    /// fork, vfork, and clone without CLONE_VM: a child with a copy of the caller's memory, registers,
    /// files and signal actions, whose system call returns 0. vfork does not suspend the parent, as
    /// under qemu-i386: the copy makes that unnecessary.
    /// </summary>
    public int Fork(GuestProcess parent, CpuState* caller, uint childStack = 0)
    {
        if (_processes.Count >= MaxProcesses) return -Errno.EAGAIN;
        var memory = parent.Memory.Clone();
        var threadArea = parent.Kernel.ThreadArea.Copy();
        var cpu = createCpu(memory, threadArea);
        CopyRegisters(caller, cpu.State);
        cpu.State->Regs[Gpr.Eax] = 0;
        if (childStack != 0) cpu.State->Regs[Gpr.Esp] = childStack;
        var kernel = parent.Kernel.CopyForChild(memory, threadArea, cpu.SetSegmentBase);
        var child = new GuestProcess(_nextPid++, parent, memory, cpu, kernel);
        parent.Children.Add(child);
        _processes.Add(child.Pid, child);
        return (int)child.Pid;
    }

    /// <summary>
    /// execve: the program at <paramref name="hostPath"/> replaces the caller's image. Fds marked
    /// close-on-exec close; handled signals revert to their default. Returns a negative errno, or 0 once
    /// the new image is in place (the old one then gets no result: it is gone).
    /// </summary>
    public int Exec(GuestProcess process, string hostPath, string guestPath, IReadOnlyList<string> argv, IReadOnlyList<string> envp)
    {
        byte[] file;
        try { file = File.ReadAllBytes(hostPath); }
        catch (IOException) { return -Errno.EIO; }
        catch (UnauthorizedAccessException) { return -Errno.EACCES; }

        var memory = new UserAddressSpace();
        ElfImage image;
        InitialStackLayout stack;
        try
        {
            image = ElfLoader.Load(file, memory);
            stack = InitialStack.Build(memory, image, argv, envp, guestPath, process.Kernel.Random);
        }
        catch (Exception e) when (e is ElfException or ArgumentException)
        {
            memory.Dispose();
            // ENOEXEC for what is not a static i386 ELF: a shell then runs the file as a script, as it should.
            return e is ElfException ? -Errno.ENOEXEC : -Errno.E2BIG;
        }
        var threadArea = new ThreadArea();
        var cpu = createCpu(memory, threadArea);
        cpu.State->Eip = image.Entry;
        cpu.State->Regs[Gpr.Esp] = stack.StackPointer;
        var kernel = process.Kernel.CopyForExec(memory, threadArea, cpu.SetSegmentBase, image.InitialBreak, guestPath);
        process.Replace(memory, cpu, kernel);
        return 0;
    }

    /// <summary>
    /// A process has ended: it becomes a zombie for its parent to reap, its parent gets SIGCHLD, and its
    /// children pass to no one (nothing reaps them; they vanish when they end). A parent that ignores
    /// SIGCHLD (SIG_IGN or SA_NOCLDWAIT) reaps its children at once, as POSIX allows.
    /// </summary>
    public void Ended(GuestProcess process, ProcessExit exit)
    {
        process.Kernel.StraceLine(exit.Signal is { } signal ? $"+++ killed by {Signals.Name(signal)} +++" : $"+++ exited with {exit.Status} +++");
        process.End(exit);
        foreach (var orphan in process.Children) orphan.Parent = null;
        process.Children.Clear();
        if (process.Parent is not { } parent) { _processes.Remove(process.Pid); return; }
        var action = parent.Kernel.SignalState.ActionOf(Signals.SIGCHLD);
        if (action.IsIgnore || action.Has(SignalAction.NoChildWait)) Reap(process);
        parent.Kernel.Post(SignalInfo.ChildEnded(process.Pid, exit));
    }

    /// <summary>
    /// wait4: reaps an ended child that <paramref name="pid"/> selects (-1 or 0 any, &gt; 0 that one),
    /// giving its pid and wait status; 0 with WNOHANG while the children run; -ECHILD without children;
    /// otherwise the caller has to wait (<see cref="Errno.Restart"/>).
    /// </summary>
    public (int Result, int Status) Wait(GuestProcess parent, int pid, int options)
    {
        var candidates = parent.Children.Where(c => pid <= 0 || c.Pid == (uint)pid).ToList();
        if (candidates.Count == 0) return (-Errno.ECHILD, 0);
        if (candidates.FirstOrDefault(c => c.Exit != null) is { } ended)
        {
            Reap(ended);
            return ((int)ended.Pid, WaitStatus(ended.Exit!));
        }
        return ((options & WaitNoHang) != 0 ? 0 : Errno.Restart, 0);
    }

    /// <summary>The processes kill(pid) reaches: pid &gt; 0 that one; 0 or -1 every process of the run (there is one session and group).</summary>
    public IReadOnlyList<GuestProcess> Targets(int pid) => pid > 0
        ? _processes.TryGetValue((uint)pid, out var process) && process.Exit == null ? [process] : []
        : [.. _processes.Values.Where(p => p.Exit == null)];

    /// <summary>Ends every process still running (the run is over) and forgets them all.</summary>
    public void EndAll(ProcessExit exit)
    {
        foreach (var process in _processes.Values.ToList()) if (process.Exit == null) process.End(exit);
        _processes.Clear();
    }

    private void Reap(GuestProcess child)
    {
        child.Parent?.Children.Remove(child);
        child.Parent = null;
        _processes.Remove(child.Pid);
    }

    /// <summary>The status word wait returns: exit status in bits 8..15, or the killing signal in bits 0..6.</summary>
    public static int WaitStatus(ProcessExit exit) => exit.Signal is { } signal ? signal : (exit.Status & 0xFF) << 8;

    /// <summary>Everything architectural; not the fields that tie a CPU state to its own memory and owner.</summary>
    private static void CopyRegisters(CpuState* from, CpuState* to)
    {
        var tlb = to->Tlb;
        var (mask, space, owner) = (to->TlbMask, to->AddressSpaceHandle, to->OwnerHandle);
        *to = *from;
        to->Tlb = tlb;
        (to->TlbMask, to->AddressSpaceHandle, to->OwnerHandle) = (mask, space, owner);
        to->Stop = StopReason.None;
        to->InstructionCount = 0;
    }
}
