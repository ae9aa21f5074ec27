using System.Runtime.CompilerServices;

namespace System.Reflection
{
    /// <summary>The root of reflection's members: Type.Name lives here, as in .NET.</summary>
    public abstract class MemberInfo
    {
        public abstract string Name { get; }
    }
}

namespace System
{
    /// <summary>
    /// A type as a program sees it (typeof, GetType()). There is one instance per runtime type, so
    /// reference equality is type equality; the runtime answers its questions from the type's
    /// method table (RuntimeType._methodTable).
    /// </summary>
    public abstract class Type : Reflection.MemberInfo
    {
        public abstract string FullName { get; }
        public abstract string Namespace { get; }
        public abstract Type BaseType { get; }
        public abstract bool IsValueType { get; }
        public abstract bool IsInterface { get; }
        public abstract bool IsArray { get; }
        public abstract bool IsEnum { get; }
        public abstract bool IsGenericType { get; }
        public abstract bool IsClass { get; }
        public abstract bool IsPrimitive { get; }
        public abstract Type GetElementType();
        public abstract Type[] GetGenericArguments();
        public abstract bool IsAssignableFrom(Type c);
        public abstract bool IsInstanceOfType(object o);
        public abstract bool IsSubclassOf(Type c);

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => RuntimeType.FromHandle(handle);

        public static bool operator ==(Type left, Type right) => (object)left == right;
        public static bool operator !=(Type left, Type right) => (object)left != right;
        public override bool Equals(object o) => (object)this == o;
        public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
    }

    /// <summary>The one implementation of Type: a method table, and internal calls that read it.</summary>
    internal sealed class RuntimeType : Type
    {
        private IntPtr _methodTable;

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern RuntimeType FromHandle(RuntimeTypeHandle handle);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string GetName(RuntimeType type, int which);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern RuntimeType GetRelated(RuntimeType type, int which);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool Is(RuntimeType type, int which);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool IsAssignable(RuntimeType from, RuntimeType to);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern Type[] GenericArguments(RuntimeType type);

        // The `which` codes are shared with InternalCallTable.Types.cs.
        public override string Name => GetName(this, 0);
        public override string FullName => GetName(this, 1);
        public override string Namespace => GetName(this, 2);
        public override string ToString() => GetName(this, 3);
        public override Type BaseType => GetRelated(this, 0);
        public override Type GetElementType() => GetRelated(this, 1);
        public override bool IsValueType => Is(this, 0);
        public override bool IsInterface => Is(this, 1);
        public override bool IsArray => Is(this, 2);
        public override bool IsEnum => Is(this, 3);
        public override bool IsGenericType => Is(this, 4);
        public override bool IsClass => !IsValueType && !IsInterface;
        public override bool IsPrimitive => Is(this, 5);
        public override Type[] GetGenericArguments() => GenericArguments(this);
        public override bool IsAssignableFrom(Type c) => c is RuntimeType r && IsAssignable(r, this);
        public override bool IsInstanceOfType(object o) => o != null && IsAssignable((RuntimeType)o.GetType(), this);
        public override bool IsSubclassOf(Type c) => c != this && c is RuntimeType r && !r.IsInterface && IsAssignable(this, r);
    }
}
