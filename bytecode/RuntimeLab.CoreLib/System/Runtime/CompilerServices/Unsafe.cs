namespace System.Runtime.CompilerServices
{
    /// <summary>Reinterpreting references: identity or address arithmetic, done by the runtime.</summary>
    public static class Unsafe
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T Add<T>(ref T source, int elementOffset);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref TTo As<TFrom, TTo>(ref TFrom source);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern T As<T>(object o) where T : class;
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T AsRef<T>(ref readonly T source);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe ref T AsRef<T>(void* source);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void* AsPointer<T>(ref readonly T value);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool AreSame<T>(ref readonly T left, ref readonly T right);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool IsAddressGreaterThan<T>(ref readonly T left, ref readonly T right);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool IsAddressLessThan<T>(ref readonly T left, ref readonly T right);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool IsNullRef<T>(ref readonly T source);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T NullRef<T>();
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int SizeOf<T>();
    }
}
