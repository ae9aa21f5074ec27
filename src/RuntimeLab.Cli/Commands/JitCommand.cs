using System.CommandLine;
using RuntimeLab.Cli.Help;
using RuntimeLab.Cli.Rendering;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Lab.Experiments.Backend;

namespace RuntimeLab.Cli.Commands;

/// <summary>`runtimelab jit …`: the shared backend's teaching views.</summary>
public static class JitCommand
{
    public static Command Create()
    {
        var jit = new Command("jit", "The shared LLVM backend: see how IR becomes native code.");
        jit.Subcommands.Add(CreateDemo());
        jit.Subcommands.Add(CreateDump());
        return Examples.Attach(jit, "runtimelab jit demo", "runtimelab jit dump app.dll --method 'Program::Main'");
    }

    private static Command CreateDemo()
    {
        var n = new Option<long>("--n") { Description = "The loop bound the compiled function runs with.", DefaultValueFactory = _ => BackendDemo.DefaultN };
        var layout = new LayoutOptions();
        var demo = new Command("demo",
            "Build a loop in LLVM IR, compile it at O0 and O2, run both, and show IR before/after optimization and native code side by side.")
        { n };
        layout.AddTo(demo);
        Examples.Attach(demo, "runtimelab jit demo", "runtimelab jit demo --layout stacked --n 1000", "runtimelab jit demo | less -S");
        demo.SetAction(parse =>
        {
            var bound = parse.GetValue(n);
            if (bound < 0) throw new CliException("--n must not be negative", ExitCodes.UsageError);
            var report = BackendDemo.Run(bound);
            Console.Out.Write(Render(report, layout.Width(parse), layout.Chosen(parse)));
            return report.Levels.All(l => l.Result == report.ManagedResult) ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return demo;
    }

    private static Command CreateDump()
    {
        var file = new Argument<string>("assembly") { Description = "A .NET assembly (app.dll)." };
        var method = new Option<string>("--method") { Description = "The method, as Type::Method (* is a wildcard; the first match is shown).", Required = true };
        var opt = OptOption("the JIT's own level is 2");
        var layout = new LayoutOptions();
        var dump = new Command("dump",
            "Show one method at every stage of the JIT: CIL with the importer's stack types, the prepared form the CIL frontend lowers, " +
            "LLVM IR before and after optimization side by side, and the native code. The program does not run.")
        { file, method, opt };
        layout.AddTo(dump);
        Examples.Attach(dump, "runtimelab jit dump app.dll --method 'Program::Fib'", "runtimelab jit dump app.dll --method '*::Advance' --opt 0 --layout stacked");
        dump.SetAction(parse =>
        {
            var level = Level(parse.GetValue(opt));
            Runtime.Jit.JitDumpReport report;
            try
            {
                report = Runtime.Jit.JitDump.Dump(parse.GetValue(file)!, parse.GetValue(method)!, level);
            }
            catch (Runtime.AppLoadException e)
            {
                throw new CliException(e.Message);
            }
            Console.Out.Write(RenderDump(report, level, layout.Width(parse), layout.Chosen(parse)));
            return report.Refusal is null ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return dump;
    }

    /// <summary>--opt 0|1|2, default 2: the LLVM level a dump compiles at (<paramref name="whose"/> says which level the engine itself uses).</summary>
    internal static Option<int> OptOption(string whose)
    {
        var opt = new Option<int>("--opt") { Description = $"LLVM optimization level: 0, 1 or 2 ({whose}).", DefaultValueFactory = _ => 2 };
        opt.AcceptOnlyFromAmong("0", "1", "2");
        return opt;
    }

    internal static OptLevel Level(int opt) => opt switch { 0 => OptLevel.O0, 1 => OptLevel.O1, _ => OptLevel.O2 };

    internal static string RenderDump(Runtime.Jit.JitDumpReport report, OptLevel level, int width, Layout layout)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{report.Method} through RuntimeLab's JIT (LLVM {LlvmLibrary.VersionString()})");
        text.AppendLine();
        text.AppendLine("1. CIL, with the evaluation-stack types the IL importer proves before each instruction:");
        text.Append(report.StackTypedIl);
        text.AppendLine();
        text.AppendLine("2. The prepared form (three-address operations over frame slots) that the CIL frontend lowers:");
        text.Append(report.Prepared);
        text.AppendLine();
        if (report.Refusal is { } why)
        {
            text.AppendLine($"The JIT does not compile this method: {why}. It runs in the interpreter.");
            return text.ToString();
        }
        text.Append(SideBySide.Render("3. LLVM IR as the CIL frontend built it", report.IrBefore!, $"4. LLVM IR after {level}", report.IrAfter!, width, layout));
        text.AppendLine();
        var s = report.Stats!;
        text.AppendLine($"5. Native x86-64 code ({s.CodeBytes} bytes; IR {s.IrInstructionsBefore}→{s.IrInstructionsAfter} instructions, passes {Ms(s.PassTime)}, codegen {Ms(s.CodegenTime)}):");
        text.Append(report.Native);
        return text.ToString();
    }

    internal static string Render(DemoReport report, int width, Layout layout)
    {
        var o0 = report.Levels.First(l => l.Level == OptLevel.O0);
        var o2 = report.Levels.First(l => l.Level == OptLevel.O2);
        var text = new System.Text.StringBuilder();
        text.AppendLine($"RuntimeLab JIT demo: one function through the shared LLVM backend (LLVM {LlvmLibrary.VersionString()}, {LlvmLibrary.Loaded.Path})");
        text.AppendLine();
        text.AppendLine("The function, as a frontend would write it:");
        text.AppendLine("    " + report.Source);
        text.AppendLine();
        text.AppendLine("A naive frontend keeps every variable in a stack slot (alloca). O2 promotes them to SSA registers");
        text.AppendLine("and, here, replaces the whole loop by its closed form.");
        text.AppendLine();
        text.Append(SideBySide.Render("LLVM IR as the frontend built it", report.IrBefore, "LLVM IR after O2", o2.IrAfter, width, layout));
        text.AppendLine();
        text.Append(SideBySide.Render($"native x86-64 at O0 ({o0.Stats.CodeBytes} bytes)", NativeDisassembler.Format(o0.Native),
            $"native x86-64 at O2 ({o2.Stats.CodeBytes} bytes)", NativeDisassembler.Format(o2.Native), width, layout));
        text.AppendLine();
        text.AppendLine($"Results for n = {report.N:N0}:");
        text.AppendLine($"  {"engine",-14} {"result",22} {"IR instrs",12} {"passes",9} {"codegen",9} {"run time",10}");
        foreach (var level in report.Levels)
        {
            var s = level.Stats;
            text.AppendLine($"  {"LLVM " + level.Level,-14} {level.Result,22} {$"{s.IrInstructionsBefore}→{s.IrInstructionsAfter}",12} {Ms(s.PassTime),9} {Ms(s.CodegenTime),9} {Ms(level.RunTime),10}");
        }
        text.AppendLine($"  {"C# on CoreCLR",-14} {report.ManagedResult,22} {"",12} {"",9} {"",9} {Ms(report.ManagedRunTime),10}");
        var agree = report.Levels.All(l => l.Result == report.ManagedResult);
        text.AppendLine(agree ? "All engines agree." : "MISMATCH: the engines disagree.");
        return text.ToString();
    }

    internal static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.000} ms";
}
