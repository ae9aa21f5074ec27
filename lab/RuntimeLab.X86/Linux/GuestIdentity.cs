namespace RuntimeLab.X86.Linux;

/// <summary>
/// Who the guest is. Fixed numbers instead of the host's, so that runs (and their straces) are the same
/// on every machine: user 1000, whose first process is 1000 (its parent 999); children take 1001, 1002, ….
/// </summary>
public static class GuestIdentity
{
    public const uint Pid = 1000, ParentPid = 999, Uid = 1000, Gid = 1000;
    public const string Hostname = "runtimelab";
}
