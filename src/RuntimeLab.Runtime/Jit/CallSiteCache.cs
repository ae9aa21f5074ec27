using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// The inline cache of one virtual or interface call site for compiled code, in native memory: the
/// receiver type the site saw last, the entry cell of the method that type dispatches to, and how
/// far to move <c>this</c> (a boxed struct's method takes a byref to the value). Compiled code calls
/// straight through it when the receiver's type matches and the target is compiled; otherwise the
/// helper resolves the call as the interpreter does and refills the cache
/// (<c>Interpreter.CallVirtualForCompiled</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CallSiteCache
{
    public MethodTable* Type;
    public nint* EntryCell;
    public long ThisAdjust;

    public const int TypeOffset = 0, EntryCellOffset = 8, ThisAdjustOffset = 16;
}
