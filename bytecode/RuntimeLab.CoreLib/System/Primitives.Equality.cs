// Equality, ordering and hash codes of the primitive types, as CoreCLR defines them (hash codes are
// observable: programs print them and hashed collections depend on them).
#pragma warning disable CS1718 // x != x is the NaN test
namespace System
{
    public partial struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;
        public bool Equals(bool obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is bool v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Boolean.");
        }
        public override bool Equals(object obj) => obj is bool v && Equals(v);
        public override int GetHashCode() => m_value ? 1 : 0;
    }

    public partial struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        public int CompareTo(char value) => m_value - value;
        public bool Equals(char obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is char v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Char.");
        }
        public override bool Equals(object obj) => obj is char v && Equals(v);
        public override int GetHashCode() => (int)m_value | ((int)m_value << 16);
    }

    public partial struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>
    {
        public int CompareTo(sbyte value) => m_value - value;
        public bool Equals(sbyte obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is sbyte v) return CompareTo(v);
            throw new ArgumentException("Object must be of type SByte.");
        }
        public override bool Equals(object obj) => obj is sbyte v && Equals(v);
        public override int GetHashCode() => m_value;
    }

    public partial struct Byte : IComparable, IComparable<byte>, IEquatable<byte>
    {
        public int CompareTo(byte value) => m_value - value;
        public bool Equals(byte obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is byte v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Byte.");
        }
        public override bool Equals(object obj) => obj is byte v && Equals(v);
        public override int GetHashCode() => m_value;
    }

    public partial struct Int16 : IComparable, IComparable<short>, IEquatable<short>
    {
        public int CompareTo(short value) => m_value - value;
        public bool Equals(short obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is short v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Int16.");
        }
        public override bool Equals(object obj) => obj is short v && Equals(v);
        public override int GetHashCode() => m_value;
    }

    public partial struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>
    {
        public int CompareTo(ushort value) => m_value - value;
        public bool Equals(ushort obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ushort v) return CompareTo(v);
            throw new ArgumentException("Object must be of type UInt16.");
        }
        public override bool Equals(object obj) => obj is ushort v && Equals(v);
        public override int GetHashCode() => m_value;
    }

    public partial struct Int32 : IComparable, IComparable<int>, IEquatable<int>
    {
        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public bool Equals(int obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is int v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Int32.");
        }
        public override bool Equals(object obj) => obj is int v && Equals(v);
        public override int GetHashCode() => m_value;
    }

    public partial struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>
    {
        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public bool Equals(uint obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is uint v) return CompareTo(v);
            throw new ArgumentException("Object must be of type UInt32.");
        }
        public override bool Equals(object obj) => obj is uint v && Equals(v);
        public override int GetHashCode() => (int)m_value;
    }

    public partial struct Int64 : IComparable, IComparable<long>, IEquatable<long>
    {
        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public bool Equals(long obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is long v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Int64.");
        }
        public override bool Equals(object obj) => obj is long v && Equals(v);
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
    }

    public partial struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>
    {
        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public bool Equals(ulong obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ulong v) return CompareTo(v);
            throw new ArgumentException("Object must be of type UInt64.");
        }
        public override bool Equals(object obj) => obj is ulong v && Equals(v);
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
    }

    public partial struct Single : IComparable, IComparable<float>, IEquatable<float>
    {
        public int CompareTo(float value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            // At least one is NaN: NaN orders first.
            if (m_value != m_value) return value != value ? 0 : -1;
            return 1;
        }
        public bool Equals(float obj) => m_value == obj || obj != obj && m_value != m_value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is float v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Single.");
        }
        public override bool Equals(object obj) => obj is float v && Equals(v);
        public override unsafe int GetHashCode()
        {
            float f = m_value;
            int bits = *(int*)&f;
            if (((bits - 1) & 0x7FFFFFFF) >= 0x7F7FFFFF) bits &= 0x7F800000;
            return bits;
        }
    }

    public partial struct Double : IComparable, IComparable<double>, IEquatable<double>
    {
        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            // At least one is NaN: NaN orders first.
            if (m_value != m_value) return value != value ? 0 : -1;
            return 1;
        }
        public bool Equals(double obj) => m_value == obj || obj != obj && m_value != m_value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is double v) return CompareTo(v);
            throw new ArgumentException("Object must be of type Double.");
        }
        public override bool Equals(object obj) => obj is double v && Equals(v);
        public override unsafe int GetHashCode()
        {
            double d = m_value;
            long bits = *(long*)&d;
            // +0.0/-0.0 and all NaNs hash alike, since they compare equal.
            if (((bits - 1) & 0x7FFFFFFFFFFFFFFF) >= 0x7FEFFFFFFFFFFFFF) bits &= 0x7FF0000000000000;
            return (int)bits ^ (int)(bits >> 32);
        }
    }
}
