namespace System.Collections.Generic
{
    /// <summary>
    /// A circular doubly-linked list, as CoreCLR keeps it: <c>head</c> is the first node and
    /// <c>head.prev</c> the last, so First/Last and both ends' inserts are O(1).
    /// </summary>
    public class LinkedList<T> : ICollection<T>, IReadOnlyCollection<T>, ICollection
    {
        internal LinkedListNode<T> head;
        internal int count;
        internal int version;

        public LinkedList() { }

        public LinkedList(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            foreach (T item in collection) AddLast(item);
        }

        public int Count => count;
        public LinkedListNode<T> First => head;
        public LinkedListNode<T> Last => head == null ? null : head.prev;
        bool ICollection<T>.IsReadOnly => false;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        void ICollection<T>.Add(T value) => AddLast(value);

        public LinkedListNode<T> AddAfter(LinkedListNode<T> node, T value)
        {
            ValidateNode(node);
            var result = new LinkedListNode<T>(node.list, value);
            InsertNodeBefore(node.next, result);
            return result;
        }

        public void AddAfter(LinkedListNode<T> node, LinkedListNode<T> newNode)
        {
            ValidateNode(node);
            ValidateNewNode(newNode);
            InsertNodeBefore(node.next, newNode);
            newNode.list = this;
        }

        public LinkedListNode<T> AddBefore(LinkedListNode<T> node, T value)
        {
            ValidateNode(node);
            var result = new LinkedListNode<T>(node.list, value);
            InsertNodeBefore(node, result);
            if (node == head) head = result;
            return result;
        }

        public void AddBefore(LinkedListNode<T> node, LinkedListNode<T> newNode)
        {
            ValidateNode(node);
            ValidateNewNode(newNode);
            InsertNodeBefore(node, newNode);
            newNode.list = this;
            if (node == head) head = newNode;
        }

        public LinkedListNode<T> AddFirst(T value)
        {
            var result = new LinkedListNode<T>(this, value);
            AddFirstNode(result);
            return result;
        }

        public void AddFirst(LinkedListNode<T> node)
        {
            ValidateNewNode(node);
            AddFirstNode(node);
            node.list = this;
        }

        private void AddFirstNode(LinkedListNode<T> node)
        {
            if (head == null) InsertNodeToEmptyList(node);
            else
            {
                InsertNodeBefore(head, node);
                head = node;
            }
        }

        public LinkedListNode<T> AddLast(T value)
        {
            var result = new LinkedListNode<T>(this, value);
            if (head == null) InsertNodeToEmptyList(result);
            else InsertNodeBefore(head, result);
            return result;
        }

        public void AddLast(LinkedListNode<T> node)
        {
            ValidateNewNode(node);
            if (head == null) InsertNodeToEmptyList(node);
            else InsertNodeBefore(head, node);
            node.list = this;
        }

        public void Clear()
        {
            LinkedListNode<T> current = head;
            while (current != null)
            {
                LinkedListNode<T> temp = current;
                current = current.Next;
                temp.Invalidate();
            }
            head = null;
            count = 0;
            version++;
        }

        public bool Contains(T value) => Find(value) != null;

        public void CopyTo(T[] array, int index)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (index > array.Length) throw new ArgumentOutOfRangeException("index", "Must be less than or equal to the size of the collection.");
            if (array.Length - index < Count) throw new ArgumentException("Insufficient space in the target location to copy the information.");
            LinkedListNode<T> node = head;
            if (node != null)
            {
                do
                {
                    array[index++] = node.item;
                    node = node.next;
                } while (node != head);
            }
        }

        void ICollection.CopyTo(Array array, int index)
        {
            var items = new T[count];
            CopyTo(items, 0);
            Array.Copy(items, 0, array, index, items.Length);
        }

        public LinkedListNode<T> Find(T value)
        {
            LinkedListNode<T> node = head;
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            if (node != null)
            {
                if (value != null)
                {
                    do
                    {
                        if (c.Equals(node.item, value)) return node;
                        node = node.next;
                    } while (node != head);
                }
                else
                {
                    do
                    {
                        if (node.item == null) return node;
                        node = node.next;
                    } while (node != head);
                }
            }
            return null;
        }

