namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Console I/O: the program's streams are the VM's <see cref="AppIo"/>, not the host's.</summary>
    private void RegisterConsole()
    {
        Add("System.Console::WriteToStream", (vm, a) => Stream(vm, (int)a[0]).Write(VirtualMachine.ReadString((nint)a[1])));
        Add("System.Console::FlushStream", (vm, a) => Stream(vm, (int)a[0]).Flush());
        Add("System.Console::ReadLineFromStdin", (vm, a) => a[0] = vm.Io.Stdin.ReadLine() is { } line ? vm.NewString(line) : 0);
    }

    private static TextWriter Stream(VirtualMachine vm, int stream) => stream == 2 ? vm.Io.Stderr : vm.Io.Stdout;
}
