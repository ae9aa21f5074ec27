using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// FNSTENV FLDENV FNSAVE FRSTOR in their 32-bit (28 + 80 bytes) and 16-bit (14 + 80 bytes) forms;
/// Imm is 1 for the 32-bit layout. The images follow QEMU's: the CS slot holds the selector alone, and
/// FNSTENV leaves the exception masks as they are. Each image is built whole and written in one
/// access, so a fault changes nothing.
/// </summary>
public static unsafe class FpuEnvironment
{
    private static int EnvironmentBytes(DecodedOp* op) => op->Imm != 0 ? 28 : 14;

    /// <summary>The full tag word, derived from the values: 00 valid, 01 zero, 10 special (NaN, infinity, denormal, unsupported), 11 empty.</summary>
    public static ushort TagWord(CpuState* s)
    {
        var tags = 0;
        for (var r = 7; r >= 0; r--)
        {
            tags <<= 2;
            if ((s->Fpu.EmptyMask & (1 << r)) != 0) { tags |= 3; continue; }
            var value = *X87.Register(s, r);
            if (value.Exponent == 0 && value.Significand == 0) tags |= 1;
            else if (value.Exponent == 0 || value.Exponent == Float80.ExponentMask || (value.Significand & Float80.IntegerBit) == 0) tags |= 2;
        }
        return (ushort)tags;
    }

    private static void FillEnvironment(CpuState* s, DecodedOp* op, Span<byte> image)
    {
        var fpu = &s->Fpu;
        if (op->Imm != 0)
        {
            var words = MemoryMarshal.Cast<byte, uint>(image);
            words[0] = fpu->Control; words[1] = fpu->StatusWithTop; words[2] = TagWord(s);
            words[3] = fpu->Fip; words[4] = fpu->Fcs; words[5] = fpu->Fdp; words[6] = fpu->Fds;
        }
        else
        {
            var words = MemoryMarshal.Cast<byte, ushort>(image);
            words[0] = fpu->Control; words[1] = fpu->StatusWithTop; words[2] = TagWord(s);
            words[3] = (ushort)fpu->Fip; words[4] = fpu->Fcs; words[5] = (ushort)fpu->Fdp; words[6] = fpu->Fds;
        }
    }

    private static void LoadEnvironment(CpuState* s, DecodedOp* op, ReadOnlySpan<byte> image)
    {
        ushort control, status, tags;
        if (op->Imm != 0)
        {
            control = BitConverter.ToUInt16(image); status = BitConverter.ToUInt16(image[4..]); tags = BitConverter.ToUInt16(image[8..]);
        }
        else
        {
            control = BitConverter.ToUInt16(image); status = BitConverter.ToUInt16(image[2..]); tags = BitConverter.ToUInt16(image[4..]);
        }
        s->Fpu.Control = control;
        s->Fpu.Top = (byte)((status >> 11) & 7);
        // B mirrors ES, as QEMU's cpu_set_fpus makes it.
        s->Fpu.Status = (ushort)(status & ~0x3800 & ~FpuStatus.B);
        if ((s->Fpu.Status & FpuStatus.ES) != 0) s->Fpu.Status |= FpuStatus.B;
        byte empty = 0;
        for (var r = 0; r < 8; r++) if (((tags >> (2 * r)) & 3) == 3) empty |= (byte)(1 << r);
        s->Fpu.EmptyMask = empty;
    }

    public static void Store(CpuState* s, DecodedOp* op)
    {
        Span<byte> image = stackalloc byte[28];
        image = image[..EnvironmentBytes(op)];
        FillEnvironment(s, op, image);
        FpuMemory.Write(s, MemOperand.Address(s, op), image);
    }

    public static void Load(CpuState* s, DecodedOp* op)
    {
        Span<byte> image = stackalloc byte[28];
        image = image[..EnvironmentBytes(op)];
        FpuMemory.Read(s, MemOperand.Address(s, op), image);
        LoadEnvironment(s, op, image);
    }

    /// <summary>FNSAVE: the environment, then ST(0)..ST(7) at 10 bytes each, then FNINIT.</summary>
    public static void Save(CpuState* s, DecodedOp* op)
    {
        var size = EnvironmentBytes(op);
        Span<byte> image = stackalloc byte[28 + 80];
        image = image[..(size + 80)];
        FillEnvironment(s, op, image);
        for (var i = 0; i < 8; i++)
        {
            var value = *X87.Register(s, X87.Physical(s, i));
            BitConverter.TryWriteBytes(image[(size + 10 * i)..], value.Significand);
            BitConverter.TryWriteBytes(image[(size + 10 * i + 8)..], value.SignExponent);
        }
        FpuMemory.Write(s, MemOperand.Address(s, op), image);
        s->Fpu.Initialize();
    }

    /// <summary>FRSTOR: the environment, then the registers in stack order relative to the new TOP.</summary>
    public static void Restore(CpuState* s, DecodedOp* op)
    {
        var size = EnvironmentBytes(op);
        Span<byte> image = stackalloc byte[28 + 80];
        image = image[..(size + 80)];
        FpuMemory.Read(s, MemOperand.Address(s, op), image);
        LoadEnvironment(s, op, image);
        for (var i = 0; i < 8; i++)
            *X87.Register(s, X87.Physical(s, i)) = new Float80(BitConverter.ToUInt64(image[(size + 10 * i)..]), BitConverter.ToUInt16(image[(size + 10 * i + 8)..]));
    }
}
