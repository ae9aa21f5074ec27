namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// The VM's side of root finding. Roots are precise: at a collection the heap asks the provider to
/// report every slot that may hold a reference — interpreter stack slots and locals, statics blocks
/// (native memory), references the host code holds across an allocation — through the reporter.
/// Runtime-owned handles (interned literals, in-flight exceptions) are reported by <see cref="GcHandles"/>.
/// </summary>
public interface IGcRootProvider
{
    void ReportRoots(GcRootReporter reporter);
}
