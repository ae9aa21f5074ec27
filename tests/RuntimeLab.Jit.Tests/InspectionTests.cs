using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Tests;

public sealed class InspectionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly JitSession _jit = fixture.Session;

    private CompiledModule CompileClamp(string name, OptLevel level)
    {
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I32, t.I32, t.Ptr);
        Attributes.Add(module, f, AttributeIndex.Function, "nounwind");
        Attributes.Add(module, f, AttributeIndex.Parameter(1), "noalias");
        var big = module.AppendBlock(f, "big");
        var small = module.AppendBlock(f, "small");
        var branch = Core.BuildCondBr(b, Core.BuildICmp(b, IntPredicate.Sgt, Core.GetParam(f, 0), Core.ConstInt(t.I32, 100L)), big, small);
        BranchWeights.Set(module, branch, 1, 1000);
        Core.PositionBuilderAtEnd(b, big);
        Core.BuildRet(b, Core.ConstInt(t.I32, 100L));
        Core.PositionBuilderAtEnd(b, small);
        Core.BuildRet(b, Core.BuildMul(b, Core.GetParam(f, 0), Core.ConstInt(t.I32, 3L)));
        return _jit.Compile(module, new CompileOptions { Level = level, CaptureIr = true });
    }

    [Fact]
    public void IrDumpsNameTheFunctionAndHoldItsInstructionsAndMetadata()
    {
        var name = Levels.Unique("clamp");
        using var compiled = CompileClamp(name, OptLevel.O2);
        Assert.Contains($"define i32 @{name}(i32", compiled.IrBeforeOptimization);
        Assert.Contains("mul i32", compiled.IrBeforeOptimization);
        Assert.Contains("branch_weights", compiled.IrBeforeOptimization);
        Assert.Contains("noalias", compiled.IrBeforeOptimization);
        Assert.Contains($"@{name}(", compiled.IrAfterOptimization);
        Assert.True(compiled.Stats.IrInstructionsAfter <= compiled.Stats.IrInstructionsBefore);
    }

    [Theory]
    [InlineData(OptLevel.O0)]
    [InlineData(OptLevel.O2)]
    public void DisassemblyCoversTheWholeFunctionAndEndsInAReturn(OptLevel level)
    {
        var name = Levels.Unique("clamp");
        using var compiled = CompileClamp(name, level);
        var function = compiled[name];
        Assert.True(function.Size > 0);
        var listing = NativeDisassembler.Disassemble(function);
        Assert.Equal(function.Size, listing.Sum(i => i.Bytes.Length));
        Assert.Equal((ulong)function.Address, listing[0].Address);
        Assert.Contains(listing, i => i.Text.StartsWith("ret", StringComparison.Ordinal));
        Assert.DoesNotContain(listing, i => i.Text == "(bad)");
        // Intel syntax: the multiply by 3 shows up as an lea or imul on 32-bit registers.
        Assert.Contains(listing, i => i.Text.StartsWith("imul", StringComparison.Ordinal) || i.Text.StartsWith("lea", StringComparison.Ordinal));
    }

    [Fact]
    public void LeanAndFullPipelinesBothRunAndOptLevelsParse()
    {
        foreach (var level in Enum.GetValues<OptLevel>())
        {
            using var compiled = CompileClamp(Levels.Unique("clamp_" + level), level);
            Assert.Equal(level, compiled.Stats.Level);
        }
        Assert.True(OptLevels.TryParse("O2", out var o2) && o2 == OptLevel.O2);
        Assert.True(OptLevels.TryParse("0", out var o0) && o0 == OptLevel.O0);
        Assert.True(OptLevels.TryParse("lean", out var lean) && lean == OptLevel.Lean);
        Assert.False(OptLevels.TryParse("O7", out _));
    }
}

public sealed class BranchTargetTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public void RelativeBranchesAreShownWithTheirTargetInsideTheFunction()
    {
        var jit = fixture.Session;
        var name = Levels.Unique("branchy");
        var module = jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I64, t.I64);
        var yes = module.AppendBlock(f, "yes");
        var no = module.AppendBlock(f, "no");
        Core.BuildCondBr(b, Core.BuildICmp(b, IntPredicate.Slt, Core.GetParam(f, 0), Core.ConstInt(t.I64, 0L)), yes, no);
        Core.PositionBuilderAtEnd(b, yes);
        Core.BuildRet(b, Core.ConstInt(t.I64, 1L));
        Core.PositionBuilderAtEnd(b, no);
        Core.BuildRet(b, Core.ConstInt(t.I64, 2L));
        using var compiled = jit.Compile(module, CompileOptions.At(OptLevel.O0));
        var function = compiled[name];
        var listing = NativeDisassembler.Disassemble(function);
        var branch = Assert.Single(listing, i => i.Text.StartsWith('j') && !i.Text.StartsWith("jmp", StringComparison.Ordinal));
        // The target must be the start of an instruction of the same function.
        var target = ulong.Parse(branch.Text.Split(' ')[1][2..], System.Globalization.NumberStyles.HexNumber);
        Assert.Contains(listing, i => i.Address == target);
        Assert.Contains($"<+0x{target - (ulong)function.Address:x}>", branch.Text);
    }
}

public sealed class ObjectSectionTests
{
    /// <summary>
    /// A frontend that records GC roots with LLVM stack maps needs the .llvm_stackmaps section of
    /// every object it links; the session hands it over with the compiled module.
    /// </summary>
    [Fact]
    public void StackMapSectionIsCapturedFromTheLinkedObject()
    {
        using var session = new JitSession();
        var module = session.CreateModule("stackmapped");
        var t = module.Types;
        var (f, b) = module.DefineFunction("stackmapped", t.I64, t.I64);
        Intrinsics.Call(module, b, "llvm.experimental.stackmap", [], [Core.ConstInt(t.I64, 42L), Core.ConstInt(t.I32, 0L), Core.GetParam(f, 0)]);
        Core.BuildRet(b, Core.GetParam(f, 0));
        using var compiled = session.Compile(module, CompileOptions.At(OptLevel.O2));

        var section = compiled.Sections[".llvm_stackmaps"];
        // Stack map format v3: version byte 3, then reserved bytes; one function and one record (id 42) follow.
        Assert.Equal(3, section[0]);
        var functions = BitConverter.ToUInt32(section, 4);
        var records = BitConverter.ToUInt32(section, 12);
        Assert.Equal(1u, functions);
        Assert.Equal(1u, records);
    }

    [Fact]
    public void PerfMapNamesEveryCompiledFunction()
    {
        var path = $"/tmp/perf-{Environment.ProcessId}.map";
        using (var session = new JitSession(new JitOptions { PerfMap = true }))
        {
            var module = session.CreateModule("perf_mapped");
            var (_, b) = module.DefineFunction("perf_mapped_fn", module.Types.I64);
            Core.BuildRet(b, Core.ConstInt(module.Types.I64, 3L));
            using var compiled = session.Compile(module);
            var function = compiled["perf_mapped_fn"];
            session.Dispose();
            Assert.Contains($"{function.Address:x} {function.Size:x} perf_mapped_fn", File.ReadAllLines(path));
        }
        File.Delete(path);
    }
}
