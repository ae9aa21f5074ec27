using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Default picks, at first use, the comparer CoreCLR picks: IEquatable&lt;T&gt;.Equals when T implements it
    /// (GenericEqualityComparer), the same for T? over such a T, else object.Equals (ObjectEqualityComparer).
    /// The runtime answers "does T implement IEquatable&lt;T&gt;" (ObjectEqualityComparer.Specialize), since C#
    /// cannot name GenericEqualityComparer&lt;T&gt; for an unconstrained T.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer, IEqualityComparer<T>
    {
        public static EqualityComparer<T> Default { get; } = new ObjectEqualityComparer<T>().Specialize();

        protected EqualityComparer() { }

        public abstract bool Equals(T x, T y);
        public abstract int GetHashCode(T obj);

        public static EqualityComparer<T> Create(Func<T, T, bool> equals, Func<T, int> getHashCode = null)
        {
            if (equals == null) throw new ArgumentNullException("equals");
            return new DelegateEqualityComparer<T>(equals, getHashCode);
        }

        bool IEqualityComparer.Equals(object x, object y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            if (x is T tx && y is T ty) return Equals(tx, ty);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }

        int IEqualityComparer.GetHashCode(object obj)
        {
            if (obj == null) return 0;
            if (obj is T t) return GetHashCode(t);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }
    }

    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern EqualityComparer<T> Specialize();

        public override bool Equals(T x, T y)
        {
            if (x != null) return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
        public override bool Equals(object obj) => obj is ObjectEqualityComparer<T>;
        public override int GetHashCode() => 1;
    }

    internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null) return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
        public override bool Equals(object obj) => obj is GenericEqualityComparer<T>;
        public override int GetHashCode() => 2;
    }

    internal sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct, IEquatable<T>
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue) return y.HasValue && x.value.Equals(y.value);
            return !y.HasValue;
        }

        public override int GetHashCode(T? obj) => obj.HasValue ? obj.value.GetHashCode() : 0;
        public override bool Equals(object obj) => obj is NullableEqualityComparer<T>;
        public override int GetHashCode() => 3;
    }

    internal sealed class DelegateEqualityComparer<T> : EqualityComparer<T>
    {
        private readonly Func<T, T, bool> _equals;
        private readonly Func<T, int> _getHashCode;

        public DelegateEqualityComparer(Func<T, T, bool> equals, Func<T, int> getHashCode)
        {
            _equals = equals;
            _getHashCode = getHashCode;
        }

        public override bool Equals(T x, T y) => _equals(x, y);
        public override int GetHashCode(T obj) => _getHashCode == null ? throw new NotSupportedException("Specified method is not supported.") : _getHashCode(obj);
    }

    /// <summary>Reference identity, as ReferenceEqualityComparer.Instance.</summary>
    public sealed class ReferenceEqualityComparer : IEqualityComparer<object>, IEqualityComparer
    {
        private ReferenceEqualityComparer() { }
        public static ReferenceEqualityComparer Instance { get; } = new ReferenceEqualityComparer();
        public new bool Equals(object x, object y) => x == y;
        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
