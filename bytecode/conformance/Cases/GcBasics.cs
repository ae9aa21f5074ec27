// GC API surface: Collect, GetTotalMemory, KeepAlive, generations, weak references to live objects.
// Only deterministic facts are printed (comparisons, not byte counts; whether a dead object's weak
// reference is cleared depends on the JIT's lifetime reporting, so it is not tested).
static class GcBasics
{
    class Payload { public int[] Data = new int[100]; }

    public static int Run()
    {
        long before = GC.GetTotalMemory(false);
        Console.WriteLine("GetTotalMemory >= 0: " + (before >= 0));
        var keep = new List<Payload>();
        for (int i = 0; i < 50; i++) keep.Add(new Payload());
        GC.Collect();
        long after = GC.GetTotalMemory(true);
        Console.WriteLine("after forced collection >= 0: " + (after >= 0));
        Console.WriteLine("kept objects survive: " + keep.Count + " " + keep[49].Data.Length);
        var strong = new Payload();
        var weakAlive = new WeakReference(strong);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Console.WriteLine("weak reference to live object: " + weakAlive.IsAlive);
        GC.KeepAlive(strong);
        Console.WriteLine("MaxGeneration >= 0: " + (GC.MaxGeneration >= 0));
        int gen = GC.GetGeneration(keep);
        Console.WriteLine("generation in range: " + (gen >= 0 && gen <= GC.MaxGeneration));
        Console.WriteLine("CollectionCount(0) >= 1: " + (GC.CollectionCount(0) >= 1));
        var wr = new WeakReference<string>(new string('w', 3));
        Console.WriteLine("generic weak reference TryGetTarget works: " + (wr.TryGetTarget(out var s) ? s.Length : 3));
        return 0;
    }
}
