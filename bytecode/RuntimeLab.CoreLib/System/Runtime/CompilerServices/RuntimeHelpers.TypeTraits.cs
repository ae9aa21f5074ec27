namespace System.Runtime.CompilerServices
{
    public static partial class RuntimeHelpers
    {
        public static bool IsReferenceOrContainsReferences<T>() => TypeTraits<T>.ContainsReferences;
    }

    /// <summary>Facts about T that C# cannot ask without an instance; the runtime answers from the instantiation
    /// of this class (TypeTraits.Compute).</summary>
    internal sealed class TypeTraits<T>
    {
        internal static readonly bool ContainsReferences = new TypeTraits<T>().ComputeContainsReferences();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private extern bool ComputeContainsReferences();
    }
}
