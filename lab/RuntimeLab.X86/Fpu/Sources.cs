using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// Where an x87 source operand comes from, as a type, so arithmetic, compare and load handlers are
/// specialized per operand form: a stack register or memory in one of six formats, widened exactly to
/// extended precision. Reading also records the FPU instruction and data pointers.
/// </summary>
public unsafe interface IFpuSource
{
    static abstract Float80 Read(CpuState* s, DecodedOp* op);
}

/// <summary>ST(i), i in <see cref="DecodedOp.Extra"/>.</summary>
public unsafe struct StSource : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        return X87.Read(s, op->Extra);
    }
}

public unsafe struct Float32Source : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var bits = Mem.Read32(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        return X87.Widen(s, HostOp.LoadFloat32, bits);
    }
}

public unsafe struct Float64Source : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var bits = Mem.Read64(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        return X87.Widen(s, HostOp.LoadFloat64, bits);
    }
}

public unsafe struct Float80Source : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var value = FpuMemory.Read80(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        return value;
    }
}

public unsafe struct Int16Source : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var bits = Mem.Read16(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        return X87.Widen(s, HostOp.LoadInt16, bits);
    }
}

public unsafe struct Int32Source : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var bits = Mem.Read32(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        return X87.Widen(s, HostOp.LoadInt32, bits);
    }
}

public unsafe struct Int64Source : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var bits = Mem.Read64(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        return X87.Widen(s, HostOp.LoadInt64, bits);
    }
}

/// <summary>18-digit packed BCD (FBLD).</summary>
public unsafe struct BcdSource : IFpuSource
{
    public static Float80 Read(CpuState* s, DecodedOp* op)
    {
        var packed = FpuMemory.Read80(s, MemOperand.Address(s, op));
        X87.NoteMemory(s, op);
        s->Fpu.Host.A = packed;
        return X87.Host(s, HostOp.LoadBcd)->Result;
    }
}
