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

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;
        public Nullable(T value) { this.value = value; hasValue = true; }
        public bool HasValue => hasValue;
        public T Value => hasValue ? value : throw new InvalidOperationException("Nullable object must have a value.");
        public T GetValueOrDefault() => value;
        public T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;
        public override bool Equals(object other) => !hasValue ? other == null : other != null && value.Equals(other);
        public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;
        public override string ToString() => hasValue ? value.ToString() : "";
        public static implicit operator T?(T value) => new T?(value);
        public static explicit operator T(T? value) => value.Value;
    }
}
