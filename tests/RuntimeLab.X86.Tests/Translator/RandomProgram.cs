using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Translator;

/// <summary>
/// A random, always-terminating instruction sequence for a differential test: ALU ops with register,
/// immediate and memory operands at 8/16/32 bits, shifts and rotates, the flag consumers (jcc, setcc,
/// cmovcc, adc/sbb, pushfd), memory operands of the form [base + index*scale + disp], forward
/// branches, and loops with a bounded count. The same seed gives the same program.
/// <para>
/// Register roles keep every access inside the data page: EBX holds <see cref="DataBase"/> and EDI a
/// small index, and neither is ever a destination; ESP is left to pushfd/pop. A loop counts down a
/// dword at <see cref="LoopCounter"/> (one per nesting level), which no random memory operand reaches (their displacements stay
/// below <see cref="MaxDisplacement"/>), so it cannot run away.
/// </para>
/// </summary>
internal sealed class RandomProgram
{
    public const uint DataBase = Interp.GuestCode.DataAddress;
    public const int MaxIndex = 0x40, MaxDisplacement = 0x700, LoopCounter = 0xF00;

    private static readonly string[] s_binary = ["Add", "Or", "Adc", "Sbb", "And", "Sub", "Xor", "Cmp"];
    private static readonly string[] s_unary = ["Inc", "Dec", "Neg", "Not"];
    private static readonly string[] s_shifts = ["Rol", "Ror", "Rcl", "Rcr", "Shl", "Shr", "Sar"];
    private static readonly string[] s_conditions = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"];

    /// <summary>The destinations, by width: EAX ECX EDX ESI EBP and their parts (no 8-bit part of ESI/EBP exists in 32-bit code).</summary>
    private static readonly Register[] s_dest32 = [Register.EAX, Register.ECX, Register.EDX, Register.ESI, Register.EBP];
    private static readonly Register[] s_dest16 = [Register.AX, Register.CX, Register.DX, Register.SI, Register.BP];
    private static readonly Register[] s_dest8 = [Register.AL, Register.CL, Register.DL, Register.AH, Register.CH, Register.DH];
    /// <summary>Sources may also read the base and index registers.</summary>
    private static readonly Register[] s_source32 = [.. s_dest32, Register.EBX, Register.EDI];
    private static readonly Register[] s_source16 = [.. s_dest16, Register.BX, Register.DI];
    private static readonly Register[] s_source8 = [.. s_dest8, Register.BL, Register.BH];

    private readonly Random _random;
    private readonly Assembler _a;

    private RandomProgram(int seed, Assembler assembler)
    {
        _random = new Random(seed);
        _a = assembler;
    }

    /// <summary>Emits the program for <paramref name="seed"/>: register setup, then <paramref name="items"/> random items.</summary>
    public static void Emit(int seed, Assembler assembler, int items = 40) => new RandomProgram(seed, assembler).Emit(items);

    /// <summary>Random initial contents for the data page, so memory operands read varied values.</summary>
    public static byte[] Data(int seed)
    {
        var bytes = new byte[0x1000];
        new Random(~seed).NextBytes(bytes);
        return bytes;
    }

    private void Emit(int items)
    {
        _a.mov(ebx, DataBase);
        _a.mov(edi, (uint)_random.Next(MaxIndex));
        foreach (var register in s_dest32) _a.mov(new AssemblerRegister32(register), Next32());
        // The initial flags come from a random value too, through popfd (only the arithmetic flags and DF=0 survive below).
        _a.push(Next32() & 0x8D5);
        _a.popfd();
        for (var i = 0; i < items; i++) Item(depth: 0);
    }

    private void Item(int depth)
    {
        switch (_random.Next(20))
        {
            case 0 when depth < 2: ForwardBranch(depth); break;
            case 1 when depth < 2: Loop(depth); break;
            case 2 or 3: CompareThenConsume(); break;
            default: Simple(); break;
        }
    }

    /// <summary>jcc over one to three items: the consumer is the branch itself, and both paths get exercised across seeds.</summary>
    private void ForwardBranch(int depth)
    {
        var skip = _a.CreateLabel();
        Jcc(Condition(), skip);
        for (var n = 1 + _random.Next(3); n > 0; n--) Item(depth + 1);
        _a.Label(ref skip);
        _a.nop(); // a label needs an instruction after it
    }

