namespace RuntimeLab.Lab.Harness;

/// <summary>Finds an executable the way a shell would: a path as given, a bare name on PATH.</summary>
internal static class ExecutableLocator
{
    public static string? Find(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar))
            return File.Exists(executable) ? executable : null;
        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        return searchPath
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
    }
}
