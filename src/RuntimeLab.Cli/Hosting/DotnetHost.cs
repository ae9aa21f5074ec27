namespace RuntimeLab.Cli.Hosting;

/// <summary>The <c>dotnet</c> executable to start child builds and test runs with.</summary>
public static class DotnetHost
{
    /// <summary>
    /// The host running us when started as <c>dotnet runtimelab.dll</c> (the same SDK, even when
    /// it is not on PATH), else <c>dotnet</c> from PATH.
    /// </summary>
    public static string Path
    {
        get
        {
            var self = Environment.ProcessPath;
            if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            return ExecutableSearch.Find("dotnet")
                ?? throw new MissingDependencyException("dotnet not found on PATH. Install the .NET 10 SDK: https://learn.microsoft.com/dotnet/core/install/linux-debian");
        }
    }
}
