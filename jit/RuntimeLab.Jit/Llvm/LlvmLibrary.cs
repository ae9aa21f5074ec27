using System.Reflection;
using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm;

/// <summary>Where libLLVM was found, and which major version it is.</summary>
public sealed record LlvmLocation(string Path, int Major, string Source);

/// <summary>No usable libLLVM: the message says what was tried and how to install one.</summary>
public sealed class LlvmNotFoundException(string message) : Exception(message);

/// <summary>
/// Finds Debian's libLLVM and binds the logical name "LLVM" (used by every [LibraryImport] in
/// this assembly) to it. Order: RUNTIMELAB_LLVM, then LLVM 19, then any newer major up to 22.
/// </summary>
public static class LlvmLibrary
{
    public const string LogicalName = "LLVM";
    public const string EnvironmentVariable = "RUNTIMELAB_LLVM";
    public const int PreferredMajor = 19;
    public const int NewestMajor = 22;
    public const string InstallHint = "apt-get install -y libllvm19";

    private static readonly Lock s_gate = new();
    private static LlvmLocation? s_loaded;
    private static IntPtr s_handle;

    /// <summary>The library in use, loading it on first call. Throws <see cref="LlvmNotFoundException"/>.</summary>
    public static LlvmLocation Loaded
    {
        get
        {
            EnsureLoaded();
            return s_loaded!;
        }
    }

    /// <summary>Loads libLLVM and initializes the host (x86) target once. Safe to call from any thread.</summary>
    public static void EnsureLoaded()
    {
        if (s_loaded is not null) return;
        lock (s_gate)
        {
            if (s_loaded is not null) return;
            var location = Locate();
            if (!NativeLibrary.TryLoad(location.Path, out s_handle))
                throw new LlvmNotFoundException($"libLLVM at {location.Path} could not be loaded: is it a shared library for {RuntimeInformation.ProcessArchitecture}?");
            // The resolver must be in place before the first P/Invoke into "LLVM".
            NativeLibrary.SetDllImportResolver(typeof(LlvmLibrary).Assembly, Resolve);
            Native.Target.InitializeHostTarget();
            Native.Errors.InstallFatalErrorHandler();
            s_loaded = location;
        }
    }

    /// <summary>Finds the library without loading it. Throws <see cref="LlvmNotFoundException"/>.</summary>
    public static LlvmLocation Locate()
    {
        var overridePath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (!File.Exists(overridePath))
                throw new LlvmNotFoundException($"{EnvironmentVariable}={overridePath}: no such file. Point it at a libLLVM shared library, or unset it to use Debian's libllvm{PreferredMajor}.");
            return new LlvmLocation(overridePath, MajorFromFileName(overridePath), EnvironmentVariable);
        }
        foreach (var major in SearchOrder())
            foreach (var candidate in CandidatePaths(major))
                if (File.Exists(candidate))
                    return new LlvmLocation(candidate, major, "system");
        throw new LlvmNotFoundException(
            $"libLLVM {PreferredMajor}–{NewestMajor} not found (looked in {string.Join(", ", SearchDirectories(PreferredMajor))}). Install it with: {InstallHint}");
    }

    /// <summary>Major.minor.patch as the loaded library reports it (LLVM ≥ 16), else the file-name major.</summary>
    public static string VersionString()
    {
        EnsureLoaded();
        if (NativeLibrary.TryGetExport(s_handle, "LLVMGetVersion", out _))
        {
            Native.Core.GetVersion(out var major, out var minor, out var patch);
            return $"{major}.{minor}.{patch}";
        }
        return s_loaded!.Major.ToString();
    }

    /// <summary>Whether the loaded library exports <paramref name="symbol"/>: how version differences are chosen at run time.</summary>
    public static bool Exports(string symbol)
    {
        EnsureLoaded();
        return NativeLibrary.TryGetExport(s_handle, symbol, out _);
    }

    internal static IEnumerable<int> SearchOrder()
    {
        yield return PreferredMajor;
        for (var major = PreferredMajor + 1; major <= NewestMajor; major++) yield return major;
    }

    private static IEnumerable<string> SearchDirectories(int major)
    {
        var multiarch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => "x86_64-linux-gnu",
        };
        yield return $"/usr/lib/{multiarch}";
        yield return $"/usr/lib/llvm-{major}/lib";
    }

    private static IEnumerable<string> CandidatePaths(int major)
    {
        // From LLVM 18 on the soname is libLLVM.so.N.1; Debian also ships a libLLVM-N.so link.
        foreach (var dir in SearchDirectories(major))
        {
            yield return Path.Combine(dir, $"libLLVM.so.{major}.1");
            yield return Path.Combine(dir, $"libLLVM-{major}.so");
        }
    }

    internal static int MajorFromFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        // libLLVM.so.19.1, libLLVM-19.so, libLLVM-15.so.1
        var digits = new string(name.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, out var major) ? major : 0;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LogicalName ? s_handle : IntPtr.Zero;
}
