using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Immutable UTF-16 text. Layout fixed by the runtime: length at +8, chars from +12.</summary>
    public sealed class String
    {
        private int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) throw new IndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FastAllocateString(int length);

        internal static string FromChar(char c)
        {
            string s = FastAllocateString(1);
            s._firstChar = c;
            return s;
        }

        public static string Concat(string a, string b)
        {
            a ??= Empty;
            b ??= Empty;
            string s = FastAllocateString(a.Length + b.Length);
            for (int i = 0; i < a.Length; i++) Unsafe.Add(ref s._firstChar, i) = a[i];
            for (int i = 0; i < b.Length; i++) Unsafe.Add(ref s._firstChar, a.Length + i) = b[i];
            return s;
        }

        public static string Concat(string a, string b, string c) => Concat(Concat(a, b), c);
        public static string Concat(string a, string b, string c, string d) => Concat(Concat(a, b), Concat(c, d));

        public override string ToString() => this;

        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);

        public static bool Equals(string a, string b)
        {
            if ((object)a == b) return true;
            if ((object)a == null || (object)b == null || a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        public override bool Equals(object obj) => obj is string s && Equals(this, s);

        public override int GetHashCode()
        {
            int h = 5381;
            for (int i = 0; i < _stringLength; i++) h = (h * 33) ^ this[i];
            return h;
        }
    }
}

namespace System.Runtime.CompilerServices
{
    public static class Unsafe
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T Add<T>(ref T source, int elementOffset);
    }

    public static partial class RuntimeHelpers
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int GetHashCode(object o);
    }

    public enum MethodImplOptions { Unmanaged = 4, NoInlining = 8, ForwardRef = 16, Synchronized = 32, NoOptimization = 64, PreserveSig = 128, AggressiveInlining = 256, AggressiveOptimization = 512, InternalCall = 4096 }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions options) { }
        public MethodImplAttribute() { }
    }

    public sealed class IndexerNameAttribute : Attribute { public IndexerNameAttribute(string name) { } }
    public sealed class IsReadOnlyAttribute : Attribute { }
    public sealed class IsByRefLikeAttribute : Attribute { }
    public sealed class CompilerGeneratedAttribute : Attribute { }
    public sealed class ExtensionAttribute : Attribute { }
    public sealed class RuntimeCompatibilityAttribute : Attribute { public bool WrapNonExceptionThrows { get; set; } }
    public sealed class InlineArrayAttribute : Attribute { public InlineArrayAttribute(int length) { } }
}
