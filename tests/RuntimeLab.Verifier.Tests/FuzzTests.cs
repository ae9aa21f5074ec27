using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Verifier.Tests;

/// <summary>
/// Bounded fuzzing with fixed seeds: valid methods are mutated (their IL bytes in the file, and
/// their instructions and exception clauses in Cecil's model) and verified. The verifier must
/// answer every time, with diagnostics, never with an exception or a hang.
/// </summary>
public class FuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    private static void WithinTime(Action body)
    {
        var task = Task.Run(body);
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "the fuzz run hung");
        task.GetAwaiter().GetResult();
    }

    /// <summary>Byte flips inside method bodies of a file: loading may refuse the file as a whole; verifying may not throw.</summary>
    [Fact]
    public void Verifier_survives_mutated_il_bytes() => WithinTime(() =>
    {
        var random = new Random(20261206);
        var sources = new[] { "stack", "eh", "calls", "objects", "merges" }.Select(f => Path.Combine(Corpus.AssembledDirectory, f + ".dll")).ToArray();
        var dir = Directory.CreateTempSubdirectory("verifier-fuzz-");
        var clock = Stopwatch.StartNew();
        var runs = 0;
        try
        {
            while (clock.Elapsed < Budget || runs < 20)
            {
                var source = sources[random.Next(sources.Length)];
                var bytes = File.ReadAllBytes(source);
                var (start, length) = BodyRange(bytes);
                for (var flips = random.Next(1, 6); flips > 0; flips--)
                    bytes[start + random.Next(length)] = (byte)random.Next(256);
                var path = Path.Combine(dir.FullName, $"m{runs}.dll");
                File.WriteAllBytes(path, bytes);
                VerifyAll(path);
                runs++;
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    });

    /// <summary>
    /// What the verifier accepts, the interpreter runs without a host crash: mutants of a seed
    /// program whose every method verifies run to an ordinary end (an exit code, an unhandled
    /// managed exception, a refused member), never "internal error in RuntimeLab". Mutants with a
    /// backward branch are skipped: they could loop forever, which is no crash. Merely unverifiable
    /// mutants are not run: like CoreCLR in full trust, RuntimeLab runs them unchecked, at their risk.
    /// </summary>
    [Fact]
    public void Accepted_mutants_run_without_a_host_crash() => WithinTime(() =>
    {
        var random = new Random(1206);
        var seed = Path.Combine(Corpus.AssembledDirectory, "fuzz-seed.dll");
        var original = File.ReadAllBytes(seed);
        var (start, length) = BodyRange(original);
        var dir = Directory.CreateTempSubdirectory("verifier-run-fuzz-");
        var ran = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; clock.Elapsed < Budget || ran < 5; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var flips = random.Next(1, 3); flips > 0; flips--)
                    bytes[start + random.Next(length)] = (byte)random.Next(256);
                var path = Path.Combine(dir.FullName, $"run{i}.dll");
                File.WriteAllBytes(path, bytes);
                if (!AcceptedWithoutLoops(path)) continue;
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                try
                {
                    Runtime.AppVm.Run(path, [], new Runtime.AppIo(new StringReader(""), stdout, stderr),
                        new Runtime.RunOptions { MaxCallDepth = 200, HeapLimit = 64 << 20, Verify = Runtime.Interpreter.VerifyMode.Strict });
                }
                catch (Runtime.AppLoadException e)
                {
                    Assert.False(e.Message.StartsWith("internal error", StringComparison.Ordinal), $"mutant {i} crashed the host: {e.Message}");
                }
                ran++;
            }
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP_FUZZ") is null) dir.Delete(recursive: true);
        }
    });

    private static bool AcceptedWithoutLoops(string path)
    {
        try
        {
            using var loader = new VerificationLoader(path, [], Corpus.CoreLibPath);
            var result = AssemblyVerifier.Verify(loader.Assembly.MainModule);
            if (result.Methods.Any(m => !m.IsVerifiable)) return false;
            return result.Methods.All(m => m.Method.Body.Instructions.All(ins => ins.Operand switch
            {
                Instruction t => t.Offset > ins.Offset,
                Instruction[] ts => ts.All(t => t.Offset > ins.Offset),
                _ => true,
            }));
        }
        catch (BytecodeLoadException)
        {
            return false;
        }
    }

    /// <summary>The file range that holds method bodies: from the first body to the metadata.</summary>
    private static (int Start, int Length) BodyRange(byte[] bytes)
    {
        using var pe = new PEReader(new MemoryStream(bytes));
        var md = pe.GetMetadataReader();
        var rvas = md.MethodDefinitions.Select(h => md.GetMethodDefinition(h).RelativeVirtualAddress).Where(r => r != 0).ToList();
        var text = pe.PEHeaders.SectionHeaders.First(s => s.Name == ".text");
        int ToFile(int rva) => rva - text.VirtualAddress + text.PointerToRawData;
        var first = ToFile(rvas.Min());
        var metadata = ToFile(pe.PEHeaders.CorHeader!.MetadataDirectory.RelativeVirtualAddress);
        return (first, Math.Max(1, metadata - first));
    }

    private static void VerifyAll(string path)
    {
        VerificationLoader loader;
        try
        {
            loader = new VerificationLoader(path, [], Corpus.CoreLibPath);
        }
        catch (BytecodeLoadException)
        {
            return; // the file as a whole is malformed: refused with one line, which is right
        }
        using (loader)
            AssemblyVerifier.Verify(loader.Assembly.MainModule);
    }

    /// <summary>Instruction-level mutations in Cecil's model: opcodes, operands, order, branch targets, clauses.</summary>
    [Fact]
    public void Verifier_survives_mutated_instructions_and_clauses() => WithinTime(() =>
    {
        var random = new Random(4);
        using var loader = new VerificationLoader(Corpus.CoreLibPath, [], Corpus.CoreLibPath);
        var methods = loader.Assembly.MainModule.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody && m.Body.Instructions.Count > 2).ToList();
        var opcodes = typeof(OpCodes).GetFields().Select(f => (OpCode)f.GetValue(null)!).ToArray();
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < Budget || runs < 200)
        {
            var method = methods[random.Next(methods.Count)];
            var body = method.Body;
            var saved = body.Instructions.Select(i => (i, i.OpCode, i.Operand, i.Offset)).ToList();
            var savedList = body.Instructions.ToList();
            var savedHandlers = body.ExceptionHandlers.Select(h => (h, h.TryStart, h.TryEnd, h.HandlerStart, h.HandlerEnd, h.FilterStart)).ToList();
            Mutate(body, random, opcodes);
            var offset = 0;
            foreach (var i in body.Instructions) { i.Offset = offset; offset += SafeSize(i); }
            var result = MethodVerifier.Verify(method);
            Assert.NotNull(result.Diagnostics);
            // Undo, so later iterations start from valid code again.
            body.Instructions.Clear();
            foreach (var i in savedList) body.Instructions.Add(i);
            foreach (var (i, op, operand, off) in saved) { i.OpCode = op; i.Operand = operand; i.Offset = off; }
            foreach (var (h, ts, te, hs, he, fs) in savedHandlers) { h.TryStart = ts; h.TryEnd = te; h.HandlerStart = hs; h.HandlerEnd = he; h.FilterStart = fs; }
            runs++;
        }
    });

    private static int SafeSize(Instruction i)
    {
        try { return i.GetSize(); } catch (Exception e) when (e is InvalidCastException or NullReferenceException) { return 5; }
    }

    private static void Mutate(Mono.Cecil.Cil.MethodBody body, Random random, OpCode[] opcodes)
    {
        var code = body.Instructions;
        Instruction Any() => code[random.Next(code.Count)];
        switch (random.Next(6))
        {
            case 0: // another opcode with the same kind of operand
                var target = Any();
                var same = opcodes.Where(o => o.OperandType == target.OpCode.OperandType).ToArray();
                target.OpCode = same[random.Next(same.Length)];
                break;
            case 1: // any opcode at all: operands no longer fit
                Any().OpCode = opcodes[random.Next(opcodes.Length)];
                break;
            case 2:
                code.RemoveAt(random.Next(code.Count));
                break;
            case 3:
                var a = random.Next(code.Count);
                var b = random.Next(code.Count);
                (code[a], code[b]) = (code[b], code[a]);
                break;
            case 4:
                var branches = code.Where(i => i.Operand is Instruction).ToList();
                if (branches.Count > 0) branches[random.Next(branches.Count)].Operand = Any();
                else Any().OpCode = OpCodes.Br;
                break;
            default:
                if (body.ExceptionHandlers.Count == 0)
                    body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally) { TryStart = Any(), TryEnd = Any(), HandlerStart = Any(), HandlerEnd = Any() });
                else
                {
                    var h = body.ExceptionHandlers[random.Next(body.ExceptionHandlers.Count)];
                    h.TryEnd = Any();
                    h.HandlerStart = Any();
                }
                break;
        }
    }
}
