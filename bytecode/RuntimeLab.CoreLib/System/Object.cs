using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The root of every class. Its instance layout is empty: an object is its MethodTable word.</summary>
    public class Object
    {
        public Object() { }
        public virtual string ToString() => GetType().FullName;
        public virtual bool Equals(object obj) => ReferenceEquals(this, obj);
        public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);
        public static bool ReferenceEquals(object a, object b) => a == b;
        public static bool Equals(object a, object b) => a == b || a != null && b != null && a.Equals(b);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern Type GetType();
        [MethodImpl(MethodImplOptions.InternalCall)]
        protected extern object MemberwiseClone();
        ~Object() { }
    }

    /// <summary>
    /// CoreCLR's default struct equality: same runtime type, then the raw bytes when the struct allows it
    /// (no references, floats, padding or fields with their own equality), else each field with Equals.
    /// The hash is the bytes' hash or the first non-null field's hash code.
    /// </summary>
    public abstract class ValueType
    {
        public override string ToString() => GetType().FullName;

        public override bool Equals(object obj)
        {
            if (obj == null || !SameType(this, obj)) return false;
            if (CanCompareBits(this)) return BitsEqual(this, obj);
            int count = FieldCount(this);
            for (int i = 0; i < count; i++)
            {
                object thisValue = FieldValue(this, i);
                object thatValue = FieldValue(obj, i);
                if (thisValue == null)
                {
                    if (thatValue != null) return false;
                }
                else if (!thisValue.Equals(thatValue)) return false;
            }
            return true;
        }

        public override int GetHashCode()
        {
            if (CanCompareBits(this)) return BitsHashCode(this);
            int count = FieldCount(this);
            for (int i = 0; i < count; i++)
            {
                object value = FieldValue(this, i);
                if (value != null) return value.GetHashCode();
            }
            return 0;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool SameType(object a, object b);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool CanCompareBits(object box);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool BitsEqual(object a, object b);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int BitsHashCode(object box);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int FieldCount(object box);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object FieldValue(object box, int index);
    }

    public abstract partial class Enum : ValueType { }
    public struct Void { }
    public struct RuntimeTypeHandle { private IntPtr _value; }
    public struct RuntimeFieldHandle { private IntPtr _value; }
    public struct RuntimeMethodHandle { private IntPtr _value; }
    public interface IDisposable { void Dispose(); }

    public class Attribute { }
    public enum AttributeTargets { Assembly = 1, Module = 2, Class = 4, Struct = 8, Enum = 16, Constructor = 32, Method = 64, Property = 128, Field = 256, Event = 512, Interface = 1024, Parameter = 2048, Delegate = 4096, ReturnValue = 8192, GenericParameter = 16384, All = 32767 }
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public bool AllowMultiple { get; set; }
        public bool Inherited { get; set; }
    }
    public sealed class ParamArrayAttribute : Attribute { }
    public sealed class FlagsAttribute : Attribute { }
    public sealed class SerializableAttribute : Attribute { }
    public sealed class ObsoleteAttribute : Attribute { public ObsoleteAttribute() { } public ObsoleteAttribute(string message) { } }
    public sealed class CLSCompliantAttribute : Attribute { public CLSCompliantAttribute(bool isCompliant) { } }


}

namespace System.Reflection
{
    public sealed class DefaultMemberAttribute : Attribute { public DefaultMemberAttribute(string memberName) { } }
}
