namespace System.Collections.Generic
{
    /// <summary>
    /// CoreCLR's array-backed quaternary min-heap. Equal priorities come out in an order that depends on
    /// the exact sift steps (it is not FIFO), so the sift-up/sift-down, heapify and growth follow CoreCLR's.
    /// Nodes are a private struct rather than CoreCLR's (TElement, TPriority) tuple, and the tuple-typed
    /// members (items constructor, EnqueueRange of pairs, UnorderedItems) wait for System.ValueTuple.
    /// </summary>
    public class PriorityQueue<TElement, TPriority>
    {
        private const int Arity = 4;
        private const int Log2Arity = 2;

        private Node[] _nodes;
        private readonly IComparer<TPriority> _comparer;
        private int _size;
        private int _version;

        public PriorityQueue()
        {
            _nodes = new Node[0];
            _comparer = Comparer<TPriority>.Default;
        }

        public PriorityQueue(int initialCapacity) : this(initialCapacity, null) { }

        public PriorityQueue(IComparer<TPriority> comparer)
        {
            _nodes = new Node[0];
            _comparer = comparer ?? Comparer<TPriority>.Default;
        }

        public PriorityQueue(int initialCapacity, IComparer<TPriority> comparer)
        {
            if (initialCapacity < 0) throw new ArgumentOutOfRangeException("initialCapacity", "initialCapacity ('" + initialCapacity + "') must be a non-negative value.");
            _nodes = new Node[initialCapacity];
            _comparer = comparer ?? Comparer<TPriority>.Default;
        }

        public int Count => _size;
        public int Capacity => _nodes.Length;
        public IComparer<TPriority> Comparer => _comparer;

        public void Enqueue(TElement element, TPriority priority)
        {
            int currentSize = _size;
            _version++;
            if (_nodes.Length == currentSize) Grow(currentSize + 1);
            _size = currentSize + 1;
            MoveUp(new Node(element, priority), currentSize);
        }

        public TElement Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            return _nodes[0].Element;
        }

