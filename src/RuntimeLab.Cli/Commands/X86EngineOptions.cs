using System.CommandLine;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.Cli.Commands;

/// <summary>The engine options `x86 run` and `x86 boot` share: --engine, --hot-threshold, --jit-log, --jit-stats.</summary>
internal sealed class X86EngineOptions
{
    private readonly Option<string> _engine = new("--engine")
    {
        Description = "How guest code runs: interp (the interpreter), dbt (every block translated to host code through LLVM before it runs), " +
                      "or tiered (blocks interpreted until hot, then translated in the background).",
        DefaultValueFactory = _ => "tiered",
    };
    private readonly Option<int> _hotThreshold = new("--hot-threshold")
    {
        Description = "Tiered: executions of a block before it is translated.",
        DefaultValueFactory = _ => EngineOptions.DefaultHotThreshold,
    };
    private readonly Option<bool> _jitLog = new("--jit-log") { Description = "Print one line per translated, discarded or failed block on stderr." };
    private readonly Option<bool> _jitStats = new("--jit-stats") { Description = "At exit, print blocks translated, invalidations, compile time per block, code bytes and the share of instructions run compiled." };

    public void AddTo(Command command)
    {
        command.Options.Add(_engine);
        command.Options.Add(_hotThreshold);
        command.Options.Add(_jitLog);
        command.Options.Add(_jitStats);
    }

    public EngineOptions Read(ParseResult parse)
    {
        var name = parse.GetValue(_engine)!;
        if (!EngineOptions.TryParse(name, out var engine))
            throw new CliException($"x86: --engine {name}: not an engine; use interp, dbt or tiered", ExitCodes.UsageError);
        if (parse.GetValue(_hotThreshold) < 1) throw new CliException("x86: --hot-threshold must be at least 1", ExitCodes.UsageError);
        return new EngineOptions
        {
            Engine = engine,
            HotThreshold = parse.GetValue(_hotThreshold),
            JitLog = parse.GetValue(_jitLog) ? Console.Error : null,
        };
    }

    /// <summary>The --jit-stats report, if asked for and the engine translates.</summary>
    public void Report(ParseResult parse, Interpreter? cpu)
    {
        if (!parse.GetValue(_jitStats) || cpu is null) return;
        if (cpu.Translation is { } stats) Console.Error.WriteLine(stats.Report(cpu.InstructionsRetired).Replace("dbt: ", "runtimelab: dbt: "));
        else Console.Error.WriteLine("runtimelab: dbt: the interpreter ran every instruction (--engine interp)");
    }
}
