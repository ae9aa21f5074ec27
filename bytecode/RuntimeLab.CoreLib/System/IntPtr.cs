namespace System
{
    public unsafe partial struct IntPtr : IEquatable<nint>
    {
        public static readonly nint Zero;
        public static int Size => sizeof(nint);
        public static nint MaxValue => unchecked((nint)long.MaxValue);
        public static nint MinValue => unchecked((nint)long.MinValue);
        public IntPtr(int value) { m_value = (void*)value; }
        public IntPtr(long value) { m_value = (void*)value; }
        public IntPtr(void* value) { m_value = value; }
        public void* ToPointer() => m_value;
        public int ToInt32() => checked((int)(long)m_value);
        public long ToInt64() => (long)m_value;
        public override bool Equals(object obj) => obj is nint other && (nint)m_value == other;
        public bool Equals(nint other) => (nint)m_value == other;
        public override int GetHashCode() => ((long)m_value).GetHashCode();
        public override string ToString() => ((long)m_value).ToString();
        public string ToString(string format) => ((long)m_value).ToString(format);
    }

    public unsafe partial struct UIntPtr : IEquatable<nuint>
    {
        public static readonly nuint Zero;
        public static int Size => sizeof(nuint);
        public static nuint MaxValue => unchecked((nuint)ulong.MaxValue);
        public static nuint MinValue => 0;
        public UIntPtr(uint value) { m_value = (void*)value; }
        public UIntPtr(ulong value) { m_value = (void*)value; }
        public UIntPtr(void* value) { m_value = value; }
        public void* ToPointer() => m_value;
        public uint ToUInt32() => checked((uint)(ulong)m_value);
        public ulong ToUInt64() => (ulong)m_value;
        public override bool Equals(object obj) => obj is nuint other && (nuint)m_value == other;
        public bool Equals(nuint other) => (nuint)m_value == other;
        public override int GetHashCode() => ((ulong)m_value).GetHashCode();
        public override string ToString() => ((ulong)m_value).ToString();
        public string ToString(string format) => ((ulong)m_value).ToString(format);
    }
}
