using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Enum members over the enum's metadata (names and values of its literal fields, which the
    /// runtime reads), following CoreCLR's rules for parsing, ordering and comparison. Values travel as
    /// "bits": the value zero-extended from the underlying size.</summary>
    public abstract partial class Enum : IComparable
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int HostFieldCount(RuntimeType enumType);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string HostFieldName(RuntimeType enumType, int index);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong HostFieldValue(RuntimeType enumType, int index);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern RuntimeType HostUnderlyingType(RuntimeType enumType);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool HostIsSigned(RuntimeType enumType);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong HostGetBits(object boxedEnum);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object HostBox(RuntimeType enumType, ulong bits);

        private static RuntimeType EnumType(Type enumType)
        {
            if (enumType == null) throw new ArgumentNullException("enumType");
            if (!enumType.IsEnum) throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return (RuntimeType)enumType;
        }

        private ulong Bits => HostGetBits(this);

        /// <summary>The value as a signed 64-bit number for signed underlying types (sign-extended), else the bits.</summary>
        private static long ToInt64(RuntimeType type, ulong bits)
        {
            if (!HostIsSigned(type)) return (long)bits;
            int size = SizeOf(type);
            return size == 1 ? (sbyte)bits : size == 2 ? (short)bits : size == 4 ? (int)bits : (long)bits;
        }

        private static int SizeOf(RuntimeType type)
        {
            Type u = HostUnderlyingType(type);
            if (u == typeof(byte) || u == typeof(sbyte) || u == typeof(bool)) return 1;
            if (u == typeof(short) || u == typeof(ushort) || u == typeof(char)) return 2;
            if (u == typeof(int) || u == typeof(uint)) return 4;
            return 8;
        }

        private static ulong Mask(RuntimeType type, ulong value)
        {
            int size = SizeOf(type);
            return size == 1 ? value & 0xFF : size == 2 ? value & 0xFFFF : size == 4 ? value & 0xFFFFFFFF : value;
        }

        public static Type GetUnderlyingType(Type enumType) => HostUnderlyingType(EnumType(enumType));

        public static string[] GetNames<TEnum>() where TEnum : struct, Enum => GetNames(typeof(TEnum));

        public static string[] GetNames(Type enumType)
        {
            RuntimeType type = EnumType(enumType);
            var names = new string[HostFieldCount(type)];
            for (int i = 0; i < names.Length; i++) names[i] = HostFieldName(type, i);
            return names;
        }

        public static TEnum[] GetValues<TEnum>() where TEnum : struct, Enum
        {
            RuntimeType type = (RuntimeType)typeof(TEnum);
            var values = new TEnum[HostFieldCount(type)];
            for (int i = 0; i < values.Length; i++) values[i] = (TEnum)HostBox(type, HostFieldValue(type, i));
            return values;
        }

        public static string GetName<TEnum>(TEnum value) where TEnum : struct, Enum => GetName(typeof(TEnum), value);

        public static string GetName(Type enumType, object value)
        {
            RuntimeType type = EnumType(enumType);
            if (value == null) throw new ArgumentNullException("value");
            ulong bits = ToBits(type, value);
            int count = HostFieldCount(type);
            for (int i = 0; i < count; i++)
                if (HostFieldValue(type, i) == bits) return HostFieldName(type, i);
            return null;
        }

        public static bool IsDefined<TEnum>(TEnum value) where TEnum : struct, Enum
        {
            RuntimeType type = (RuntimeType)typeof(TEnum);
            return IndexOfValue(type, HostGetBits(value)) >= 0;
        }

        public static bool IsDefined(Type enumType, object value)
        {
            RuntimeType type = EnumType(enumType);
            if (value == null) throw new ArgumentNullException("value");
            if (value is string name)
            {
                int count = HostFieldCount(type);
                for (int i = 0; i < count; i++)
                    if (HostFieldName(type, i) == name) return true;
                return false;
            }
            Type valueType = value.GetType();
            if (valueType.IsEnum)
            {
                if (valueType != enumType)
                    throw new ArgumentException("Object must be the same type as the enum. The type passed in was '" + valueType.FullName + "'; the enum type was '" + enumType.FullName + "'.");
            }
            else if (valueType != HostUnderlyingType(type))
                throw new ArgumentException("Enum underlying type and the object must be same type or object must be a String. Type passed in was '" + valueType.FullName + "'; the enum underlying type was '" + HostUnderlyingType(type).FullName + "'.");
            return IndexOfValue(type, ToBits(type, value)) >= 0;
        }

        private static int IndexOfValue(RuntimeType type, ulong bits)
        {
            int count = HostFieldCount(type);
            for (int i = 0; i < count; i++)
                if (HostFieldValue(type, i) == bits) return i;
            return -1;
        }

        /// <summary>The bits of an enum value or of an integer of any size (ToObject, IsDefined).</summary>
        private static ulong ToBits(RuntimeType type, object value)
        {
            ulong raw = value switch
            {
                Enum e => e.Bits,
                int i => (ulong)i,
                long l => (ulong)l,
                short s => (ulong)s,
                sbyte sb => (ulong)sb,
                byte b => b,
                ushort us => us,
                uint ui => ui,
                ulong ul => ul,
                char c => c,
                bool f => f ? 1UL : 0UL,
                _ => throw new ArgumentException("The value passed in must be an enum base or an underlying type for an enum, such as an Int32.", "value"),
            };
            return Mask(type, raw);
        }

        public static object ToObject(Type enumType, object value) => HostBox(EnumType(enumType), ToBits((RuntimeType)enumType, value));
        public static object ToObject(Type enumType, int value) => HostBox(EnumType(enumType), Mask((RuntimeType)enumType, (ulong)value));
        public static object ToObject(Type enumType, long value) => HostBox(EnumType(enumType), Mask((RuntimeType)enumType, (ulong)value));

        public static TEnum Parse<TEnum>(string value) where TEnum : struct => Parse<TEnum>(value, false);

        public static TEnum Parse<TEnum>(string value, bool ignoreCase) where TEnum : struct
        {
            TryParse(EnumType(typeof(TEnum)), value, ignoreCase, true, out object result);
            return (TEnum)result;
        }

        public static object Parse(Type enumType, string value) => Parse(enumType, value, false);

        public static object Parse(Type enumType, string value, bool ignoreCase)
        {
            TryParse(EnumType(enumType), value, ignoreCase, true, out object result);
            return result;
        }

        public static bool TryParse<TEnum>(string value, out TEnum result) where TEnum : struct => TryParse(value, false, out result);

        public static bool TryParse<TEnum>(string value, bool ignoreCase, out TEnum result) where TEnum : struct
        {
            if (TryParse(EnumType(typeof(TEnum)), value, ignoreCase, false, out object boxed))
            {
                result = (TEnum)boxed;
                return true;
            }
            result = default;
            return false;
        }

        public static bool TryParse(Type enumType, string value, out object result) => TryParse(EnumType(enumType), value, false, false, out result);
        public static bool TryParse(Type enumType, string value, bool ignoreCase, out object result) => TryParse(EnumType(enumType), value, ignoreCase, false, out result);

        /// <summary>CoreCLR's grammar: a number of the underlying type, or names separated by commas (OR'd together),
        /// surrounding white space ignored.</summary>
        private static bool TryParse(RuntimeType type, string value, bool ignoreCase, bool throwOnFailure, out object result)
        {
            result = null;
            if (value == null)
            {
                if (throwOnFailure) throw new ArgumentNullException("value");
                return false;
            }
            string trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                if (throwOnFailure) throw new ArgumentException("Must specify valid information for parsing in the string.", "value");
                return false;
            }
            char first = trimmed[0];
            if (char.IsDigit(first) || first == '-' || first == '+')
            {
                bool ok;
                ulong bits;
                if (HostIsSigned(type))
                {
                    ok = long.TryParse(trimmed, out long l);
                    bits = (ulong)l;
                    long min = -(1L << (SizeOf(type) * 8 - 1));
                    long max = SizeOf(type) == 8 ? long.MaxValue : (1L << (SizeOf(type) * 8 - 1)) - 1;
                    if (ok && (l < min || l > max)) { if (throwOnFailure) throw new OverflowException(OverflowMessage(type)); return false; }
                }
                else
                {
                    ok = ulong.TryParse(trimmed, out bits);
                    if (ok && Mask(type, bits) != bits) { if (throwOnFailure) throw new OverflowException(OverflowMessage(type)); return false; }
                }
                if (ok)
                {
                    result = HostBox(type, Mask(type, bits));
                    return true;
                }
                if (throwOnFailure) throw new ArgumentException("Requested value '" + value + "' was not found.");
                return false;
            }
            ulong combined = 0;
            int count = HostFieldCount(type);
            foreach (string part in trimmed.Split(','))
            {
                string name = part.Trim();
                int index = -1;
                for (int i = 0; i < count && index < 0; i++)
                    if (string.Equals(HostFieldName(type, i), name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) index = i;
                if (index < 0)
                {
                    if (throwOnFailure) throw new ArgumentException("Requested value '" + value + "' was not found.");
                    return false;
                }
                combined |= HostFieldValue(type, index);
            }
            result = HostBox(type, combined);
            return true;
        }

        private static string OverflowMessage(RuntimeType type) =>
            "Value was either too large or too small for " + (HostUnderlyingType(type) == typeof(int) || HostUnderlyingType(type) == typeof(long) ? "an " : "a ") + HostUnderlyingType(type).Name + ".";

        public int CompareTo(object target)
        {
            if (target == null) return 1;
            if (target.GetType() != GetType())
                throw new ArgumentException("Object must be the same type as the enum. The type passed in was '" + target.GetType().FullName + "'; the enum type was '" + GetType().FullName + "'.");
            RuntimeType type = (RuntimeType)GetType();
            ulong a = Bits, b = ((Enum)target).Bits;
            if (HostIsSigned(type))
            {
                long x = ToInt64(type, a), y = ToInt64(type, b);
                return x < y ? -1 : x > y ? 1 : 0;
            }
            return a < b ? -1 : a > b ? 1 : 0;
        }

        public override bool Equals(object obj) => obj != null && obj.GetType() == GetType() && ((Enum)obj).Bits == Bits;

        /// <summary>The underlying value's hash code, as CoreCLR returns it.</summary>
        public override int GetHashCode()
        {
            RuntimeType type = (RuntimeType)GetType();
            ulong bits = Bits;
            int size = SizeOf(type);
            if (size == 8) return (int)bits ^ (int)(bits >> 32);
            return (int)ToInt64(type, bits);
        }
    }
}
