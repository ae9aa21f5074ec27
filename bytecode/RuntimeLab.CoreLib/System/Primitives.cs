namespace System
{
    // The primitive types: the runtime knows their layout by name; their members live in partial files.
    public partial struct Boolean { private bool m_value; }
    public partial struct Char { private char m_value; }
    public partial struct SByte { private sbyte m_value; }
    public partial struct Byte { private byte m_value; }
    public partial struct Int16 { private short m_value; }
    public partial struct UInt16 { private ushort m_value; }
    public partial struct Int32 { private int m_value; }
    public partial struct UInt32 { private uint m_value; }
    public partial struct Int64 { private long m_value; }
    public partial struct UInt64 { private ulong m_value; }
    public partial struct IntPtr { private unsafe void* m_value; }
    public partial struct UIntPtr { private unsafe void* m_value; }
    public partial struct Single { private float m_value; }
    public partial struct Double { private double m_value; }

    public partial struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;
        public override string ToString() => Number.Int64ToString(m_value);
    }

    public partial struct Int64
    {
        public override string ToString() => Number.Int64ToString(m_value);
    }

    public partial struct Boolean
    {
        public override string ToString() => m_value ? "True" : "False";
    }

    public partial struct Char
    {
        public override string ToString() => string.FromChar(m_value);
    }

    public partial struct Double
    {
        public override string ToString() => Number.DoubleToString(m_value);
    }

    internal static class Number
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        internal static extern string Int64ToString(long value);
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        internal static extern string DoubleToString(double value);
    }

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;
        public Nullable(T value) { this.value = value; hasValue = true; }
        public bool HasValue => hasValue;
        public T Value => hasValue ? value : throw new InvalidOperationException("Nullable object must have a value.");
        public T GetValueOrDefault() => value;
    }
}
