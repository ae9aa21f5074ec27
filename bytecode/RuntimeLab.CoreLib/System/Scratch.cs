namespace System {
  public class Object { public virtual string ToString() => "x"; }
  public abstract class ValueType {}
  public abstract class Enum : ValueType {}
  public sealed class String { public int Length => 0; }
  public struct Void {} public struct Boolean {} public struct Char {} public struct SByte {} public struct Byte {}
  public struct Int16 {} public struct UInt16 {} public struct Int32 {} public struct UInt32 {} public struct Int64 {} public struct UInt64 {}
  public struct IntPtr {} public struct UIntPtr {} public struct Single {} public struct Double {}
  public abstract class Array {} public class Exception {} public abstract class Delegate {} public abstract class MulticastDelegate : Delegate {}
  public class Attribute {} public struct RuntimeTypeHandle {} public struct RuntimeFieldHandle {} public struct RuntimeMethodHandle {}
  public abstract class Type {}
  public sealed class AttributeUsageAttribute : Attribute { public AttributeUsageAttribute(AttributeTargets t){} public bool AllowMultiple {get;set;} public bool Inherited{get;set;} }
  public enum AttributeTargets { All = 32767 }
  public interface IDisposable { void Dispose(); }
  public struct Nullable<T> where T : struct {}
  public static class Console { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] public static extern void WriteLine(string s); }
}
namespace System.Runtime.CompilerServices { public enum MethodImplOptions { InternalCall = 4096 } public sealed class MethodImplAttribute : Attribute { public MethodImplAttribute(MethodImplOptions o){} } }
