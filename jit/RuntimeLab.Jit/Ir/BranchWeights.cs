using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>
/// !prof branch_weights metadata: tells LLVM which way a branch or switch usually goes, so throw
/// paths and slow paths are laid out cold.
/// </summary>
public static class BranchWeights
{
    /// <summary>One weight per successor, in the terminator's successor order.</summary>
    public static void Set(IrModule module, ValueRef terminator, params uint[] weights)
    {
        var context = module.Context;
        var operands = new MetadataRef[weights.Length + 1];
        operands[0] = Core.MDString(context, "branch_weights");
        for (var i = 0; i < weights.Length; i++)
            operands[i + 1] = Core.ValueAsMetadata(Core.ConstInt(module.Types.I32, weights[i]));
        var node = Core.MDNode(context, operands);
        Core.SetMetadata(terminator, Core.GetMDKindId(context, "prof"), Core.MetadataAsValue(context, node));
    }
}
