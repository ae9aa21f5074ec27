using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    /// <summary>Unchecked access to collection internals.</summary>
    public static class CollectionsMarshal
    {
        /// <summary>The list's live items in place; collection expressions fill a List&lt;T&gt; through it.</summary>
        public static Span<T> AsSpan<T>(List<T> list) => list == null ? default : new Span<T>(list._items, 0, list._size);

        /// <summary>Shrinking clears the dropped items only when they hold references, as CoreCLR does, so growing
        /// again can reveal the old values of an unmanaged T.</summary>
        public static void SetCount<T>(List<T> list, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            list._version++;
            if (count > list._items.Length) list.Grow(count);
            else if (count < list._size && RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(list._items, count, list._size - count);
            list._size = count;
        }
    }
}
