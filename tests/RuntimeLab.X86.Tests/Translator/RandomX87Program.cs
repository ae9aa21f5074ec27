using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Translator;

/// <summary>
/// A random x87 instruction sequence for the differential test of the translator's inline x87: loads
/// and stores in every memory format, the arithmetic in all its forms, compares into the status word
/// and into EFLAGS, FXCH, FCHS, FABS, FSQRT, FRNDINT, FCMOVcc, and now and then FLDCW with another
/// rounding or precision mode (or unmasked exceptions), FNSTSW, FNCLEX and an integer instruction,
/// which end a run of x87 code. The operands come from a data page of edge values: zeros, denormals,
/// infinities, quiet and signaling NaNs, values that round. The generator tracks the stack depth and
/// mostly keeps it legal, but sometimes under- or overflows it on purpose, so the handlers behind the
/// inline code run too. The same seed gives the same program.
/// </summary>
internal sealed class RandomX87Program
{
    public const uint DataBase = Interp.GuestCode.DataAddress;
    private const int Float64s = 0x000, Float32s = 0x400, Float80s = 0x600, Int32s = 0x800, Int16s = 0x880, ControlWords = 0x900, Stores = 0xA00;
    private const int Float64Count = 64, Float32Count = 64, Float80Count = 24, Int32Count = 32, Int16Count = 32, StoreSlots = 0x500 / 16;

    private static readonly ushort[] s_controlWords = [0x037F, 0x077F, 0x0B7F, 0x0F7F, 0x027F, 0x007F, 0x0372, 0x037E];

    private readonly Random _random;
    private readonly Assembler _a;
    private int _depth;

    private RandomX87Program(int seed, Assembler assembler)
    {
        _random = new Random(seed);
        _a = assembler;
    }

    public static void Emit(int seed, Assembler assembler, int items = 60) => new RandomX87Program(seed, assembler).Emit(items);

