using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>System.Type: one object per runtime type, answering from the type's metadata.
    /// The `which` codes match System.RuntimeType in the base library.</summary>
    private void RegisterTypes()
    {
        Add("System.Object::GetType", (vm, a) => a[0] = vm.TypeObjectOf(vm.TypeOf((nint)a[0])));
        Add("System.RuntimeType::FromHandle", (vm, a) => a[0] = a[0] == 0 ? 0 : vm.TypeObjectOf(vm.Types.ById(((MethodTable*)a[0])->TypeId)));
        Add("System.RuntimeType::GetName", (vm, a) =>
        {
            var type = vm.TypeOfTypeObject((nint)a[0]);
            a[0] = vm.NewString((int)a[1] switch
            {
                0 => ClrTypeNames.Name(type.Reference),
                1 => ClrTypeNames.FullName(type.Reference),
                2 => ClrTypeNames.Namespace(type.Reference),
                _ => ClrTypeNames.Display(type.Reference),
            });
        });
        Add("System.RuntimeType::GetRelated", (vm, a) =>
        {
            var type = vm.TypeOfTypeObject((nint)a[0]);
            var related = (int)a[1] == 0 ? (type.IsInterface ? null : type.BaseType) : type.IsArray || type.IsPointerLike ? type.ElementType : null;
            a[0] = related is null ? 0 : vm.TypeObjectOf(related);
        });
        Add("System.RuntimeType::Is", (vm, a) =>
        {
            var type = vm.TypeOfTypeObject((nint)a[0]);
            a[0] = (int)a[1] switch
            {
                0 => type.IsValueType,
                1 => type.IsInterface,
                2 => type.IsArray,
                3 => type.IsEnum,
                4 => type.Reference is Mono.Cecil.GenericInstanceType or Mono.Cecil.TypeDefinition { HasGenericParameters: true },
                _ => type.Primitive != PrimitiveKind.None,
            } ? 1 : 0;
        });
        Add("System.RuntimeType::IsAssignable", (vm, a) =>
            a[0] = vm.Types.IsAssignableTo(vm.TypeOfTypeObject((nint)a[0]), vm.TypeOfTypeObject((nint)a[1])) ? 1 : 0);
        Add("System.RuntimeType::GenericArguments", (vm, a) =>
        {
            var type = vm.TypeOfTypeObject((nint)a[0]);
            var args = type.Reference is Mono.Cecil.GenericInstanceType g ? g.GenericArguments.Select(vm.Types.Get).ToArray() : [];
            var typeArray = vm.Types.Get(new Mono.Cecil.ArrayType(vm.Types.CoreType("System", "Type").Reference));
            var array = vm.AllocateArray(typeArray, args.Length);
            vm.InFlight.Add(array);
            try
            {
                for (var i = 0; i < args.Length; i++)
                    vm.Heap.StoreReference((nint*)(array + ObjectLayout.SzArrayDataOffset) + i, vm.TypeObjectOf(args[i]));
            }
            finally
            {
                vm.InFlight.Remove(array);
            }
            a[0] = array;
        });
    }
}
