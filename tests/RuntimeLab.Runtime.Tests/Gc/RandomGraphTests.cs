using RuntimeLab.Runtime.Gc;

namespace RuntimeLab.Runtime.Tests.Gc;

/// <summary>
/// Random mutation of an object graph against a managed model of it: after collections the heap
/// must verify, and every node the model can reach must be in the heap with its value and edges.
/// </summary>
public sealed unsafe class RandomGraphTests
{
    private const int RootCount = 64;

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(2, 2, 0)]
    [InlineData(3, 3, 0)]
    [InlineData(4, 2, 7)]   // stress: a collection at every allocation
    public void RandomMutations_MatchTheModel(int seed, int promotionAge, int stress)
    {
        var rng = new Random(seed);
        using var f = new HeapFixture(new GcHeapOptions { PromotionAge = promotionAge, NurseryBytes = 256 << 10, GcStress = stress });
        // The model: node id → its address and its children's ids (0 = null); root slot → id.
        var address = new Dictionary<int, nint>();
        var edges = new Dictionary<int, (int Left, int Right)>();
        var roots = new int[RootCount];
        int nextId = 1;
        int operations = stress > 0 ? 5_000 : 40_000;

        for (int op = 0; op < operations; op++)
        {
            int r = rng.Next(100);
            if (r < 40 || address.Count < 10)
            {
                int id = nextId++;
                nint n = f.NewNode(0, 0, id);
                address[id] = n;
                edges[id] = (0, 0);
                int slot = rng.Next(RootCount);
                if (roots[slot] != 0 && rng.Next(2) == 0)
                {
                    // Linked from the node in the slot (which may be old by now).
                    int parent = roots[slot];
                    f.Heap.StoreRef((nint*)(address[parent] + TestTypes.LeftOffset), n);
                    edges[parent] = (id, edges[parent].Right);
                }
                else
                {
                    f.Roots[slot] = n;
                    roots[slot] = id;
                }
            }
            else if (r < 85)
            {
                // Link two reachable nodes (old→young, young→old, cycles) or clear a field.
                List<int> reach = ModelReachable(roots, edges);
                int from = reach[rng.Next(reach.Count)];
                int to = rng.Next(10) == 0 ? 0 : reach[rng.Next(reach.Count)];
                bool isLeft = rng.Next(2) == 0;
                f.Heap.StoreRef((nint*)(address[from] + (isLeft ? TestTypes.LeftOffset : TestTypes.RightOffset)), to == 0 ? 0 : address[to]);
                edges[from] = isLeft ? (to, edges[from].Right) : (edges[from].Left, to);
            }
            else if (r < 95)
            {
                int slot = rng.Next(RootCount);
                f.Roots[slot] = 0;
                roots[slot] = 0;
            }
            else
                f.Heap.Collect(rng.Next(4) == 0 ? GcKind.Full : GcKind.Minor);

            if (op % 400 == 0 || r >= 95)
            {
                f.Heap.Verify();
                var live = ModelReachable(roots, edges);
                foreach (int id in live)
                {
                    nint n = address[id];
                    Assert.True(f.IsLive(n), $"node {id} was freed");
                    Assert.Equal(id, HeapFixture.Value(n));
                    Assert.Equal(edges[id].Left == 0 ? 0 : address[edges[id].Left], HeapFixture.Left(n));
                    Assert.Equal(edges[id].Right == 0 ? 0 : address[edges[id].Right], HeapFixture.Right(n));
                }
                // Forget the unreachable part: its cells may be reused.
                var keep = new HashSet<int>(live);
                foreach (int id in address.Keys.Where(id => !keep.Contains(id)).ToList())
                {
                    address.Remove(id);
                    edges.Remove(id);
                }
            }
        }
        f.Heap.Collect();
        f.Heap.Verify();
        Assert.True(f.Heap.Stats.Collections > 5);
    }

    private static List<int> ModelReachable(int[] roots, Dictionary<int, (int Left, int Right)> edges)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(roots.Where(id => id != 0));
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (id == 0 || !seen.Add(id))
                continue;
            stack.Push(edges[id].Left);
            stack.Push(edges[id].Right);
        }
        return seen.Count > 0 ? [.. seen] : [.. edges.Keys.Take(1)];
    }
}