    /// <summary>A loop of one to four iterations; the counter lives in memory, out of the random operands' reach.</summary>
    private void Loop(int depth)
    {
        var counter = __dword_ptr[ebx + LoopCounter + 4 * depth]; // one per nesting level
        var top = _a.CreateLabel();
        _a.mov(counter, 1 + _random.Next(4));
        _a.Label(ref top);
        for (var n = 1 + _random.Next(4); n > 0; n--) Item(depth + 1);
        _a.dec(counter);
        _a.jne(top);
    }

    private void Simple()
    {
        var width = _random.Next(3) switch { 0 => 8, 1 => 16, _ => 32 };
        switch (_random.Next(16))
        {
            case < 6: Binary(s_binary[_random.Next(s_binary.Length)], width); break;
            case 6: Test(width); break;
            case 7: Unary(width); break;
            case 8 or 9: Shift(width); break;
            case 10: Add(Create($"Set{Condition()}_rm8", DestinationOrMemory(8))); break;
            case 11: Cmov(width == 8 ? 32 : width); break;
            case 12: Move(width); break;
            case 13: Add(Instruction.Create(Code.Lea_r32_m, Pick(s_dest32), Memory())); break;
            case 14:
                _a.pushfd();
                _a.pop(new AssemblerRegister32(Pick(s_dest32)));
                break;
            default: Binary(_random.Next(2) == 0 ? "Adc" : "Sbb", width); break;
        }
    }

    private void Binary(string op, int width)
    {
        switch (_random.Next(5))
        {
            case 0: Add(Instruction.Create(CodeOf($"{op}_rm{width}_r{width}"), Pick(Destinations(width)), Pick(Sources(width)))); break;
            case 1: Add(Instruction.Create(CodeOf($"{op}_r{width}_rm{width}"), Pick(Destinations(width)), Memory())); break;
            case 2: Add(Instruction.Create(CodeOf($"{op}_rm{width}_r{width}"), Memory(), Pick(Sources(width)))); break;
            case 3: Add(Create($"{op}_rm{width}_imm{width}", DestinationOrMemory(width), Immediate(width))); break;
            default:
                // The sign-extended imm8 forms (83 /n), a different encoding the decoder binds apart.
                var code = width == 8 ? $"{op}_rm8_imm8" : $"{op}_rm{width}_imm8";
                Add(Create(code, DestinationOrMemory(width), (sbyte)_random.Next(256)));
                break;
        }
    }

    private void Test(int width)
    {
        if (_random.Next(2) == 0) Add(Create($"Test_rm{width}_r{width}", DestinationOrMemory(width), Pick(Sources(width))));
        else Add(Create($"Test_rm{width}_imm{width}", DestinationOrMemory(width), Immediate(width)));
    }

    /// <summary>
    /// A compare (or SUB, or an ALU op) straight before a flag consumer, often of a register with itself
    /// or with an edge value: the pairs a translator turns into one host comparison, where a wrong
    /// predicate (slt for sle) shows only when the operands are equal or straddle a boundary.
    /// </summary>
    private void CompareThenConsume()
    {
        var width = _random.Next(3) switch { 0 => 8, 1 => 16, _ => 32 };
        var op = _random.Next(4) switch { 0 => "Sub", 1 or 2 => "Cmp", _ => s_binary[_random.Next(s_binary.Length)] };
        var destination = Pick(Destinations(width));
        if (_random.Next(3) == 0) Add(Instruction.Create(CodeOf($"{op}_rm{width}_r{width}"), destination, op == "Cmp" ? destination : Pick(Sources(width))));
        else Binary(op, width);
        switch (_random.Next(3))
        {
            case 0: Add(Create($"Set{Condition()}_rm8", DestinationOrMemory(8))); break;
            case 1: Cmov(width == 8 ? 32 : width); break;
            default:
                var skip = _a.CreateLabel();
                Jcc(Condition(), skip);
                Simple();
                _a.Label(ref skip);
                _a.nop();
                break;
        }
    }

    private void Unary(int width) => Add(Create($"{s_unary[_random.Next(s_unary.Length)]}_rm{width}", DestinationOrMemory(width)));

    /// <summary>By 1, by an immediate (up to 33, past the width), or by CL (whatever ECX holds: counts are masked to 5 bits).</summary>
    private void Shift(int width)
    {
        var op = s_shifts[_random.Next(s_shifts.Length)];
        var target = DestinationOrMemory(width);
        switch (_random.Next(3))
        {
            case 0: Add(Create($"{op}_rm{width}_1", target, 1)); break;
            case 1: Add(Create($"{op}_rm{width}_imm8", target, _random.Next(34))); break;
            default: Add(Create($"{op}_rm{width}_CL", target, Register.CL)); break;
        }
    }

