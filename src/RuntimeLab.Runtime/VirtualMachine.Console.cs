using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime;

internal sealed unsafe partial class VirtualMachine
{
    public void FlushConsole() => Io.Stdout.Flush();

    /// <summary>"System.InvalidOperationException: message", as the unhandled-exception report starts.</summary>
    public string DescribeException(nint exception)
    {
        var type = TypeOf(exception);
        var message = "";
        for (var t = type; t is not null; t = t.BaseType)
        {
            var field = t.InstanceFields.FirstOrDefault(f => f.Name == "_message");
            if (field is null) continue;
            var s = *(nint*)(exception + field.Offset);
            message = s == 0 ? DefaultMessage(TypeSystem.ClrTypeNames.FullName(type.Reference)) : ReadString(s);
            break;
        }
        return $"{TypeSystem.ClrTypeNames.FullName(type.Reference)}: {message}";
    }

    private static string DefaultMessage(string typeName) => $"Exception of type '{typeName}' was thrown.";
}
