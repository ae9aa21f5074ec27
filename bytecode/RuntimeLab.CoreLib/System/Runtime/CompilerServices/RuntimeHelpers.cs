namespace System.Runtime.CompilerServices
{
    public static partial class RuntimeHelpers
    {
        /// <summary>Records' and pattern code's guard: the interpreter limits depth itself ("Stack overflow.").</summary>
        public static void EnsureSufficientExecutionStack() { }

        public static bool TryEnsureSufficientExecutionStack() => true;

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int GetHashCode(object o);

        /// <summary>Copies a field's initial data (an array initializer's blob) into the array.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

        /// <summary>A span over a field's initial data (constant spans of primitives).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle);
    }
}
