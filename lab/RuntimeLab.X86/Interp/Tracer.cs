using System.Text;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>Formats trace lines; the interpreter calls it once per traced instruction, after the instruction ran.</summary>
internal sealed unsafe class Tracer(TraceOptions options)
{
    private readonly GuestDisassembly _disassembly = new();
    private ulong _traced;

    public bool Active => _traced < options.Limit;

    /// <summary>One line for <paramref name="op"/> of <paramref name="block"/> (see <see cref="GuestDisassembly"/>), and the registers if asked for.</summary>
    public void Record(CpuState* s, Block* block, DecodedOp* op)
    {
        if (!options.Covers(op->Eip) || _traced >= options.Limit) return;
        _traced++;
        options.Writer.WriteLine(_disassembly.Line(s, block, op));
        if (options.Registers) options.Writer.WriteLine(Registers(s));
    }

    public static string Registers(CpuState* s)
    {
        var text = new StringBuilder("          ");
        for (var r = 0; r < 8; r++) text.Append($"{Gpr.Names[r]}={s->Regs[r]:x8} ");
        text.Append($"eflags={s->Eflags:x8}");
        return text.ToString();
    }
}
