namespace RuntimeLab.Jit.Compile;

/// <summary>A function's native code: where it is and how long it is (from the object's symbol table).</summary>
public sealed record CompiledFunction(string Name, nint Address, int Size)
{
    /// <summary>The machine code bytes. Valid only while the owning <see cref="CompiledModule"/> is alive.</summary>
    public unsafe ReadOnlySpan<byte> Code => new((void*)Address, Size);
}
