namespace System.Collections.Generic
{
    /// <summary>
    /// A red-black tree (parent-linked, bottom-up fix-ups). What a program can observe — sorted,
    /// duplicate-free enumeration, Min/Max, views — does not depend on the tree's shape, so the balancing
    /// need not mirror CoreCLR's top-down variant. A view (GetViewBetween) shares the tree and filters by range.
    /// </summary>
    public class SortedSet<T> : ISet<T>, ICollection<T>, IReadOnlySet<T>, IReadOnlyCollection<T>, ICollection
    {
        internal Node root;
        internal int count;
        internal int version;
        internal IComparer<T> comparer;

        public SortedSet() { comparer = Comparer<T>.Default; }

        public SortedSet(IComparer<T> comparer) { this.comparer = comparer ?? Comparer<T>.Default; }

        public SortedSet(IEnumerable<T> collection) : this(collection, Comparer<T>.Default) { }

        public SortedSet(IEnumerable<T> collection, IComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            foreach (T item in collection) Add(item);
        }

        public IComparer<T> Comparer => comparer;
        public virtual int Count => count;
        bool ICollection<T>.IsReadOnly => false;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        /// <summary>The set whose fields hold the tree: the set itself, or a view's underlying set.</summary>
        internal virtual SortedSet<T> Tree => this;
        internal virtual bool IsWithinRange(T item) => true;

        public T Min
        {
            get
            {
                Node n = MinNode();
                return n == null ? default : n.Item;
            }
        }

        public T Max
        {
            get
            {
                Node n = MaxNode();
                return n == null ? default : n.Item;
            }
        }

        internal virtual Node MinNode() => root == null ? null : Leftmost(root);
        internal virtual Node MaxNode() => root == null ? null : Rightmost(root);

        void ICollection<T>.Add(T item) => Add(item);

        public bool Add(T item) => AddIfNotPresent(item);

        internal virtual bool AddIfNotPresent(T item)
        {
            Node parent = null;
            Node x = root;
            int c = 0;
            while (x != null)
            {
                parent = x;
                c = comparer.Compare(item, x.Item);
                if (c == 0) return false;
                x = c < 0 ? x.Left : x.Right;
            }
            var z = new Node(item) { Parent = parent, IsRed = true };
            if (parent == null) root = z;
            else if (c < 0) parent.Left = z;
            else parent.Right = z;
            InsertFixup(z);
            count++;
            version++;
            return true;
        }

        public virtual bool Remove(T item)
        {
            Node z = FindNode(item);
            if (z == null) return false;
            DeleteNode(z);
            return true;
        }

        public virtual void Clear()
        {
            root = null;
            count = 0;
            version++;
        }

        public virtual bool Contains(T item) => FindNode(item) != null;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            Node node = FindNode(equalValue);
            if (node != null)
            {
                actualValue = node.Item;
                return true;
            }
            actualValue = default;
            return false;
        }

        internal virtual Node FindNode(T item)
        {
            Node x = root;
            while (x != null)
            {
                int c = comparer.Compare(item, x.Item);
                if (c == 0) return x;
                x = c < 0 ? x.Left : x.Right;
            }
            return null;
        }

        /// <summary>The first node whose item is ≥ <paramref name="item"/>.</summary>
        internal Node CeilingNode(T item)
        {
            Node x = root, best = null;
            while (x != null)
            {
                int c = comparer.Compare(item, x.Item);
                if (c == 0) return x;
                if (c < 0)
                {
                    best = x;
                    x = x.Left;
                }
                else x = x.Right;
            }
            return best;
        }

