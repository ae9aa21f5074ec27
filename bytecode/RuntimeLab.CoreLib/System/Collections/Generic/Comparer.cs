using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Default picks CoreCLR's comparer at first use: IComparable&lt;T&gt;.CompareTo when T implements it
    /// (GenericComparer), the same for T? over such a T, else the non-generic Comparer.Default
    /// (ObjectComparer: IComparable). Nulls order first. The runtime makes the choice (ObjectComparer.Specialize).
    /// </summary>
    public abstract class Comparer<T> : IComparer, IComparer<T>
    {
        public static Comparer<T> Default { get; } = new ObjectComparer<T>().Specialize();

        protected Comparer() { }

        public abstract int Compare(T x, T y);

        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            return new ComparisonComparer<T>(comparison);
        }

        int IComparer.Compare(object x, object y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is T tx && y is T ty) return Compare(tx, ty);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    internal sealed class ObjectComparer<T> : Comparer<T>
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal extern Comparer<T> Specialize();

        public override int Compare(T x, T y) => Comparer.Default.Compare(x, y);
        public override bool Equals(object obj) => obj is ObjectComparer<T>;
        public override int GetHashCode() => 1;
    }

    internal sealed class GenericComparer<T> : Comparer<T> where T : IComparable<T>
    {
        public override int Compare(T x, T y)
        {
            if (x != null)
            {
                if (y != null) return x.CompareTo(y);
                return 1;
            }
            if (y != null) return -1;
            return 0;
        }

        public override bool Equals(object obj) => obj is GenericComparer<T>;
        public override int GetHashCode() => 2;
    }

    internal sealed class NullableComparer<T> : Comparer<T?> where T : struct, IComparable<T>
    {
        public override int Compare(T? x, T? y)
        {
            if (x.HasValue)
            {
                if (y.HasValue) return x.value.CompareTo(y.value);
                return 1;
            }
            if (y.HasValue) return -1;
            return 0;
        }

        public override bool Equals(object obj) => obj is NullableComparer<T>;
        public override int GetHashCode() => 3;
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;
        public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }
        public override int Compare(T x, T y) => _comparison(x, y);
    }
}

namespace System.Collections
{
    /// <summary>The non-generic default comparer: IComparable on the first argument, nulls first.</summary>
    public sealed class Comparer : IComparer
    {
        public static readonly Comparer Default = new Comparer();
        public static readonly Comparer DefaultInvariant = Default;

        public int Compare(object a, object b)
        {
            if (a == b) return 0;
            if (a == null) return -1;
            if (b == null) return 1;
            if (a is IComparable ia) return ia.CompareTo(b);
            if (b is IComparable ib) return -ib.CompareTo(a);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }
}
