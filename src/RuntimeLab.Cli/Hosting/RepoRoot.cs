namespace RuntimeLab.Cli.Hosting;

/// <summary>The RuntimeLab source tree: the folder holding RuntimeLab.sln.</summary>
public static class RepoRoot
{
    public const string HomeVariable = "RUNTIMELAB_HOME";
    public const string SolutionFile = "RuntimeLab.sln";

    /// <summary>RUNTIMELAB_HOME (set by the launcher), else the nearest folder above this program holding the solution.</summary>
    public static string Find()
    {
        var home = Environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrEmpty(home))
        {
            return File.Exists(Path.Combine(home, SolutionFile))
                ? home
                : throw new CliException($"{HomeVariable}={home} does not contain {SolutionFile}.");
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        throw new CliException($"cannot find the RuntimeLab source tree ({SolutionFile}) above {AppContext.BaseDirectory}; set {HomeVariable}.");
    }
}