        /// <summary>The last node whose item is ≤ <paramref name="item"/>.</summary>
        internal Node FloorNode(T item)
        {
            Node x = root, best = null;
            while (x != null)
            {
                int c = comparer.Compare(item, x.Item);
                if (c == 0) return x;
                if (c > 0)
                {
                    best = x;
                    x = x.Right;
                }
                else x = x.Left;
            }
            return best;
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            var matches = new List<T>();
            foreach (T item in this)
                if (match(item)) matches.Add(item);
            int removed = 0;
            for (int i = matches.Count - 1; i >= 0; i--)
                if (Remove(matches[i])) removed++;
            return removed;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);
        public void CopyTo(T[] array, int index) => CopyTo(array, index, Count);

        public void CopyTo(T[] array, int index, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (count > array.Length - index) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            count += index;
            foreach (T item in this)
            {
                if (index >= count) break;
                array[index++] = item;
            }
        }

        void ICollection.CopyTo(Array array, int index)
        {
            T[] items = new T[Count];
            CopyTo(items, 0);
            Array.Copy(items, 0, array, index, items.Length);
        }

        public Enumerator GetEnumerator() => new Enumerator(this, false);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public IEnumerable<T> Reverse()
        {
            var e = new Enumerator(this, true);
            while (e.MoveNext()) yield return e.Current;
        }

        public virtual SortedSet<T> GetViewBetween(T lowerValue, T upperValue)
        {
            if (comparer.Compare(lowerValue, upperValue) > 0)
                throw new ArgumentException("Must be less than or equal to upperValue.", "lowerValue");
            return new TreeSubSet(this, lowerValue, upperValue);
        }

