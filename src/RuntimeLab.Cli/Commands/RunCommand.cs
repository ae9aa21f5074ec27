using System.CommandLine;
using RuntimeLab.Cli.Help;
using RuntimeLab.Runtime;

namespace RuntimeLab.Cli.Commands;

/// <summary><c>runtimelab run app.dll [ARGS…]</c>: a .NET program on RuntimeLab's own VM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var program = new Argument<string>("program") { Description = "A .NET assembly built by the standard SDK (app.dll)." };
        var programArguments = new Argument<string[]>("args") { Description = "Arguments for the program, passed unchanged.", Arity = ArgumentArity.ZeroOrMore };
        var heapLimit = new Option<long?>("--heap-limit") { Description = "Heap limit in MiB; beyond it the program gets OutOfMemoryException." };
        var maxDepth = new Option<int?>("--max-call-depth") { Description = "Managed call depth at which the program stops with \"Stack overflow.\" (default 20000)." };
        var gcStats = new Option<bool>("--gc-stats") { Description = "At exit, print collections per generation, pause times (max, mean, p99), bytes allocated, survived and promoted, and the peak heap on stderr." };
        var gcTrace = new Option<bool>("--gc-trace") { Description = "Print one line per collection on stderr." };
        var gcStress = new Option<int?>("--gc-stress") { Description = "A minor collection at every allocation and a full one every N-th (default N = 16): finds missing roots.", Arity = ArgumentArity.ZeroOrOne, CustomParser = ParseStressPeriod };
        var showPrepared = new Option<string?>("--show-prepared") { Description = "List the interpreter's internal form (prepared three-address operations over frame slots) of each method matching Type::Method (* is a wildcard) on stderr, when it is first prepared." };
        var verify = new Option<string>("--verify")
        {
            Description = "Verification before each method first runs: 'default' refuses invalid IL and runs unverifiable IL (stackalloc, pointers), 'strict' refuses both, 'none' checks nothing.",
            DefaultValueFactory = _ => "default",
        };
        verify.AcceptOnlyFromAmong("default", "strict", "none");
        var tier = new Option<string>("--tier")
        {
            Description = "Where methods run: 'interp' (the interpreter only), 'jit' (each method compiled through LLVM before its first call), " +
                          "'tiered' (interpreted first, compiled in the background after --hot-calls calls, or --hot-loops loop iterations; the default). " +
                          "A method the JIT cannot compile stays interpreted.",
            DefaultValueFactory = _ => "tiered",
        };
        tier.AcceptOnlyFromAmong("interp", "jit", "tiered");
        var hotCalls = new Option<int?>("--hot-calls") { Description = "Calls after which a method is hot in tiered mode (default 30)." };
        var hotLoops = new Option<int?>("--hot-loops")
        {
            Description = "Loop iterations after which a running method moves to compiled code at its loop header " +
                          "(on-stack replacement), in tiered mode (default 1000).",
        };
        var jitLog = new Option<bool>("--jit-log") { Description = "Print one line on stderr per method compiled (why, how long, IR and code size) or left to the interpreter (and why)." };
        var jitStats = new Option<bool>("--jit-stats") { Description = "At exit, print the JIT's totals on stderr: methods compiled, compile time per method (median, p95), IR instructions, code bytes." };
        var run = new Command("run", "Run a .NET program on RuntimeLab: its own loader, interpreter, base library and heap; the host CLR never runs the program.")
        {
            program, programArguments, tier, hotCalls, hotLoops, jitLog, jitStats, heapLimit, maxDepth, gcStats, gcTrace, gcStress, verify, showPrepared,
        };
        Examples.Attach(run, "runtimelab run bytecode/samples/hello/bin/Release/net10.0/hello.dll",
            "runtimelab run --gc-stats --gc-trace app.dll 16",
            "runtimelab run --verify strict app.dll",
            "runtimelab run --tier jit --jit-log --jit-stats app.dll",
            "runtimelab run --show-prepared 'Program::Fib' app.dll");
        run.SetAction(parse =>
        {
            var options = new RunOptions
            {
                HeapLimit = (parse.GetValue(heapLimit) ?? 0) << 20,
                MaxCallDepth = parse.GetValue(maxDepth) ?? 20_000,
                GcStats = parse.GetValue(gcStats),
                GcTrace = parse.GetValue(gcTrace),
                GcStress = parse.GetResult(gcStress) is null ? 0 : parse.GetValue(gcStress) ?? 16,
                ShowPrepared = parse.GetValue(showPrepared),
                Verify = Enum.Parse<Runtime.Interpreter.VerifyMode>(parse.GetValue(verify)!, ignoreCase: true),
                Tier = Enum.Parse<Runtime.Jit.TierMode>(parse.GetValue(tier)!, ignoreCase: true),
                HotCalls = parse.GetValue(hotCalls) is { } calls ? calls >= 1 ? calls : throw new CliException("--hot-calls must be at least 1", ExitCodes.UsageError) : 30,
                HotLoops = parse.GetValue(hotLoops) is { } loops ? loops >= 1 ? loops : throw new CliException("--hot-loops must be at least 1", ExitCodes.UsageError) : 1000,
                JitLog = parse.GetValue(jitLog) ? Console.Error : null,
                JitStats = parse.GetValue(jitStats),
            };
            var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            try
            {
                return AppVm.Run(parse.GetValue(program)!, parse.GetValue(programArguments) ?? [],
                    new AppIo(Console.In, stdout, Console.Error), options);
            }
            catch (AppLoadException e)
            {
                stdout.Flush();
                throw new CliException(e.Message);
            }
            finally
            {
                stdout.Flush();
            }
        });
        return run;
    }

    /// <summary>`--gc-stress` alone means a full collection every 16th; `--gc-stress=N` or `--gc-stress N` sets N.</summary>
    private static int? ParseStressPeriod(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return 16;
        if (int.TryParse(result.Tokens[0].Value, out var n) && n > 0) return n;
        result.AddError($"--gc-stress takes a positive number of allocations, not '{result.Tokens[0].Value}'");
        return null;
    }
}
