using Mono.Cecil;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Array.CreateInstance with lower bounds: a multi-dimensional array type (rank 1 included,
    /// which is T[*], not a vector), its lower bounds stored after its lengths.</summary>
    private void RegisterArrayCreation()
    {
        Add("System.Array::HostCreateMultiDim", (vm, a) =>
        {
            var element = vm.TypeOfTypeObject((nint)a[0]);
            var lengths = IntArray((nint)a[1]);
            var lowers = IntArray((nint)a[2]);
            var arrayRef = new ArrayType(element.Reference);
            arrayRef.Dimensions.Clear();
            for (var i = 0; i < lengths.Length; i++) arrayRef.Dimensions.Add(new ArrayDimension(0, null));
            var array = vm.AllocateMdArray(vm.Types.Get(arrayRef), lengths);
            var bounds = (int*)(array + ObjectLayout.SzArrayDataOffset);
            for (var i = 0; i < lowers.Length; i++) bounds[lengths.Length + i] = lowers[i];
            a[0] = array;
        });
    }

    private static int[] IntArray(nint array)
    {
        var length = *(int*)(array + ObjectLayout.ArrayLengthOffset);
        return new ReadOnlySpan<int>((void*)(array + ObjectLayout.SzArrayDataOffset), length).ToArray();
    }
}
