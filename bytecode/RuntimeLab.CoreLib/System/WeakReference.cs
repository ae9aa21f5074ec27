using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// A reference the collector does not count. The target lives in a weak handle owned by this
    /// object: the collector clears the handle when the target dies and frees it when this object dies
    /// (there are no finalizers to do it). Resurrection is never tracked, since nothing is finalized.
    /// </summary>
    public class WeakReference
    {
        private readonly nint _handle;

        public WeakReference(object target) : this(target, false) { }

        public WeakReference(object target, bool trackResurrection) => _handle = WeakHandle.Alloc(this, target);

        public virtual bool IsAlive => WeakHandle.Get(_handle) is not null;

        public virtual bool TrackResurrection => false;

        public virtual object Target
        {
            get => WeakHandle.Get(_handle);
            set => WeakHandle.Set(_handle, value);
        }
    }

    public sealed class WeakReference<T> where T : class
    {
        private readonly nint _handle;

        public WeakReference(T target) : this(target, false) { }

        public WeakReference(T target, bool trackResurrection) => _handle = WeakHandle.Alloc(this, target);

        public bool TryGetTarget(out T target)
        {
            target = (T)WeakHandle.Get(_handle);
            return target is not null;
        }

        public void SetTarget(T target) => WeakHandle.Set(_handle, target);
    }

    /// <summary>The runtime's weak handles, as the two WeakReference types use them.</summary>
    internal static class WeakHandle
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern nint Alloc(object owner, object target);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern object Get(nint handle);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Set(nint handle, object target);
    }
}