        public TElement Dequeue()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            TElement element = _nodes[0].Element;
            RemoveRootNode();
            return element;
        }

        public TElement DequeueEnqueue(TElement element, TPriority priority)
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            Node root = _nodes[0];
            if (_comparer.Compare(priority, root.Priority) > 0) MoveDown(new Node(element, priority), 0);
            else _nodes[0] = new Node(element, priority);
            _version++;
            return root.Element;
        }

        public bool TryDequeue(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                element = _nodes[0].Element;
                priority = _nodes[0].Priority;
                RemoveRootNode();
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public bool TryPeek(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                element = _nodes[0].Element;
                priority = _nodes[0].Priority;
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public TElement EnqueueDequeue(TElement element, TPriority priority)
        {
            if (_size != 0)
            {
                Node root = _nodes[0];
                if (_comparer.Compare(priority, root.Priority) > 0)
                {
                    MoveDown(new Node(element, priority), 0);
                    _version++;
                    return root.Element;
                }
            }
            return element;
        }

        public void EnqueueRange(IEnumerable<TElement> elements, TPriority priority)
        {
            if (elements == null) throw new ArgumentNullException("elements");
            int count;
            if (elements is ICollection<TElement> collection && (count = collection.Count) > _nodes.Length - _size) Grow(_size + count);
            if (_size == 0)
            {
                int i = 0;
                foreach (TElement element in elements)
                {
                    if (_nodes.Length == i) Grow(i + 1);
                    _nodes[i++] = new Node(element, priority);
                }
                _size = i;
                _version++;
                if (i > 1) Heapify();
            }
            else
            {
                foreach (TElement element in elements) Enqueue(element, priority);
            }
        }

        public bool Remove(TElement element, out TElement removedElement, out TPriority priority, IEqualityComparer<TElement> equalityComparer = null)
        {
            int index = FindIndex(element, equalityComparer);
            if (index < 0)
            {
                removedElement = default;
                priority = default;
                return false;
            }
            Node removed = _nodes[index];
            removedElement = removed.Element;
            priority = removed.Priority;
            int newSize = --_size;
            if (index < newSize)
            {
                // The last node fills the hole, then moves whichever way restores the heap.
                Node lastNode = _nodes[newSize];
                if (_comparer.Compare(lastNode.Priority, removed.Priority) < 0) MoveUp(lastNode, index);
                else MoveDown(lastNode, index);
            }
            _nodes[newSize] = default;
            _version++;
            return true;
        }

        public void Clear()
        {
            Array.Clear(_nodes, 0, _size);
            _size = 0;
            _version++;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "capacity ('" + capacity + "') must be a non-negative value.");
            if (_nodes.Length < capacity)
            {
                Grow(capacity);
                _version++;
            }
            return _nodes.Length;
        }

        public void TrimExcess()
        {
            int threshold = (int)(_nodes.Length * 0.9);
            if (_size < threshold)
            {
                Array.Resize(ref _nodes, _size);
                _version++;
            }
        }

        private void Grow(int minCapacity)
        {
            const int GrowFactor = 2;
            const int MinimumGrow = 4;
            int newcapacity = GrowFactor * _nodes.Length;
            if ((uint)newcapacity > (uint)Array.MaxLength) newcapacity = Array.MaxLength;
            if (newcapacity < _nodes.Length + MinimumGrow) newcapacity = _nodes.Length + MinimumGrow;
            if (newcapacity < minCapacity) newcapacity = minCapacity;
            Array.Resize(ref _nodes, newcapacity);
        }

        private void RemoveRootNode()
        {
            int lastNodeIndex = --_size;
            _version++;
            if (lastNodeIndex > 0)
            {
                Node lastNode = _nodes[lastNodeIndex];
                MoveDown(lastNode, 0);
            }
            _nodes[lastNodeIndex] = default;
        }

        private static int GetParentIndex(int index) => (index - 1) >> Log2Arity;
        private static int GetFirstChildIndex(int index) => (index << Log2Arity) + 1;

        private void Heapify()
        {
            int lastParentWithChildren = GetParentIndex(_size - 1);
            for (int index = lastParentWithChildren; index >= 0; --index) MoveDown(_nodes[index], index);
        }

        private void MoveUp(Node node, int nodeIndex)
        {
            Node[] nodes = _nodes;
            while (nodeIndex > 0)
            {
                int parentIndex = GetParentIndex(nodeIndex);
                Node parent = nodes[parentIndex];
                if (_comparer.Compare(node.Priority, parent.Priority) < 0)
                {
                    nodes[nodeIndex] = parent;
                    nodeIndex = parentIndex;
                }
                else break;
            }
            nodes[nodeIndex] = node;
        }

        private void MoveDown(Node node, int nodeIndex)
        {
            Node[] nodes = _nodes;
            int size = _size;
            int i;
            while ((i = GetFirstChildIndex(nodeIndex)) < size)
            {
                // The smallest child wins; among equal children the leftmost (first strict less-than).
                Node minChild = nodes[i];
                int minChildIndex = i;
                int childIndexUpperBound = i + Arity < size ? i + Arity : size;
                while (++i < childIndexUpperBound)
                {
                    Node nextChild = nodes[i];
                    if (_comparer.Compare(nextChild.Priority, minChild.Priority) < 0)
                    {
                        minChild = nextChild;
                        minChildIndex = i;
                    }
                }
                if (_comparer.Compare(node.Priority, minChild.Priority) <= 0) break;
                nodes[nodeIndex] = minChild;
                nodeIndex = minChildIndex;
            }
            nodes[nodeIndex] = node;
        }

        private int FindIndex(TElement element, IEqualityComparer<TElement> equalityComparer)
        {
            equalityComparer ??= EqualityComparer<TElement>.Default;
            for (int i = 0; i < _size; i++)
            {
                if (equalityComparer.Equals(element, _nodes[i].Element)) return i;
            }
            return -1;
        }

        private struct Node
        {
            public TElement Element;
            public TPriority Priority;
            public Node(TElement element, TPriority priority) { Element = element; Priority = priority; }
        }
    }
}
