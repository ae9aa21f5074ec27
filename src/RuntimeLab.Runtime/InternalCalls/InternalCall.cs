namespace RuntimeLab.Runtime.InternalCalls;

/// <summary>A host function behind a base-library method: reads its arguments from the slots at
/// <c>args</c> (as the interpreter lays them out) and writes its result to <c>args[0]</c>.</summary>
internal sealed unsafe class InternalCall(string name, InternalCallBody body)
{
    public string Name { get; } = name;
    public InternalCallBody Body { get; } = body;
    public void Invoke(VirtualMachine vm, long* args) => Body(vm, args);
}

internal unsafe delegate void InternalCallBody(VirtualMachine vm, long* args);
