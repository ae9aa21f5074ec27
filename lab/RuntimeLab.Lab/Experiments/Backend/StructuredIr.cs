using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>A variable kept in a stack slot, with the type of what it holds.</summary>
internal readonly record struct Local(ValueRef Slot, TypeRef Type);

/// <summary>
/// Loops and branches over stack-slot variables, written the way a naive frontend emits them
/// (clang -O0 does the same): every variable is an alloca, every use a load. That makes the
/// O0 → O2 difference visible, because SROA/mem2reg turn the slots into SSA values and phis.
/// </summary>
internal sealed class StructuredIr
{
    private readonly BuilderRef _entryAllocas;

    public IrModule Module { get; }
    public ValueRef Function { get; }
    public BuilderRef B { get; }
    public IrTypes T => Module.Types;

    public StructuredIr(IrModule module, ValueRef function, BuilderRef builder)
    {
        Module = module;
        Function = function;
        B = builder;
        // Allocas all go in the entry block, where mem2reg looks for them; the code proper starts in "body".
        var body = module.AppendBlock(function, "body");
        var jumpToBody = Core.BuildBr(builder, body);
        _entryAllocas = module.CreateBuilder();
        Core.PositionBuilderBefore(_entryAllocas, jumpToBody);
        Core.PositionBuilderAtEnd(builder, body);
    }

    /// <summary>Defines <c>i64 name(i64 n, ptr scratch)</c>, the one signature every backend kernel has.</summary>
    public static StructuredIr DefineKernel(IrModule module, string name)
    {
        var (function, builder) = module.DefineFunction(name, module.Types.I64, module.Types.I64, module.Types.Ptr);
        return new StructuredIr(module, function, builder);
    }

    public ValueRef Param(int index) => Core.GetParam(Function, (uint)index);

    public ValueRef I64(long value) => Core.ConstInt(T.I64, value);
    public ValueRef F64(double value) => Core.ConstReal(T.F64, value);

    public Local Var(string name, TypeRef type, ValueRef initial)
    {
        var slot = Core.BuildAlloca(_entryAllocas, type, name);
        Core.BuildStore(B, initial, slot);
        return new Local(slot, type);
    }

    public ValueRef Get(Local local) => Core.BuildLoad(B, local.Type, local.Slot);
    public void Set(Local local, ValueRef value) => Core.BuildStore(B, value, local.Slot);

    /// <summary>while (condition) body; the condition is re-evaluated at the loop head each time.</summary>
    public void While(Func<ValueRef> condition, Action body)
    {
        var head = Module.AppendBlock(Function, "while.head");
        var loop = Module.AppendBlock(Function, "while.body");
        var done = Module.AppendBlock(Function, "while.done");
        Core.BuildBr(B, head);
        Core.PositionBuilderAtEnd(B, head);
        Core.BuildCondBr(B, condition(), loop, done);
        Core.PositionBuilderAtEnd(B, loop);
        body();
        Core.BuildBr(B, head);
        Core.PositionBuilderAtEnd(B, done);
    }

    /// <summary>for (var = from; var &lt; to; var += step) body(var).</summary>
    public void For(string name, ValueRef from, Func<ValueRef> to, Action<ValueRef> body, long step = 1)
    {
        var index = Var(name, T.I64, from);
        While(() => Core.BuildICmp(B, IntPredicate.Slt, Get(index), to()), () =>
        {
            body(Get(index));
            Set(index, Core.BuildAdd(B, Get(index), I64(step)));
        });
    }

    public void If(ValueRef condition, Action then, Action? otherwise = null)
    {
        var thenBlock = Module.AppendBlock(Function, "if.then");
        var elseBlock = otherwise is null ? default : Module.AppendBlock(Function, "if.else");
        var done = Module.AppendBlock(Function, "if.done");
        Core.BuildCondBr(B, condition, thenBlock, otherwise is null ? done : elseBlock);
        Core.PositionBuilderAtEnd(B, thenBlock);
        then();
        Core.BuildBr(B, done);
        if (otherwise is not null)
        {
            Core.PositionBuilderAtEnd(B, elseBlock);
            otherwise();
            Core.BuildBr(B, done);
        }
        Core.PositionBuilderAtEnd(B, done);
    }

    /// <summary>The address of element <paramref name="index"/> of an array of <paramref name="element"/> at <paramref name="basePointer"/>.</summary>
    public ValueRef Element(TypeRef element, ValueRef basePointer, ValueRef index) =>
        Core.BuildInBoundsGep(B, element, basePointer, [index]);

    public void Return(ValueRef value) => Core.BuildRet(B, value);
}
