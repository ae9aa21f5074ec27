namespace System.Runtime.CompilerServices
{
    public static partial class RuntimeHelpers
    {
        /// <summary>Fills an array from a field's RVA data: the compiler's lowering of constant array initializers.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
    }
}