    /// <summary>The data page: edge values and random ones in each format, and the control words FLDCW takes.</summary>
    public static byte[] Data(int seed)
    {
        var random = new Random(~seed);
        var page = new byte[0x1000];
        random.NextBytes(page);
        double[] doubles = [0.0, -0.0, 1.0, -1.5, 0.1, 1e308, -1e-308, 4.9e-324, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 3.0, 1.0 / 3.0, 2.5, -2.5, 1e-30];
        for (var k = 0; k < Float64Count; k++)
        {
            var bits = k < doubles.Length ? BitConverter.DoubleToUInt64Bits(doubles[k]) : k == doubles.Length ? 0x7FF0_0000_0000_0001UL /* signaling */ : (ulong)random.NextInt64();
            if (k > doubles.Length && random.Next(3) == 0) bits = BitConverter.DoubleToUInt64Bits((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-60, 60)));
            BitConverter.TryWriteBytes(page.AsSpan(Float64s + 8 * k), bits);
        }
        float[] floats = [0f, -0f, 1f, 0.1f, float.MaxValue, 1e-45f, float.PositiveInfinity, float.NaN, -3f, 7.5f];
        for (var k = 0; k < Float32Count; k++)
        {
            var bits = k < floats.Length ? BitConverter.SingleToUInt32Bits(floats[k]) : k == floats.Length ? 0x7F80_0001u : (uint)random.Next();
            if (k > floats.Length && random.Next(3) == 0) bits = BitConverter.SingleToUInt32Bits((float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 30))));
            BitConverter.TryWriteBytes(page.AsSpan(Float32s + 4 * k), bits);
        }
        (ulong Significand, ushort SignExponent)[] extended = [(0, 0), (1UL << 63, 0x3FFF), (0xC000_0000_0000_0000, 0xFFFF), (0x8000_0000_0000_0001, 0x7FFF), (1, 0), (1UL << 63, 0x7FFF), (0xAAAA_AAAA_AAAA_AAAB, 0x3FFD)];
        for (var k = 0; k < Float80Count; k++)
        {
            var (significand, signExponent) = k < extended.Length ? extended[k] : ((ulong)random.NextInt64() | (1UL << 63), (ushort)(random.Next(0x3F00, 0x4100) | (random.Next(2) << 15)));
            BitConverter.TryWriteBytes(page.AsSpan(Float80s + 16 * k), significand);
            BitConverter.TryWriteBytes(page.AsSpan(Float80s + 16 * k + 8), signExponent);
        }
        int[] ints = [0, 1, -1, int.MaxValue, int.MinValue, 3, 1000000007];
        for (var k = 0; k < Int32Count; k++) BitConverter.TryWriteBytes(page.AsSpan(Int32s + 4 * k), k < ints.Length ? ints[k] : random.Next(-100000, 100000));
        for (var k = 0; k < Int16Count; k++) BitConverter.TryWriteBytes(page.AsSpan(Int16s + 2 * k), (short)random.Next(short.MinValue, short.MaxValue));
        for (var k = 0; k < s_controlWords.Length; k++) BitConverter.TryWriteBytes(page.AsSpan(ControlWords + 2 * k), s_controlWords[k]);
        return page;
    }

    private void Emit(int items)
    {
        _a.mov(ebx, DataBase);
        for (var i = 0; i < items; i++) Item();
    }

    /// <summary>True now and then: the next op may break the stack rules (the handler's stack-fault path then runs).</summary>
    private bool Reckless => _random.Next(25) == 0;

    private int Register(int atLeast = 0) => _random.Next(atLeast, 8);

    private void Item()
    {
        var canPush = _depth < 8 || Reckless;
        var canRead = _depth >= 1 || Reckless;
        var canRead2 = _depth >= 2 || Reckless;
        switch (_random.Next(24))
        {
            case 0 or 1 when canPush: Push(() => _a.fld(Float64())); break;
            case 2 when canPush: Push(() => _a.fld(Float32())); break;
            case 3 when canPush: Push(() => _a.fld(Float80())); break;
            case 4 when canPush: Push(() => { if (_random.Next(2) == 0) _a.fild(Int32()); else _a.fild(Int16()); }); break;
            case 5 when canPush && canRead: Push(() => _a.fld(St(_random.Next(Math.Max(1, _depth))))); break;
            case 6 when canPush:
                Push(() =>
                {
                    switch (_random.Next(4))
                    {
                        case 0: _a.fld1(); break;
                        case 1: _a.fldz(); break;
                        case 2: _a.fldpi(); break;
                        default: _a.fldl2e(); break;
                    }
                });
                break;
            case 7 or 8 or 9 when canRead: ArithmeticWithMemory(); break;
            case 10 or 11 when canRead2: ArithmeticWithRegister(); break;
            case 12 when canRead: Store(); break;
            case 13 when canRead2: _a.fxch(st0, St(1 + _random.Next(Math.Max(1, _depth - 1)))); break;
            case 14 when canRead:
                switch (_random.Next(4))
                {
                    case 0: _a.fchs(); break;
                    case 1: _a.fabs(); break;
                    case 2: _a.fsqrt(); break;
                    default: _a.frndint(); break;
                }
                break;
            case 15 when canRead2: CompareToEflags(); break;
            case 16 when canRead: CompareToStatus(); break;
            case 17 when canRead2:
                _a.fucomi(st0, St(1));
                switch (_random.Next(4))
                {
                    case 0: _a.fcmovb(st0, St(1 + _random.Next(Math.Max(1, _depth - 1)))); break;
                    case 1: _a.fcmove(st0, St(1)); break;
                    case 2: _a.fcmovnbe(st0, St(1)); break;
                    default: _a.fcmovu(st0, St(1)); break;
                }
                break;
            case 18: _a.fldcw(__word_ptr[ebx + ControlWords + 2 * _random.Next(s_controlWords.Length)]); break;
            case 19: _a.fnstsw(ax); break;
            case 20 when _random.Next(3) == 0: _a.fnclex(); break;
            case 21: _a.add(eax, _random.Next(1, 100)); break;
            default: if (_depth > 0) { _a.fstp(St(0)); _depth--; } break;
        }
    }

    private void Push(Action emit)
    {
        emit();
        if (_depth < 8) _depth++;
    }

    private void Pop()
    {
        if (_depth > 0) _depth--;
    }

    private void ArithmeticWithMemory()
    {
        var operation = _random.Next(6);
        switch (_random.Next(4))
        {
            case 0 or 1:
                var m64 = Float64();
                switch (operation) { case 0: _a.fadd(m64); break; case 1: _a.fsub(m64); break; case 2: _a.fsubr(m64); break; case 3: _a.fmul(m64); break; case 4: _a.fdiv(m64); break; default: _a.fdivr(m64); break; }
                break;
            case 2:
                var m32 = Float32();
                switch (operation) { case 0: _a.fadd(m32); break; case 1: _a.fsub(m32); break; case 2: _a.fsubr(m32); break; case 3: _a.fmul(m32); break; case 4: _a.fdiv(m32); break; default: _a.fdivr(m32); break; }
                break;
            default:
                var i32 = Int32();
                switch (operation) { case 0: _a.fiadd(i32); break; case 1: _a.fisub(i32); break; case 2: _a.fisubr(i32); break; case 3: _a.fimul(i32); break; case 4: _a.fidiv(i32); break; default: _a.fidivr(i32); break; }
                break;
        }
    }

    private void ArithmeticWithRegister()
    {
        var i = St(1 + _random.Next(Math.Max(1, _depth - 1)));
        var operation = _random.Next(6);
        switch (_random.Next(3))
        {
            case 0:
                switch (operation) { case 0: _a.fadd(st0, i); break; case 1: _a.fsub(st0, i); break; case 2: _a.fsubr(st0, i); break; case 3: _a.fmul(st0, i); break; case 4: _a.fdiv(st0, i); break; default: _a.fdivr(st0, i); break; }
                break;
            case 1:
                switch (operation) { case 0: _a.fadd(i, st0); break; case 1: _a.fsub(i, st0); break; case 2: _a.fsubr(i, st0); break; case 3: _a.fmul(i, st0); break; case 4: _a.fdiv(i, st0); break; default: _a.fdivr(i, st0); break; }
                break;
            default:
                switch (operation) { case 0: _a.faddp(i, st0); break; case 1: _a.fsubp(i, st0); break; case 2: _a.fsubrp(i, st0); break; case 3: _a.fmulp(i, st0); break; case 4: _a.fdivp(i, st0); break; default: _a.fdivrp(i, st0); break; }
                Pop();
                break;
        }
    }

    private void Store()
    {
        var slot = __[ebx + Stores + 16 * _random.Next(StoreSlots)];
        switch (_random.Next(11))
        {
            case 0: _a.fst(__qword_ptr[slot]); break;
            case 1: _a.fstp(__qword_ptr[slot]); Pop(); break;
            case 2: _a.fst(__dword_ptr[slot]); break;
            case 3: _a.fstp(__dword_ptr[slot]); Pop(); break;
            case 4: _a.fstp(__tword_ptr[slot]); Pop(); break;
            case 5: _a.fist(__dword_ptr[slot]); break;
            case 6: _a.fistp(__word_ptr[slot]); Pop(); break;
            case 7: _a.fistp(__qword_ptr[slot]); Pop(); break;
            case 8: _a.fisttp(__dword_ptr[slot]); Pop(); break;
            case 9: _a.fst(St(Register(1))); break;
            default: _a.fstp(St(Register(1))); Pop(); break;
        }
    }

    private void CompareToEflags()
    {
        var i = St(1 + _random.Next(Math.Max(1, _depth - 1)));
        switch (_random.Next(4))
        {
            case 0: _a.fcomi(st0, i); break;
            case 1: _a.fucomi(st0, i); break;
            case 2: _a.fcomip(st0, i); Pop(); break;
            default: _a.fucomip(st0, i); Pop(); break;
        }
        // A consumer of the flags, as compiled code has them.
        _a.setbe(cl);
        _a.setp(ch);
    }

    private void CompareToStatus()
    {
        switch (_random.Next(5))
        {
            case 0: _a.fcom(Float64()); break;
            case 1: _a.fucom(st0, St(1)); break;
            case 2: _a.fcomp(Float32()); Pop(); break;
            case 3: _a.ficom(Int32()); break;
            default: _a.fucompp(); Pop(); Pop(); break;
        }
        if (_random.Next(2) == 0) _a.fnstsw(ax);
    }

    private AssemblerMemoryOperand Float64() => __qword_ptr[ebx + Float64s + 8 * _random.Next(Float64Count)];
    private AssemblerMemoryOperand Float32() => __dword_ptr[ebx + Float32s + 4 * _random.Next(Float32Count)];
    private AssemblerMemoryOperand Float80() => __tword_ptr[ebx + Float80s + 16 * _random.Next(Float80Count)];
    private AssemblerMemoryOperand Int32() => __dword_ptr[ebx + Int32s + 4 * _random.Next(Int32Count)];
    private AssemblerMemoryOperand Int16() => __word_ptr[ebx + Int16s + 2 * _random.Next(Int16Count)];

    private static AssemblerRegisterST St(int i) => i switch
    {
        0 => st0, 1 => st1, 2 => st2, 3 => st3, 4 => st4, 5 => st5, 6 => st6, _ => st7,
    };
}
