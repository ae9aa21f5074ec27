using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binds MOVS STOS LODS CMPS SCAS with their repeat prefixes.</summary>
public static unsafe class StringBinders
{
    public static bool String(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        StringOp? operation = i.Code switch
        {
            Code.Movsb_m8_m8 or Code.Movsw_m16_m16 or Code.Movsd_m32_m32 => StringOp.Movs,
            Code.Stosb_m8_AL or Code.Stosw_m16_AX or Code.Stosd_m32_EAX => StringOp.Stos,
            Code.Lodsb_AL_m8 or Code.Lodsw_AX_m16 or Code.Lodsd_EAX_m32 => StringOp.Lods,
            Code.Cmpsb_m8_m8 or Code.Cmpsw_m16_m16 or Code.Cmpsd_m32_m32 => StringOp.Cmps,
            Code.Scasb_AL_m8 or Code.Scasw_AX_m16 or Code.Scasd_EAX_m32 => StringOp.Scas,
            _ => null,
        };
        if (operation is not { } operationValue) return false;
        // A 16-bit address size (SI/DI/CX) has handlers of its own.
        var address16 = false;
        for (var k = 0; k < i.OpCount; k++)
            if (i.GetOpKind(k) is OpKind.MemorySegSI or OpKind.MemoryESDI) address16 = true;
        // Iced's MemorySegment is the overridable source segment for MOVS LODS CMPS and ES for STOS SCAS;
        // the handlers use it for the source only and always address the destination through ES.
        op.Segment = OperandInfo.SegmentIndex(i.MemorySegment);
        // F3 is REP (REPE for CMPS/SCAS), F2 is REPNE (and acts as REP for the others, as on hardware).
        op.Extra = i.HasRepnePrefix ? RepeatPrefix.RepNe : i.HasRepePrefix || i.HasRepPrefix ? RepeatPrefix.Rep : RepeatPrefix.None;
        var bits = i.MemorySize.GetSize() * 8;
        op.Handler = (address16 ? Strings16.Pick(operationValue, bits, op.Extra) : Strings.Pick(operationValue, bits, op.Extra)).Pointer;
        return true;
    }
}
