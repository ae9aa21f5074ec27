using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Tests;

public sealed unsafe class InlineAsmTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly JitSession _jit = fixture.Session;

    /// <summary>A register in, a register out: "lea 1(x, x, 2)" computes 3x + 1.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void RegisterOperandsInAndOut(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("asm_lea");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I64, t.I64);
        var result = InlineAsm.Call(b, t.Function(t.I64, t.I64), "leaq 1($1,$1,2), $0", "=r,r", [Core.GetParam(f, 0)]);
        Core.BuildRet(b, result);
        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        Assert.Equal(3 * 41L + 1, Invoke.I64(compiled[name].Address, 41));
    }

    /// <summary>Memory through a pointer operand, with a clobber: x87 adds two 80-bit values in place (the host's own long double).</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void MemoryThroughPointerWithClobbers(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("asm_x87");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.Void, t.Ptr);
        InlineAsm.Call(b, t.Function(t.Void, t.Ptr), "fldt 0($0)\n\tfldt 16($0)\n\tfaddp %st, %st(1)\n\tfstpt 32($0)",
            "r,~{memory},~{st},~{st(1)},~{fpsw},~{dirflag},~{fpsr},~{flags}", [Core.GetParam(f, 0)]);
        Core.BuildRetVoid(b);
        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var buffer = stackalloc ulong[6];
        // 1.5 and 2.25 as x87 extended: explicit integer bit, biased exponent 0x3FFF + e.
        buffer[0] = 0xC000_0000_0000_0000; buffer[1] = 0x3FFF;
        buffer[2] = 0x9000_0000_0000_0000; buffer[3] = 0x4000;
        ((delegate* unmanaged<ulong*, void>)compiled[name].Address)(buffer);
        // 3.75 = 1.875 × 2^1.
        Assert.Equal(0xF000_0000_0000_0000, buffer[4]);
        Assert.Equal(0x4000UL, buffer[5] & 0xFFFF);
    }
}