        public LinkedListNode<T> FindLast(T value)
        {
            if (head == null) return null;
            LinkedListNode<T> last = head.prev;
            LinkedListNode<T> node = last;
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            do
            {
                if (value != null ? c.Equals(node.item, value) : node.item == null) return node;
                node = node.prev;
            } while (node != last);
            return null;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool Remove(T value)
        {
            LinkedListNode<T> node = Find(value);
            if (node != null)
            {
                InternalRemoveNode(node);
                return true;
            }
            return false;
        }

        public void Remove(LinkedListNode<T> node)
        {
            ValidateNode(node);
            InternalRemoveNode(node);
        }

        public void RemoveFirst()
        {
            if (head == null) throw new InvalidOperationException("The LinkedList is empty.");
            InternalRemoveNode(head);
        }

        public void RemoveLast()
        {
            if (head == null) throw new InvalidOperationException("The LinkedList is empty.");
            InternalRemoveNode(head.prev);
        }

        private void InsertNodeBefore(LinkedListNode<T> node, LinkedListNode<T> newNode)
        {
            newNode.next = node;
            newNode.prev = node.prev;
            node.prev.next = newNode;
            node.prev = newNode;
            version++;
            count++;
        }

        private void InsertNodeToEmptyList(LinkedListNode<T> newNode)
        {
            newNode.next = newNode;
            newNode.prev = newNode;
            head = newNode;
            version++;
            count++;
        }

        internal void InternalRemoveNode(LinkedListNode<T> node)
        {
            if (node.next == node)
            {
                head = null;
            }
            else
            {
                node.next.prev = node.prev;
                node.prev.next = node.next;
                if (head == node) head = node.next;
            }
            node.Invalidate();
            count--;
            version++;
        }

        internal static void ValidateNewNode(LinkedListNode<T> node)
        {
            if (node == null) throw new ArgumentNullException("node");
            if (node.list != null) throw new InvalidOperationException("The LinkedList node already belongs to a LinkedList.");
        }

        internal void ValidateNode(LinkedListNode<T> node)
        {
            if (node == null) throw new ArgumentNullException("node");
            if (node.list != this) throw new InvalidOperationException("The LinkedList node does not belong to current LinkedList.");
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly LinkedList<T> _list;
            private LinkedListNode<T> _node;
            private readonly int _version;
            private T _current;
            private int _index;

            internal Enumerator(LinkedList<T> list)
            {
                _list = list;
                _version = list.version;
                _node = list.head;
                _current = default;
                _index = 0;
            }

            public T Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list.Count + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current;
                }
            }

            public bool MoveNext()
            {
                if (_version != _list.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_node == null)
                {
                    _index = _list.Count + 1;
                    return false;
                }
                ++_index;
                _current = _node.item;
                _node = _node.next;
                if (_node == _list.head) _node = null;
                return true;
            }

            void IEnumerator.Reset()
            {
                if (_version != _list.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _current = default;
                _node = _list.head;
                _index = 0;
            }

            public void Dispose() { }
        }
    }

    public sealed class LinkedListNode<T>
    {
        internal LinkedList<T> list;
        internal LinkedListNode<T> next;
        internal LinkedListNode<T> prev;
        internal T item;

        public LinkedListNode(T value) { item = value; }

        internal LinkedListNode(LinkedList<T> list, T value)
        {
            this.list = list;
            item = value;
        }

        public LinkedList<T> List => list;
        public LinkedListNode<T> Next => next == null || next == list.head ? null : next;
        public LinkedListNode<T> Previous => prev == null || this == list.head ? null : prev;

        public T Value
        {
            get => item;
            set => item = value;
        }

        public ref T ValueRef => ref item;

        internal void Invalidate()
        {
            list = null;
            next = null;
            prev = null;
        }
    }
}
