using RuntimeLab.Jit.Llvm;

namespace RuntimeLab.Cli.Doctor;

/// <summary>Which libLLVM the JIT would use, loading it to ask its exact version.</summary>
public static class LlvmCheck
{
    /// <summary>The report row; <paramref name="error"/> is the one-line reason when libLLVM is unusable.</summary>
    public static Finding Run(out string? error)
    {
        try
        {
            var location = LlvmLibrary.Locate();
            var version = LlvmLibrary.VersionString();
            error = null;
            return new Finding("libLLVM", FindingStatus.Ok, $"{version}  {location.Path} ({location.Source})");
        }
        catch (Exception exception) when (exception is LlvmNotFoundException or DllNotFoundException or EntryPointNotFoundException)
        {
            error = exception.Message;
            var fix = exception is LlvmNotFoundException && exception.Message.Contains(LlvmLibrary.InstallHint)
                ? ""
                : $" Install with: {DebianInstall.Command("libllvm19")}";
            return new Finding("libLLVM", FindingStatus.Missing, exception.Message + fix);
        }
    }
}
