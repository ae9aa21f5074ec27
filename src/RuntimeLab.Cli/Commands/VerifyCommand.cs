using System.CommandLine;
using System.Diagnostics;
using RuntimeLab.Bytecode.Inspect;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Verification;
using RuntimeLab.Cli.Help;

namespace RuntimeLab.Cli.Commands;

/// <summary>
/// <c>runtimelab verify app.dll</c>: ECMA-335 verification of every method, with ILVerify's error
/// identifiers and line format, and a summary. Exit 0 when every method verifies, 1 when not.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("assembly") { Description = "A .NET assembly (app.dll, or a library)." };
        var references = new Option<string[]>("-r", "--reference")
        {
            Description = "A folder to look for referenced assemblies in (after the base library, before the shared framework). Repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var method = new Option<string?>("--method") { Description = "Only methods whose Type::Method matches this pattern (* is a wildcard), e.g. 'Program::*'." };
        var verbose = new Option<bool>("--verbose") { Description = "Show each verified method's IL beside the stack state the importer proved at every offset, errors marked under their instruction." };
        var verify = new Command("verify", "Verify a CIL assembly as ECMA-335 (and ILVerify) define it: structure, stack depths, exception regions, and type safety.")
        {
            file, references, method, verbose,
        };
        verify.Description += """


            Each error is one line in ILVerify's format:
              [IL]: Error [StackUnexpected]: [app : Program::Main(string[])][offset 0x00000004][found int32][expected ref(string)] Unexpected type on the stack.
            Errors are classed as ECMA-335 does: invalid (not correct CIL; `run` always refuses it) or
            unverifiable (correct, but not provably type-safe: pointers, localloc; `run` runs it unless --verify strict).
            """;
        Examples.Attach(verify,
            "runtimelab verify app.dll",
            "runtimelab verify app.dll --method 'Program::*' --verbose",
            "runtimelab verify lib.dll -r ./deps -r ./more-deps",
            "runtimelab verify /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Linq.dll");
        verify.SetAction(parse =>
        {
            VerificationLoader loader;
            try
            {
                loader = new VerificationLoader(parse.GetValue(file)!, parse.GetValue(references) ?? []);
            }
            catch (BytecodeLoadException e)
            {
                throw new CliException(e.Message);
            }
            using (loader)
            {
                var showStates = parse.GetValue(verbose);
                var output = Console.Out;
                var clock = Stopwatch.StartNew();
                var result = AssemblyVerifier.Verify(loader.Assembly.MainModule, parse.GetValue(method), m =>
                {
                    if (showStates) WriteVerbose(output, m);
                    else foreach (var d in m.Diagnostics) output.WriteLine(d.Format());
                });
                clock.Stop();
                if (result.Methods.Count == 0 && parse.GetValue(method) is { } pattern)
                    throw new CliException($"no method with a body matches '{pattern}'");
                WriteSummary(output, result, clock.Elapsed);
                return result.Failing == 0 ? ExitCodes.Ok : ExitCodes.Failure;
            }
        });
        return verify;
    }

    private static void WriteVerbose(TextWriter output, MethodVerification m)
    {
        output.WriteLine($"{MethodIdentity.Of(m.Method)}: {(m.IsVerifiable ? "verifies" : $"{m.Diagnostics.Count} error(s)")}");
        if (m.Imported is { } imported)
            StackTypeListing.WriteStates(output, imported, ins =>
            {
                var here = m.Diagnostics.Where(d => d.Offset == ins.Offset).Select(d => $"[{d.Error}]{d.Explanation}").ToArray();
                return here.Length == 0 ? null : string.Join("\n             ^ ", here);
            });
        foreach (var d in m.Diagnostics) output.WriteLine("    " + d.Format());
        output.WriteLine();
    }

    private static void WriteSummary(TextWriter output, AssemblyVerification result, TimeSpan elapsed)
    {
        var invalid = result.Methods.Count(m => !m.IsValid);
        output.WriteLine();
        output.WriteLine($"{result.Methods.Count} method(s) checked: {result.Verified} verify, {result.Failing} fail ({invalid} invalid, {result.Failing - invalid} only unverifiable).");
        foreach (var (error, count) in result.ByIdentifier)
            output.WriteLine($"  {error,-32} {count,6}  {VerifierErrors.ClassOf(error).ToString().ToLowerInvariant()}");
        output.Flush(); // the summary before the timing line, when both go to one terminal
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        Console.Error.WriteLine($"verified {result.IlBytes:N0} IL bytes in {elapsed.TotalMilliseconds:F0} ms ({result.IlBytes / seconds / 1e6:F1} MB/s, {result.Methods.Count / seconds:F0} methods/s)");
    }
}
