using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// Guest processes: fork, vfork, clone (without CLONE_VM), execve, wait4/waitpid, and process groups.
// All processes of a run share one session and one process group, led by the first process.
public sealed unsafe partial class Syscalls
{
    private const uint CloneVm = 0x100, CloneVfork = 0x4000, CloneThread = 0x10000, CloneSetTls = 0x80000,
        CloneParentSetTid = 0x100000, CloneChildSetTid = 0x1000000;
    private const int MaxExecStrings = 0x10000;

    private void RegisterFork()
    {
        Register(N.Fork, "fork", "", (in SyscallArgs _) => Fork(0, 0, 0, 0));
        Register(N.Vfork, "vfork", "", (in SyscallArgs _) => Fork(0, 0, 0, 0));
        Register(N.Clone, "clone", "xxxxx", (in SyscallArgs a) => Fork(a.A0, a.A1, a.A2, a.A4));
        Register(N.Execve, "execve", "sxx", (in SyscallArgs a) => Execute(a.A0, a.A1, a.A2));
        Register(N.Wait4, "wait4", "dxdx", (in SyscallArgs a) => Wait((int)a.A0, a.A1, (int)a.A2, a.A3));
        Register(N.Waitpid, "waitpid", "dxd", (in SyscallArgs a) => Wait((int)a.A0, a.A1, (int)a.A2, 0));
        Register(N.Getpgrp, "getpgrp", "", (in SyscallArgs _) => (int)GuestIdentity.Pid);
        Register(N.Getpgid, "getpgid", "d", (in SyscallArgs a) => ProcessGroupOf((int)a.A0));
        Register(N.Getsid, "getsid", "d", (in SyscallArgs a) => ProcessGroupOf((int)a.A0));
        // Accepted and ignored: with one group there is nothing to move between (no job control).
        Register(N.Setpgid, "setpgid", "dd", (in SyscallArgs _) => 0);
        Register(N.Setsid, "setsid", "", (in SyscallArgs _) => -Errno.EPERM);
    }

    /// <summary>
    /// fork, vfork and clone. CLONE_VFORK drops CLONE_VM, as in qemu-i386: the child gets a copy, so the
    /// parent need not wait for it. Threads (CLONE_VM alone, CLONE_THREAD) are out of scope: EINVAL.
    /// </summary>
    private int Fork(uint flags, uint childStack, uint parentTid, uint childTid)
    {
        if ((flags & CloneVfork) != 0) flags &= ~CloneVm;
        if ((flags & (CloneVm | CloneThread | CloneSetTls)) != 0) return -Errno.EINVAL;
        if (Processes is not { } processes || Process is not { } process) return -Errno.ENOSYS;
        var pid = processes.Fork(process, _caller, childStack);
        if (pid < 0) return pid;
        if ((flags & CloneParentSetTid) != 0) Memory.WriteU32(parentTid, (uint)pid);
        if ((flags & CloneChildSetTid) != 0) processes.Targets(pid)[0].Memory.WriteU32(childTid, (uint)pid);
        return pid;
    }

    private int Execute(uint pathAddress, uint argvAddress, uint envpAddress)
    {
        if (Processes is not { } processes || Process is not { } process) return -Errno.ENOSYS;
        var path = Memory.ReadString(pathAddress);
        if (ReadStringArray(argvAddress) is not { } argv || ReadStringArray(envpAddress) is not { } envp) return -Errno.E2BIG;
        // busybox runs its applets this way; the link names the running program, as readlink reports it.
        if (path == "/proc/self/exe") path = ExecutablePath;
        var error = FileSystem.Resolve(path, followFinalLink: true, out var resolved);
        if (error != 0) return -error;
        if (!resolved.Exists) return -Errno.ENOENT;
        if (resolved.IsDirectory) return -Errno.EACCES;
        return processes.Exec(process, resolved.HostPath, resolved.GuestPath, argv, envp);
    }

    /// <summary>A NULL-terminated array of string pointers (argv, envp); a NULL array is empty, as Linux takes it. Null: too long.</summary>
    private List<string>? ReadStringArray(uint address)
    {
        var strings = new List<string>();
        if (address == 0) return strings;
        for (var i = 0; i < MaxExecStrings; i++)
        {
            var pointer = Memory.ReadU32(address + 4 * (uint)i);
            if (pointer == 0) return strings;
            strings.Add(Memory.ReadString(pointer, 128 * 1024));
        }
        return null;
    }

    private int Wait(int pid, uint statusAddress, int options, uint usageAddress)
    {
        if (Processes is not { } processes || Process is not { } process) return -Errno.ECHILD;
        var (result, status) = processes.Wait(process, pid, options);
        if (result <= 0) return result;
        if (statusAddress != 0) Memory.WriteU32(statusAddress, (uint)status);
        if (usageAddress != 0) Memory.Write(usageAddress, new byte[72]);  // struct rusage: nothing is accounted
        return result;
    }

    private int ProcessGroupOf(int pid) =>
        pid == 0 || (Processes?.Targets(pid).Count ?? (pid == Pid ? 1 : 0)) > 0 ? (int)GuestIdentity.Pid : -Errno.ESRCH;
}
