using System.CommandLine;
using System.Text;
using RuntimeLab.Cli.Help;
using RuntimeLab.Cli.Rendering;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.Cli.Commands;

/// <summary>
/// `runtimelab x86 dump PROGRAM --addr ADDR`: one guest block through the binary translator, as QEMU's
/// <c>-d in_asm,op,out_asm</c> shows it: the guest instructions, the LLVM IR before and after
/// optimization, and the host code. The program is loaded, not run.
/// </summary>
internal static class X86DumpCommand
{
    public static Command Create()
    {
        var program = new Argument<string>("program") { Description = "A static i386 ELF executable (gcc -m32 -static), as a host path." };
        var address = new Option<string?>("--addr")
        {
            Description = "The block's first instruction: 0x-prefixed hex (0x8049000), decimal, or a symbol of the program's " +
                          "symbol table (main). Default: the ELF entry point.",
        };
        var unit = new Option<bool>("--unit")
        {
            Description = "Dump the translation unit tiered mode compiles when the block gets hot: the block and the blocks its direct " +
                          "branches reach on its pages (up to 8), as one function with their loops inside.",
        };
        var opt = JitCommand.OptOption("the translator's own level is 2");
        var layout = new LayoutOptions();
        var dump = new Command("dump",
            "Show one guest block at every stage of the binary translator: the guest x86 instructions (address, bytes, Intel syntax), " +
            "the LLVM IR the x86 frontend built and after optimization side by side, and the host x86-64 code. The block is decoded " +
            "from the loaded program as the run loop decodes it and compiled by the real backend; nothing runs. --engine and the " +
            "--jit-* options are accepted, so a run's options can be kept, but the dump always translates, whichever engine they name.")
        { program, address, unit, opt };
        layout.AddTo(dump);
        var engine = new X86EngineOptions();
        engine.AddTo(dump);
        Examples.Attach(dump,
            "runtimelab x86 dump lab/guests/build/bench/sieve --addr main",
            "runtimelab x86 dump lab/guests/build/bench/spectral-norm --addr times --unit",
            "runtimelab x86 dump lab/guests/build/user/hello --addr 0x8049000 --opt 0 --layout stacked",
            "runtimelab x86 dump --engine dbt lab/guests/build/user/hello");
        dump.SetAction(parse =>
        {
            engine.Read(parse); // validated as for `x86 run`; the dump translates whatever engine is named
            var programPath = parse.GetValue(program)!;
            var level = JitCommand.Level(parse.GetValue(opt));
            TranslationDump report;
            try
            {
                report = TranslationDump.Of(File.ReadAllBytes(programPath), parse.GetValue(address), level, parse.GetValue(unit));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new CliException($"x86: {programPath}: no such file", X86Command.NotFound);
            }
            catch (ElfException bad)
            {
                throw new CliException($"x86: {programPath}: {bad.Message}", X86Command.CannotExecute);
            }
            catch (TranslationDumpException bad)
            {
                throw new CliException($"x86 dump: {programPath}: {bad.Message}", ExitCodes.UsageError);
            }
            Console.Out.Write(Render(report, level, layout.Width(parse), layout.Chosen(parse)));
            return ExitCodes.Ok;
        });
        return dump;
    }

    /// <summary>The four views in the order the translation makes them, laid out as `jit dump` lays out its own.</summary>
    internal static string Render(TranslationDump report, OptLevel level, int width, Layout layout)
    {
        var where = report.Symbol is { } symbol ? $"0x{report.Address:x8} <{symbol}>" : $"0x{report.Address:x8}";
        var s = report.Stats;
        var text = new StringBuilder();
        text.AppendLine($"The guest block at {where} through RuntimeLab's x86 translator (LLVM {LlvmLibrary.VersionString()}), as {report.Function}");
        text.AppendLine();
        text.AppendLine($"1. Guest x86 instructions ({report.GuestInstructions.Count}), as the block cache decoded them:");
        foreach (var line in report.GuestInstructions) text.AppendLine(line);
        text.AppendLine();
        text.Append(SideBySide.Render("2. LLVM IR as the x86 frontend built it", report.IrBefore, $"3. LLVM IR after {level}", report.IrAfter, width, layout));
        text.AppendLine();
        text.AppendLine($"4. Host x86-64 code ({s.CodeBytes} bytes; IR {s.IrInstructionsBefore}→{s.IrInstructionsAfter} instructions, " +
                        $"passes {JitCommand.Ms(s.PassTime)}, codegen {JitCommand.Ms(s.CodegenTime)}):");
        text.Append(NativeDisassembler.Format(report.HostInstructions));
        return text.ToString();
    }
}
