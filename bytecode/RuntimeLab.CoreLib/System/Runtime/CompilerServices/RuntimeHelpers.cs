namespace System.Runtime.CompilerServices
{
    public static partial class RuntimeHelpers
    {
        /// <summary>Copies a field's RVA data (array initializers: `new[] { 1, 2, 3 }`) into an array.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
    }
}
