using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Fpu;

/// <summary>Whether a store pops the stack afterwards (FSTP, FISTP …), as a type.</summary>
public interface IPop { static abstract bool Pops { get; } }
public struct Keep : IPop { public static bool Pops => false; }
public struct PopAfter : IPop { public static bool Pops => true; }

/// <summary>FLD, FILD, FBLD and the constants; FST, FIST, FISTTP, FBSTP (with and without pop); FXCH, FCMOVcc.</summary>
public static unsafe class LoadStore
{
    /// <summary>FLD / FILD / FBLD: the source is read (and converted) before the push, so FLD ST(0) duplicates the top.</summary>
    public static void Load<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IFpuSource => X87.Push(s, TSrc.Read(s, op));

    public static void LoadOne(CpuState* s, DecodedOp* op) { X87.NoteInstruction(s, op); X87.Push(s, Float80.One); }
    public static void LoadZero(CpuState* s, DecodedOp* op) { X87.NoteInstruction(s, op); X87.Push(s, Float80.Zero); }

    /// <summary>FLDPI, FLDL2E …: the host rounds the constant under the guest's RC, as the hardware (and QEMU) do.</summary>
    public static void LoadConstant(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        X87.Run(s, (HostOp)op->Imm);
        X87.Push(s, s->Fpu.Host.Result);
    }

    /// <summary>FST/FSTP ST(i).</summary>
    public static void StoreRegister<TPop>(CpuState* s, DecodedOp* op) where TPop : struct, IPop
    {
        X87.NoteInstruction(s, op);
        X87.Write(s, op->Extra, X87.Read(s, 0));
        if (TPop.Pops) X87.Pop(s);
    }

    /// <summary>FST/FSTP m32, m64 and FIST/FISTP/FISTTP m16, m32, m64: the host narrows (HostOp in Imm, memory width in Imm2).</summary>
    public static void StoreNarrowed<TPop>(CpuState* s, DecodedOp* op) where TPop : struct, IPop
    {
        var address = MemOperand.Address(s, op);
        var value = X87.Read(s, 0);
        var bits = X87.Narrow(s, (HostOp)op->Imm, value);
        switch (op->Imm2)
        {
            case 2: Mem.Write16(s, address, (ushort)bits); break;
            case 4: Mem.Write32(s, address, (uint)bits); break;
            default: Mem.Write64(s, address, bits); break;
        }
        X87.NoteMemory(s, op);
        if (TPop.Pops) X87.Pop(s);
    }

    /// <summary>FSTP m80: the register as it is.</summary>
    public static void StoreExtended(CpuState* s, DecodedOp* op)
    {
        FpuMemory.Write80(s, MemOperand.Address(s, op), X87.Read(s, 0));
        X87.NoteMemory(s, op);
        X87.Pop(s);
    }

    /// <summary>FBSTP m80: 18 packed BCD digits, rounded under RC.</summary>
    public static void StoreBcd(CpuState* s, DecodedOp* op)
    {
        var address = MemOperand.Address(s, op);
        s->Fpu.Host.A = X87.Read(s, 0);
        var frame = X87.Host(s, HostOp.StoreBcd);
        FpuMemory.Write80(s, address, frame->Result);
        X87.NoteMemory(s, op);
        X87.Pop(s);
    }

    /// <summary>FXCH ST(i): an empty side is an underflow and becomes the indefinite.</summary>
    public static void Exchange(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var top = X87.Read(s, 0);
        var other = X87.Read(s, op->Extra);
        X87.Write(s, 0, other);
        X87.Write(s, op->Extra, top);
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.C1);
    }

    /// <summary>FCMOVcc ST(0), ST(i): the condition (in Extra's high nibble) reads EFLAGS like CMOVcc.</summary>
    public static void ConditionalMove(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var source = op->Extra & 7;
        if (!Conditions.Test(s, (Condition)(op->Extra >> 4))) return;
        X87.Write(s, 0, X87.Read(s, source));
    }
}