    private void Cmov(int width)
    {
        var code = CodeOf($"Cmov{Condition()}_r{width}_rm{width}");
        var destination = Pick(Destinations(width));
        Add(_random.Next(2) == 0 ? Instruction.Create(code, destination, Pick(Sources(width))) : Instruction.Create(code, destination, Memory()));
    }

    private void Move(int width)
    {
        if (_random.Next(2) == 0) Add(Instruction.Create(CodeOf($"Mov_r{width}_rm{width}"), Pick(Destinations(width)), Memory()));
        else Add(Instruction.Create(CodeOf($"Mov_rm{width}_r{width}"), Memory(), Pick(Sources(width))));
    }

    private void Jcc(string condition, Label target)
    {
        switch (condition)
        {
            case "o": _a.jo(target); break;
            case "no": _a.jno(target); break;
            case "b": _a.jb(target); break;
            case "ae": _a.jae(target); break;
            case "e": _a.je(target); break;
            case "ne": _a.jne(target); break;
            case "be": _a.jbe(target); break;
            case "a": _a.ja(target); break;
            case "s": _a.js(target); break;
            case "ns": _a.jns(target); break;
            case "p": _a.jp(target); break;
            case "np": _a.jnp(target); break;
            case "l": _a.jl(target); break;
            case "ge": _a.jge(target); break;
            case "le": _a.jle(target); break;
            default: _a.jg(target); break;
        }
    }

    /// <summary>[EBX + EDI*scale + disp], [EBX + disp] or [EDI*scale + EBX + disp]: all inside the data page.</summary>
    private MemoryOperand Memory()
    {
        var scale = 1 << _random.Next(4);
        var displacement = _random.Next(MaxDisplacement);
        return _random.Next(3) switch
        {
            0 => new MemoryOperand(Register.EBX, displacement, displacement < 0x80 ? 1 : 4),
            1 => new MemoryOperand(Register.EDI, Register.EBX, 1, displacement, 4),
            _ => new MemoryOperand(Register.EBX, Register.EDI, scale, displacement, displacement < 0x80 ? 1 : 4),
        };
    }

    private object DestinationOrMemory(int width) => _random.Next(3) == 0 ? Memory() : Pick(Destinations(width));

    private static Register[] Destinations(int width) => width switch { 8 => s_dest8, 16 => s_dest16, _ => s_dest32 };
    private static Register[] Sources(int width) => width switch { 8 => s_source8, 16 => s_source16, _ => s_source32 };

    private int Immediate(int width) => width switch
    {
        8 => (sbyte)_random.Next(256),
        16 => (short)_random.Next(0x10000),
        // Small values and edges are where carries and overflows happen.
        _ => _random.Next(4) switch { 0 => 0, 1 => -1, 2 => int.MinValue + _random.Next(2), _ => _random.Next() },
    };

    /// <summary>
    /// Half the values come from a small pool of edges, so operands are often equal or sit at a sign or
    /// carry boundary at some width: that is where a wrong comparison (slt for sle) or flag shows.
    /// </summary>
    private uint Next32() => _random.Next(2) == 0 ? s_edges[_random.Next(s_edges.Length)] : (uint)_random.NextInt64(0, 1L << 32);

    private static readonly uint[] s_edges = [0, 1, 2, 0xFFFF_FFFF, 0xFFFF_FFFE, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000];

    private string Condition() => s_conditions[_random.Next(s_conditions.Length)];

    private Register Pick(Register[] registers) => registers[_random.Next(registers.Length)];

    private static Code CodeOf(string name) => Enum.Parse<Code>(name);

    /// <summary>An instruction whose first operand is a register or memory (an <see cref="object"/>, to pick the Create overload).</summary>
    private static Instruction Create(string code, object target, int? immediate = null) => (target, immediate) switch
    {
        (Register r, null) => Instruction.Create(CodeOf(code), r),
        (MemoryOperand m, null) => Instruction.Create(CodeOf(code), m),
        (Register r, int i) => Instruction.Create(CodeOf(code), r, i),
        (MemoryOperand m, int i) => Instruction.Create(CodeOf(code), m, i),
        _ => throw new ArgumentException("bad operands", nameof(target)),
    };

    private static Instruction Create(string code, object target, Register source) => target switch
    {
        Register r => Instruction.Create(CodeOf(code), r, source),
        MemoryOperand m => Instruction.Create(CodeOf(code), m, source),
        _ => throw new ArgumentException("bad operands", nameof(target)),
    };

    private void Add(Instruction instruction) => _a.AddInstruction(instruction);
}
