using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// A delegate: a target and a method (a runtime method handle). Invoke is the runtime's: it calls
    /// the method, or each entry of a multicast delegate's invocation list in order, keeping the last result.
    /// </summary>
    public abstract class Delegate
    {
        internal object _target;
        internal IntPtr _methodHandle;

        public object Target => _target;

        public static Delegate Combine(Delegate a, Delegate b)
        {
            if (a == null) return b;
            if (b == null) return a;
            if (a.GetType() != b.GetType()) throw new ArgumentException("Delegates must be of the same type.");
            var list = new List<Delegate>();
            a.AppendInvocationList(list);
            b.AppendInvocationList(list);
            return FromList(a, list);
        }

        public static Delegate Combine(params Delegate[] delegates)
        {
            Delegate result = null;
            if (delegates != null) foreach (var d in delegates) result = Combine(result, d);
            return result;
        }

        /// <summary>Removes the last occurrence of <paramref name="value"/>'s invocation list from <paramref name="source"/>'s.</summary>
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source == null) return null;
            if (value == null) return source;
            var list = new List<Delegate>();
            source.AppendInvocationList(list);
            var remove = new List<Delegate>();
            value.AppendInvocationList(remove);
            for (int start = list.Count - remove.Count; start >= 0; start--)
            {
                bool match = true;
                for (int k = 0; k < remove.Count && match; k++) match = list[start + k].SameSingle(remove[k]);
                if (!match) continue;
                list.RemoveRange(start, remove.Count);
                return list.Count == 0 ? null : FromList(source, list);
            }
            return source;
        }

        public static Delegate RemoveAll(Delegate source, Delegate value)
        {
            Delegate last;
            do
            {
                last = source;
                source = Remove(source, value);
            } while (!ReferenceEquals(last, source));
            return source;
        }

        public Delegate[] GetInvocationList()
        {
            var list = new List<Delegate>();
            AppendInvocationList(list);
            return list.ToArray();
        }

        private void AppendInvocationList(List<Delegate> list)
        {
            var entries = this is MulticastDelegate m ? m._invocationList : null;
            if (entries == null) list.Add(this);
            else list.AddRange(entries);
        }

        private static Delegate FromList(Delegate template, List<Delegate> list)
        {
            if (list.Count == 1) return list[0];
            var result = (MulticastDelegate)template.MemberwiseClone();
            var last = list[list.Count - 1];
            result._target = last._target;
            result._methodHandle = last._methodHandle;
            result._invocationList = list.ToArray();
            return result;
        }

        private bool SameSingle(Delegate other) => ReferenceEquals(_target, other._target) && _methodHandle == other._methodHandle;

        public override bool Equals(object obj)
        {
            if (!(obj is Delegate other) || other.GetType() != GetType()) return false;
            var mine = GetInvocationList();
            var theirs = other.GetInvocationList();
            if (mine.Length != theirs.Length) return false;
            for (int i = 0; i < mine.Length; i++) if (!mine[i].SameSingle(theirs[i])) return false;
            return true;
        }

        public override int GetHashCode() => (int)_methodHandle;

        public static bool operator ==(Delegate a, Delegate b) => ReferenceEquals(a, null) ? ReferenceEquals(b, null) : a.Equals((object)b);
        public static bool operator !=(Delegate a, Delegate b) => !(a == b);
    }

    public abstract class MulticastDelegate : Delegate
    {
        internal Delegate[] _invocationList;

        public override bool Equals(object obj) => base.Equals(obj);
        public override int GetHashCode() => base.GetHashCode();
    }
}

namespace System.Threading
{
    /// <summary>Atomic operations; RuntimeLab runs one thread, so plain reads and writes are atomic. Events
    /// compile to a CompareExchange loop around Delegate.Combine.</summary>
    public static class Interlocked
    {
        public static T CompareExchange<T>(ref T location, T value, T comparand) where T : class
        {
            T original = location;
            if (ReferenceEquals(original, comparand)) location = value;
            return original;
        }

        public static int CompareExchange(ref int location, int value, int comparand)
        {
            int original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static T Exchange<T>(ref T location, T value) where T : class
        {
            T original = location;
            location = value;
            return original;
        }

        public static int Exchange(ref int location, int value)
        {
            int original = location;
            location = value;
            return original;
        }

        public static int Increment(ref int location) => ++location;
        public static long Increment(ref long location) => ++location;
        public static int Decrement(ref int location) => --location;
        public static long Decrement(ref long location) => --location;
        public static int Add(ref int location, int value) => location += value;
        public static long Add(ref long location, long value) => location += value;
    }
}
