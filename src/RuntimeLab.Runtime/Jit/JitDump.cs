using RuntimeLab.Bytecode.Inspect;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Runtime.Jit;

/// <summary>Every stage of one method through the JIT, as text: CIL with the importer's stack types,
/// the prepared form the frontend lowers, LLVM IR before and after optimization, native code.</summary>
public sealed record JitDumpReport(
    string Method,
    string StackTypedIl,
    string Prepared,
    string? IrBefore,
    string? IrAfter,
    string? Native,
    CompileStats? Stats,
    /// <summary>Why the method does not compile (then only the first two views exist).</summary>
    string? Refusal);

public static class JitDump
{
    /// <summary>Compiles the first method of <paramref name="assemblyPath"/> matching <paramref name="pattern"/>
    /// (Type::Method, * a wildcard) at <paramref name="level"/>, without running the program.</summary>
    public static JitDumpReport Dump(string assemblyPath, string pattern, OptLevel level)
    {
        LoadedProgram program;
        try
        {
            program = ProgramLoader.Load(assemblyPath);
        }
        catch (BytecodeLoadException e)
        {
            throw new AppLoadException(e.Message);
        }
        using (program)
        {
            var definition = StackTypeListing.Select(program.Assembly.MainModule, pattern)
                                 .FirstOrDefault(m => m.HasBody && !m.HasGenericParameters && !m.DeclaringType.HasGenericParameters)
                             ?? throw new AppLoadException($"no non-generic method with a body matches '{pattern}'");
            var il = new StringWriter();
            StackTypeListing.Write(il, definition);
            var io = new AppIo(TextReader.Null, TextWriter.Null, TextWriter.Null);
            using var vm = new VirtualMachine(program.CoreLib, io, new RunOptions { Tier = TierMode.Interp });
            var type = vm.Types.Get(definition.DeclaringType);
            var method = vm.Types.GetMethod(definition, type, []);
            vm.Types.EnsureSignature(method);
            vm.Interpreter.Prepare(method);
            var pm = method.Prepared ?? throw new AppLoadException($"{method.Signature} is an internal call: it has no IL to compile");
            CilJit.PrepareSmallCallees(vm.Interpreter, pm, []); // as jit mode does, so its small leaf callees are inlined here too
            var prepared = new StringWriter();
            PreparedListing.Write(prepared, pm);
            if (MethodCompiler.Refusal(pm) is { } why)
                return new JitDumpReport(method.Signature, il.ToString(), prepared.ToString(), null, null, null, null, why);

            var name = CilJit.FunctionName(pm);
            var environment = CilJit.EnvironmentOf(vm);
            using var compiled = CilJit.Session.Compile(name, module => MethodCompiler.Build(module, pm, name, environment),
                new CompileOptions { Level = level, CaptureIr = true });
            var native = NativeDisassembler.Format(NativeDisassembler.Disassemble(compiled[name]));
            return new JitDumpReport(method.Signature, il.ToString(), prepared.ToString(),
                compiled.IrBeforeOptimization, compiled.IrAfterOptimization, native, compiled.Stats, null);
        }
    }
}
