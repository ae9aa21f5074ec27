namespace RuntimeLab.Jit.Compile;

/// <summary>What one module's compilation cost and produced.</summary>
public sealed record CompileStats(
    OptLevel Level,
    int Functions,
    int IrInstructionsBefore,
    int IrInstructionsAfter,
    TimeSpan PassTime,
    TimeSpan CodegenTime,
    long CodeBytes)
{
    public TimeSpan TotalTime => PassTime + CodegenTime;
}
