using System.Collections;
using System.Collections.Generic;

namespace System
{

    /// <summary>Ordinal and invariant-culture string comparers (the only cultures RuntimeLab has).</summary>
    public abstract class StringComparer : IComparer<string>, IEqualityComparer<string>, IComparer, IEqualityComparer
    {
        public static StringComparer Ordinal { get; } = new OrdinalComparer(ignoreCase: false);
        public static StringComparer OrdinalIgnoreCase { get; } = new OrdinalComparer(ignoreCase: true);
        public static StringComparer InvariantCulture { get; } = new CultureComparer(StringComparison.InvariantCulture);
        public static StringComparer InvariantCultureIgnoreCase { get; } = new CultureComparer(StringComparison.InvariantCultureIgnoreCase);
        public static StringComparer CurrentCulture => InvariantCulture;
        public static StringComparer CurrentCultureIgnoreCase => InvariantCultureIgnoreCase;

        public abstract int Compare(string x, string y);
        public abstract bool Equals(string x, string y);
        public abstract int GetHashCode(string obj);

        public int Compare(object x, object y) => x == y ? 0 : x == null ? -1 : y == null ? 1
            : x is string a && y is string b ? Compare(a, b) : ((IComparable)x).CompareTo(y);
        public new bool Equals(object x, object y) => x == y || x != null && y != null && (x is string a && y is string b ? Equals(a, b) : x.Equals(y));
        public int GetHashCode(object obj) => obj is string s ? GetHashCode(s) : obj.GetHashCode();

        private sealed class OrdinalComparer : StringComparer
        {
            private readonly bool _ignoreCase;
            public OrdinalComparer(bool ignoreCase) { _ignoreCase = ignoreCase; }
            private StringComparison Kind => _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            public override int Compare(string x, string y) => string.Compare(x, y, Kind);
            public override bool Equals(string x, string y) => string.Equals(x, y, Kind);
            public override int GetHashCode(string obj)
            {
                if (obj == null) throw new ArgumentNullException("obj");
                return _ignoreCase ? obj.ToUpperInvariant().GetHashCode() : obj.GetHashCode();
            }
        }

        private sealed class CultureComparer : StringComparer
        {
            private readonly StringComparison _kind;
            public CultureComparer(StringComparison kind) { _kind = kind; }
            public override int Compare(string x, string y) => string.Compare(x, y, _kind);
            public override bool Equals(string x, string y) => string.Equals(x, y, _kind);
            public override int GetHashCode(string obj)
            {
                if (obj == null) throw new ArgumentNullException("obj");
                return _kind == StringComparison.InvariantCultureIgnoreCase ? obj.ToUpperInvariant().GetHashCode() : obj.GetHashCode();
            }
        }
    }
}
