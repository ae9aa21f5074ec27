namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Console I/O: the program's streams are the VM's <see cref="AppIo"/>, not the host's.</summary>
    private void RegisterConsole()
    {
        Add("System.Console::WriteString", (vm, a) => vm.Io.Stdout.Write(VirtualMachine.ReadString((nint)a[0])));
    }
}