        // Set operations: the result is always the sorted, distinct contents, so plain element-wise loops suffice.

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other) Add(item);
        }

        public virtual void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0 || other == this) return;
            var keep = new SortedSet<T>(comparer);
            foreach (T item in other)
                if (Contains(item)) keep.Add(item);
            var drop = new List<T>();
            foreach (T item in this)
                if (!keep.Contains(item)) drop.Add(item);
            foreach (T item in drop) Remove(item);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0) return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in new SortedSet<T>(other, comparer))
                if (!Remove(item)) Add(item);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0) return true;
            var set = new SortedSet<T>(other, comparer);
            foreach (T item in this)
                if (!set.Contains(item)) return false;
            return true;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            var set = new SortedSet<T>(other, comparer);
            if (set.Count <= Count) return false;
            foreach (T item in this)
                if (!set.Contains(item)) return false;
            return true;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other)
                if (!Contains(item)) return false;
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0) return false;
            var set = new SortedSet<T>(other, comparer);
            foreach (T item in set)
                if (!Contains(item)) return false;
            return set.Count < Count;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0) return false;
            foreach (T item in other)
                if (Contains(item)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            var set = new SortedSet<T>(other, comparer);
            if (set.Count != Count) return false;
            foreach (T item in set)
                if (!Contains(item)) return false;
            return true;
        }

        internal static Node Leftmost(Node n)
        {
            while (n.Left != null) n = n.Left;
            return n;
        }

        internal static Node Rightmost(Node n)
        {
            while (n.Right != null) n = n.Right;
            return n;
        }

        internal static Node Successor(Node n)
        {
            if (n.Right != null) return Leftmost(n.Right);
            Node p = n.Parent;
            while (p != null && n == p.Right)
            {
                n = p;
                p = p.Parent;
            }
            return p;
        }

        internal static Node Predecessor(Node n)
        {
            if (n.Left != null) return Rightmost(n.Left);
            Node p = n.Parent;
            while (p != null && n == p.Left)
            {
                n = p;
                p = p.Parent;
            }
            return p;
        }

        private static bool IsRed(Node n) => n != null && n.IsRed;

        private void RotateLeft(Node x)
        {
            Node y = x.Right;
            x.Right = y.Left;
            if (y.Left != null) y.Left.Parent = x;
            Replace(x, y);
            y.Left = x;
            x.Parent = y;
        }

        private void RotateRight(Node x)
        {
            Node y = x.Left;
            x.Left = y.Right;
            if (y.Right != null) y.Right.Parent = x;
            Replace(x, y);
            y.Right = x;
            x.Parent = y;
        }

        /// <summary>Puts <paramref name="v"/> where <paramref name="u"/> hangs from its parent.</summary>
        private void Replace(Node u, Node v)
        {
            if (u.Parent == null) root = v;
            else if (u == u.Parent.Left) u.Parent.Left = v;
            else u.Parent.Right = v;
            if (v != null) v.Parent = u.Parent;
        }

        private void InsertFixup(Node z)
        {
            while (IsRed(z.Parent))
            {
                Node p = z.Parent;
                Node g = p.Parent;
                if (p == g.Left)
                {
                    Node u = g.Right;
                    if (IsRed(u))
                    {
                        p.IsRed = false;
                        u.IsRed = false;
                        g.IsRed = true;
                        z = g;
                        continue;
                    }
                    if (z == p.Right)
                    {
                        z = p;
                        RotateLeft(z);
                        p = z.Parent;
                    }
                    p.IsRed = false;
                    g.IsRed = true;
                    RotateRight(g);
                }
                else
                {
                    Node u = g.Left;
                    if (IsRed(u))
                    {
                        p.IsRed = false;
                        u.IsRed = false;
                        g.IsRed = true;
                        z = g;
                        continue;
                    }
                    if (z == p.Left)
                    {
                        z = p;
                        RotateRight(z);
                        p = z.Parent;
                    }
                    p.IsRed = false;
                    g.IsRed = true;
                    RotateLeft(g);
                }
            }
            root.IsRed = false;
        }

        internal void DeleteNode(Node z)
        {
            Node x, xParent;
            bool removedBlack = !z.IsRed;
            if (z.Left == null)
            {
                x = z.Right;
                xParent = z.Parent;
                Replace(z, z.Right);
            }
            else if (z.Right == null)
            {
                x = z.Left;
                xParent = z.Parent;
                Replace(z, z.Left);
            }
            else
            {
                // The successor takes z's place (and colour); the hole moves to where it was.
                Node y = Leftmost(z.Right);
                removedBlack = !y.IsRed;
                x = y.Right;
                if (y.Parent == z) xParent = y;
                else
                {
                    xParent = y.Parent;
                    Replace(y, y.Right);
                    y.Right = z.Right;
                    y.Right.Parent = y;
                }
                Replace(z, y);
                y.Left = z.Left;
                y.Left.Parent = y;
                y.IsRed = z.IsRed;
            }
            if (removedBlack) DeleteFixup(x, xParent);
            z.Left = z.Right = z.Parent = null;
            count--;
            version++;
        }

        private void DeleteFixup(Node x, Node parent)
        {
            while (x != root && !IsRed(x))
            {
                if (x == parent.Left)
                {
                    Node w = parent.Right;
                    if (w.IsRed)
                    {
                        w.IsRed = false;
                        parent.IsRed = true;
                        RotateLeft(parent);
                        w = parent.Right;
                    }
                    if (!IsRed(w.Left) && !IsRed(w.Right))
                    {
                        w.IsRed = true;
                        x = parent;
                        parent = x.Parent;
                    }
                    else
                    {
                        if (!IsRed(w.Right))
                        {
                            w.Left.IsRed = false;
                            w.IsRed = true;
                            RotateRight(w);
                            w = parent.Right;
                        }
                        w.IsRed = parent.IsRed;
                        parent.IsRed = false;
                        w.Right.IsRed = false;
                        RotateLeft(parent);
                        x = root;
                    }
                }
                else
                {
                    Node w = parent.Left;
                    if (w.IsRed)
                    {
                        w.IsRed = false;
                        parent.IsRed = true;
                        RotateRight(parent);
                        w = parent.Left;
                    }
                    if (!IsRed(w.Left) && !IsRed(w.Right))
                    {
                        w.IsRed = true;
                        x = parent;
                        parent = x.Parent;
                    }
                    else
                    {
                        if (!IsRed(w.Left))
                        {
                            w.Right.IsRed = false;
                            w.IsRed = true;
                            RotateLeft(w);
                            w = parent.Left;
                        }
                        w.IsRed = parent.IsRed;
                        parent.IsRed = false;
                        w.Left.IsRed = false;
                        RotateRight(parent);
                        x = root;
                    }
                }
            }
            if (x != null) x.IsRed = false;
        }

        internal sealed class Node
        {
            public T Item;
            public Node Left;
            public Node Right;
            public Node Parent;
            public bool IsRed;

            public Node(T item) { Item = item; }
        }

        /// <summary>A live window [lower, upper] onto another set's tree.</summary>
        internal sealed class TreeSubSet : SortedSet<T>
        {
            private readonly SortedSet<T> _underlying;
            private readonly T _min;
            private readonly T _max;

            public TreeSubSet(SortedSet<T> underlying, T min, T max) : base(underlying.comparer)
            {
                _underlying = underlying;
                _min = min;
                _max = max;
            }

            internal override SortedSet<T> Tree => _underlying.Tree;

            internal override bool IsWithinRange(T item) =>
                comparer.Compare(item, _min) >= 0 && comparer.Compare(item, _max) <= 0 && _underlying.IsWithinRange(item);

            public override int Count
            {
                get
                {
                    int n = 0;
                    foreach (T item in this) n++;
                    return n;
                }
            }

            internal override Node MinNode()
            {
                Node n = Tree.CeilingNode(_min);
                return n != null && IsWithinRange(n.Item) ? n : null;
            }

            internal override Node MaxNode()
            {
                Node n = Tree.FloorNode(_max);
                return n != null && IsWithinRange(n.Item) ? n : null;
            }

            internal override bool AddIfNotPresent(T item)
            {
                if (!IsWithinRange(item)) throw new ArgumentOutOfRangeException("item");
                return _underlying.AddIfNotPresent(item);
            }

            public override bool Remove(T item) => IsWithinRange(item) && _underlying.Remove(item);

            public override bool Contains(T item) => IsWithinRange(item) && _underlying.Contains(item);

            internal override Node FindNode(T item) => IsWithinRange(item) ? _underlying.FindNode(item) : null;

            public override void Clear()
            {
                var items = new List<T>(this);
                foreach (T item in items) _underlying.Remove(item);
            }

            public override SortedSet<T> GetViewBetween(T lowerValue, T upperValue)
            {
                if (comparer.Compare(lowerValue, upperValue) > 0)
                    throw new ArgumentException("Must be less than or equal to upperValue.", "lowerValue");
                if (!IsWithinRange(lowerValue)) throw new ArgumentOutOfRangeException("lowerValue");
                if (!IsWithinRange(upperValue)) throw new ArgumentOutOfRangeException("upperValue");
                return new TreeSubSet(this, lowerValue, upperValue);
            }
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly SortedSet<T> _set;
            private readonly SortedSet<T> _tree;
            private readonly int _version;
            private readonly bool _reverse;
            private Node _next;
            private T _current;
            private int _state; // 0 = not started, 1 = running, 2 = ended

            internal Enumerator(SortedSet<T> set, bool reverse)
            {
                _set = set;
                _tree = set.Tree;
                _version = _tree.version;
                _reverse = reverse;
                _next = null;
                _current = default;
                _state = 0;
            }

            public T Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_state != 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current;
                }
            }

            public bool MoveNext()
            {
                if (_version != _tree.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_state == 2) return false;
                Node n = _state == 0 ? (_reverse ? _set.MaxNode() : _set.MinNode()) : _next;
                if (n == null || !_set.IsWithinRange(n.Item))
                {
                    _state = 2;
                    _current = default;
                    return false;
                }
                _state = 1;
                _current = n.Item;
                _next = _reverse ? Predecessor(n) : Successor(n);
                return true;
            }

            public void Dispose() { }

            void IEnumerator.Reset()
            {
                if (_version != _tree.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _state = 0;
                _next = null;
                _current = default;
            }
        }
    }
}
