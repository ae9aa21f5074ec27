using RuntimeLab.Jit.Compile;
using RuntimeLab.Runtime;
using RuntimeLab.Runtime.Jit;

namespace RuntimeLab.AppVm.Tests;

/// <summary>
/// The JIT's lowering rules at their edges. The oracle is the interpreter (itself held to CoreCLR by
/// the conformance corpus): each program prints the same in <c>interp</c> and <c>jit</c> mode, and
/// the JIT log must show the methods under test compiled, so a method that silently stayed
/// interpreted fails the test. Where .NET documents the answer, the test states it too.
/// </summary>
public sealed class JitTests
{
    private sealed record Outcome(int Code, string Stdout, string Stderr, string JitLog);

    private static Outcome Run(string source, TierMode tier, RunOptions? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rl-jit-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, source);
        try
        {
            var log = new StringWriter { NewLine = "\n" };
            var (code, stdout, stderr) = SampleProgram.RunOnRuntimeLab(path, [], (options ?? new RunOptions()) with { Tier = tier, JitLog = log });
            return new Outcome(code, stdout, stderr, log.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs in both modes, requires equal output and exit code, and that <paramref name="compiled"/> compiled.</summary>
    private static Outcome Agree(string source, params string[] compiled)
    {
        var interpreted = Run(source, TierMode.Interp);
        var jit = Run(source, TierMode.Jit);
        Assert.Equal(interpreted.Stdout, jit.Stdout);
        Assert.Equal(interpreted.Code, jit.Code);
        foreach (var method in compiled)
            Assert.Contains($"compiled {method}", jit.JitLog);
        return jit;
    }

    [Fact]
    public void ConversionsOfNaNInfinitiesAndBoundsAgree()
    {
        var jit = Agree("""
            using System;
            static class P
            {
                static readonly double[] Values = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.5, -0.5, 1.5, -1.5,
                    127.9, 128.0, -129.0, 255.5, 256.0, 32767.5, 32768.0, -32769.0, 65535.9, 65536.0, 2147483647.0, 2147483648.0,
                    -2147483648.0, -2147483649.0, 4294967295.0, 4294967296.0, 9.2233720368547758E18, -9.2233720368547758E18, 1.8446744073709552E19, 1e300 };
                static string Unchecked(double d) =>
                    $"{(sbyte)d} {(byte)d} {(short)d} {(ushort)d} {(int)d} {(uint)d} {(long)d} {(ulong)d} {(float)d}";
                static string Checked(double d)
                {
                    string s = "";
                    s += Try(() => checked((int)d)) + " " + Try(() => checked((uint)d)) + " " + Try(() => checked((long)d)) + " " + Try(() => checked((byte)d));
                    return s;
                }
                static string Try(Func<long> f) { try { return f().ToString(); } catch (OverflowException) { return "ovf"; } }
                static string Ints(long v) => $"{(sbyte)v} {(byte)v} {(short)v} {(ushort)v} {(int)v} {(uint)v} {(ulong)v} {(double)v} {(float)v} {(double)(ulong)v} {(double)(uint)v}";
                static void Main()
                {
                    foreach (var d in Values) Console.WriteLine(Unchecked(d) + " | " + Checked(d) + " | " + Unchecked((float)d));
                    foreach (var v in new long[] { 0, -1, 127, 128, 255, 256, -32769, 65535, int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue })
                        Console.WriteLine(Ints(v));
                }
            }
            """, "P.Unchecked(double)", "P.Ints(long)");
        // .NET 9 and later saturate floating-point to integer conversions: NaN becomes 0.
        Assert.StartsWith("0 0 0 0 0 0 0 0 NaN | ovf ovf ovf ovf", jit.Stdout);
    }

    [Fact]
    public void OverflowCheckedArithmeticAgrees()
    {
        var jit = Agree("""
            using System;
            static class P
            {
                static int AddI(int a, int b) => checked(a + b);
                static int SubI(int a, int b) => checked(a - b);
                static int MulI(int a, int b) => checked(a * b);
                static uint AddU(uint a, uint b) => checked(a + b);
                static uint SubU(uint a, uint b) => checked(a - b);
                static uint MulU(uint a, uint b) => checked(a * b);
                static long AddL(long a, long b) => checked(a + b);
                static long MulL(long a, long b) => checked(a * b);
                static ulong SubUL(ulong a, ulong b) => checked(a - b);
                static ulong MulUL(ulong a, ulong b) => checked(a * b);
                static string T(Func<object> f) { try { return f().ToString(); } catch (OverflowException) { return "ovf"; } }
                static void Main()
                {
                    Console.WriteLine(T(() => AddI(int.MaxValue, 1)) + " " + T(() => AddI(int.MaxValue, 0)) + " " + T(() => SubI(int.MinValue, 1)) + " " + T(() => MulI(65536, 32768)) + " " + T(() => MulI(-65536, 32768)));
                    Console.WriteLine(T(() => AddU(uint.MaxValue, 1)) + " " + T(() => SubU(0, 1)) + " " + T(() => MulU(65536, 65536)) + " " + T(() => MulU(65535, 65537)));
                    Console.WriteLine(T(() => AddL(long.MaxValue, 1)) + " " + T(() => MulL(long.MinValue, -1)) + " " + T(() => MulL(3037000499, 3037000499)) + " " + T(() => MulL(3037000500, 3037000500)));
                    Console.WriteLine(T(() => SubUL(0, 1)) + " " + T(() => MulUL(4294967296, 4294967296)) + " " + T(() => MulUL(4294967295, 4294967297)));
                }
            }
            """, "P.AddI(int, int)", "P.MulU(uint, uint)", "P.MulL(long, long)", "P.SubUL(ulong, ulong)");
        Assert.Equal("ovf 2147483647 ovf ovf -2147483648\novf ovf ovf 4294967295\novf ovf 9223372030926249001 ovf\novf ovf 18446744073709551615\n", jit.Stdout);
    }

    [Fact]
    public void DivisionByZeroAndMinValueByMinusOneAgree()
    {
        var jit = Agree("""
            using System;
            static class P
            {
                static int Div(int a, int b) => a / b;
                static int Rem(int a, int b) => a % b;
                static long DivL(long a, long b) => a / b;
                static long RemL(long a, long b) => a % b;
                static uint DivU(uint a, uint b) => a / b;
                static double DivD(double a, double b) => a / b;
                static double RemD(double a, double b) => a % b;
                static string T(Func<object> f) { try { return f().ToString(); } catch (Exception e) { return e.GetType().Name; } }
                static void Main()
                {
                    Console.WriteLine(T(() => Div(7, 0)) + " " + T(() => Div(int.MinValue, -1)) + " " + T(() => Rem(int.MinValue, -1)) + " " + T(() => Rem(-7, 2)) + " " + T(() => Div(-7, 2)));
                    Console.WriteLine(T(() => DivL(long.MinValue, -1)) + " " + T(() => RemL(long.MinValue, -1)) + " " + T(() => RemL(5, 0)) + " " + T(() => DivL(long.MinValue, 2)));
                    Console.WriteLine(T(() => DivU(uint.MaxValue, 2)) + " " + T(() => DivU(1, 0)) + " " + T(() => DivD(1, 0)) + " " + T(() => RemD(-5.5, 2)) + " " + T(() => RemD(1, 0)));
                }
            }
            """, "P.Div(int, int)", "P.RemL(long, long)", "P.DivU(uint, uint)", "P.RemD(double, double)");
        Assert.StartsWith("DivideByZeroException OverflowException OverflowException -1 -3\n", jit.Stdout);
    }

    [Fact]
    public void VirtualAndInterfaceCallsOnGenericValueTypesAgree()
    {
        Agree("""
            using System;
            interface IShape { double Area(); string Name { get; } }
            struct Box<T> : IShape where T : IComparable<T>
            {
                public T Value; public double Side;
                public double Area() => Side * Side;
                public string Name => "box of " + Value;
                public override string ToString() => $"Box({Value}, {Side})";
            }
            abstract class Animal { public abstract string Speak(); public virtual int Legs => 4; }
            sealed class Bird : Animal { public override string Speak() => "tweet"; public override int Legs => 2; }
            sealed class Dog : Animal { public override string Speak() => "woof"; }
            static class P
            {
                static double Total<S>(S[] shapes) where S : IShape { double t = 0; for (int i = 0; i < shapes.Length; i++) t += shapes[i].Area(); return t; }
                static string Describe(IShape s) => s.Name + " " + s.Area();
                static string Call(Animal a) => a.Speak() + a.Legs;
                static void Main()
                {
                    var boxes = new[] { new Box<int> { Value = 3, Side = 1.5 }, new Box<int> { Value = -1, Side = 2 } };
                    Console.WriteLine(Total(boxes));
                    Console.WriteLine(Describe(boxes[1]) + " " + boxes[0].ToString() + " " + new Box<string> { Value = "s", Side = 3 }.Name);
                    foreach (var a in new Animal[] { new Bird(), new Dog() }) Console.WriteLine(Call(a));
                    IComparable<int> c = 5; Console.WriteLine(c.CompareTo(7));
                }
            }
            """, "P.Describe(IShape)", "P.Call(Animal)", "Box<int>.Area()");
    }

    [Fact]
    public void ExceptionsCrossCompiledAndInterpretedFramesWithFinallyOrder()
    {
        // In jit mode every method compiles, those with try clauses too: an exception raised inside a
        // compiled try block is handed to the interpreter on that frame. Then each method in turn is
        // kept interpreted (the backend is made to reject it), so every throw also crosses between
        // compiled and interpreted frames, in both directions, with finally blocks innermost first.
        var source = """
            using System;
            static class P
            {
                static int Thrower(int[] a, int i) => a[i];                 // throws IndexOutOfRange
                static int Middle(int[] a, int i) => Thrower(a, i) + 1;
                static void WithFinally(int[] a, int i)
                {
                    try { Console.WriteLine("inner " + Middle(a, i)); }
                    finally { Console.WriteLine("finally in WithFinally"); }
                }
                static void Around(int[] a, int i) => WithFinally(a, i);
                static void ThrowsManaged(string s) { if (s.Length > 2) throw new InvalidOperationException("long " + s); }
                static int CatchesOwn(int d)
                {
                    int r = 0;
                    try { r = 10 / d; }
                    catch (DivideByZeroException) { r = -1; }
                    finally { r += 100; }
                    return r;
                }
                static void Main()
                {
                    var a = new int[3];
                    try { Around(a, 1); Around(a, 5); }
                    catch (IndexOutOfRangeException) { Console.WriteLine("caught in Main"); }
                    finally { Console.WriteLine("finally in Main"); }
                    try { ThrowsManaged("ab"); ThrowsManaged("abc"); }
                    catch (InvalidOperationException e) when (e.Message.StartsWith("long")) { Console.WriteLine("filtered: " + e.Message); }
                    object o = null;
                    try { Console.WriteLine(o.GetHashCode()); } catch (NullReferenceException) { Console.WriteLine("null"); }
                    Console.WriteLine(CatchesOwn(5) + " " + CatchesOwn(0));
                }
            }
            """;
        var jit = Agree(source, "P.Thrower(int[], int)", "P.Middle(int[], int)", "P.Around(int[], int)", "P.ThrowsManaged(string)",
            "P.WithFinally(int[], int)", "P.CatchesOwn(int)", "P.Main()");
        Assert.Equal("inner 1\nfinally in WithFinally\nfinally in WithFinally\ncaught in Main\nfinally in Main\nfiltered: long abc\nnull\n102 99\n", jit.Stdout);
        foreach (var interpreted in new[] { "P::Thrower", "P::Middle", "P::WithFinally", "P::Around", "P::ThrowsManaged", "P::Main" })
        {
            var mixed = Run(source, TierMode.Jit, new RunOptions { JitBreakIr = interpreted });
            Assert.Equal(jit.Stdout, mixed.Stdout);
            Assert.Contains($"{interpreted.Replace("::", ".")}(", mixed.JitLog.Split('\n').Single(l => l.Contains("stays interpreted")));
        }
    }

    [Fact]
    public void UnhandledExceptionStackTraceNamesCompiledFrames()
    {
        var jit = Agree("""
            static class P
            {
                static int Deep(int n) => n == 0 ? 1 / n : Deep(n - 1);
                static void Main() => System.Console.WriteLine(Deep(3));
            }
            """, "P.Deep(int)");
        Assert.Equal(134, jit.Code);
        Assert.StartsWith("Unhandled exception. System.DivideByZeroException: Attempted to divide by zero.", jit.Stderr);
        Assert.Equal(4, jit.Stderr.Split('\n').Count(l => l.Contains("at P.Deep(int)")));
        Assert.Contains("at P.Main()", jit.Stderr);
    }

    [Fact]
    public void StructReturnsAndByrefsIntoArraysAndFieldsAgree()
    {
        var jit = Agree("""
            using System;
            struct Vec { public double X, Y, Z; public Vec(double x, double y, double z) { X = x; Y = y; Z = z; }
                public static Vec operator +(Vec a, Vec b) => new Vec(a.X + b.X, a.Y + b.Y, a.Z + b.Z); }
            class Holder { public int Count; public Vec Position; public long[] Data = new long[4]; }
            static class P
            {
                static Vec Make(int i) => new Vec(i, i * 2, i * 3);
                static Vec Sum(Vec[] vs) { var s = new Vec(); for (int i = 0; i < vs.Length; i++) s = s + vs[i]; return s; }
                static void Bump(ref int x, int by) => x += by;
                static ref long Slot(long[] a, int i) => ref a[i];
                static void Scale(ref Vec v, double f) { v.X *= f; v.Y *= f; v.Z *= f; }
                static void Main()
                {
                    var vs = new Vec[5];
                    for (int i = 0; i < vs.Length; i++) vs[i] = Make(i);
                    var s = Sum(vs);
                    Console.WriteLine($"{s.X} {s.Y} {s.Z}");
                    var h = new Holder();
                    Bump(ref h.Count, 5); Bump(ref h.Count, -2);
                    Slot(h.Data, 2) = 42; Slot(h.Data, 3) += 7;
                    Scale(ref vs[4], 0.5); Scale(ref h.Position, 3);
                    h.Position = h.Position + Make(1);
                    Console.WriteLine($"{h.Count} {string.Join(",", h.Data)} {vs[4].X} {vs[4].Z} {h.Position.Y}");
                    try { Slot(h.Data, 4) = 1; } catch (IndexOutOfRangeException) { Console.WriteLine("bounds"); }
                }
            }
            """, "P.Make(int)", "P.Sum(Vec[])", "P.Bump(ref int, int)", "P.Slot(long[], int)", "P.Scale(ref Vec, double)");
        Assert.Equal("10 20 30\n3 0,0,42,7 2 6 2\nbounds\n", jit.Stdout);
    }

    [Fact]
    public void ShiftsComparisonsAndUnorderedBranchesAgree()
    {
        Agree("""
            using System;
            static class P
            {
                static string Shifts(int x, int n) => $"{x << n} {x >> n} {(uint)x >> n} {(long)x << n} {(long)x >> n} {(ulong)(long)x >> n}";
                static string Compare(double a, double b) => $"{a < b}{a <= b}{a > b}{a >= b}{a == b}{a != b}{!(a < b)}{!(a >= b)}";
                static int Branches(double a, double b) { int r = 0; if (a < b) r |= 1; if (!(a >= b)) r |= 2; if (a > b) r |= 4; if (!(a <= b)) r |= 8; if (a == b) r |= 16; if (a != b) r |= 32; return r; }
                static string Unsigned(int a, int b) => $"{(uint)a < (uint)b} {(ulong)(long)a > (ulong)(long)b} {(uint)a / (uint)(b | 1)}";
                static void Main()
                {
                    foreach (var n in new[] { 0, 1, 31, 32, 33, 63, 64, -1 }) Console.WriteLine(Shifts(-123456789, n));
                    var vals = new[] { double.NaN, 1.0, -0.0, 0.0, double.PositiveInfinity };
                    foreach (var a in vals) foreach (var b in vals) Console.WriteLine(Compare(a, b) + " " + Branches(a, b));
                    Console.WriteLine(Unsigned(-1, 1) + " " + Unsigned(1, -1) + " " + Unsigned(int.MinValue, int.MaxValue));
                }
            }
            """, "P.Shifts(int, int)", "P.Compare(double, double)", "P.Branches(double, double)", "P.Unsigned(int, int)");
    }

    [Fact]
    public void TieredModeSwitchesToCompiledCodeMidRun()
    {
        var source = """
            static class P
            {
                static long Step(long x) => x % 2 == 0 ? x / 2 : 3 * x + 1;
                static void Main()
                {
                    long steps = 0;
                    for (long n = 1; n < 20000; n++) for (long x = n; x != 1; x = Step(x)) steps++;
                    System.Console.WriteLine(steps);
                }
            }
            """;
        var tiered = Run(source, TierMode.Tiered, new RunOptions { HotCalls = 50 });
        Assert.Equal(Run(source, TierMode.Interp).Stdout, tiered.Stdout);
        Assert.Contains("compiled P.Step(long) (hot: 50 calls)", tiered.JitLog);
    }

    [Fact]
    public void ArrayShapeAndCopyIntrinsicsAgreeWithTheInternalCalls()
    {
        // Inline for one-dimensional arrays without references; multi-dimensional arrays, reference
        // elements (the barrier), mixed types (widening) and null go to the internal call.
        Agree("""
            using System;
            struct Pair { public string Name; public int N; }
            static class P
            {
                static string Shapes(Array a) => a.Rank + " " + a.Length + " " + a.GetLowerBound(0) + " " + (a.Rank > 1 ? a.GetLowerBound(1) : -1);
                static string Copies()
                {
                    var ints = new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
                    Array.Copy(ints, 0, ints, 3, 6);                 // overlapping, forwards
                    Array.Copy(ints, 4, ints, 1, 5);                 // overlapping, backwards
                    var longs = new long[10];
                    Array.Copy(ints, longs, 10);                     // widening: element by element
                    var strings = new[] { "a", "b", "c" };
                    var more = new string[4];
                    Array.Copy(strings, 0, more, 1, 3);              // references: through the barrier
                    var pairs = new[] { new Pair { Name = "x", N = 1 }, new Pair { Name = "y", N = 2 } };
                    var pairCopy = new Pair[2];
                    Array.Copy(pairs, pairCopy, 2);
                    var doubles = new double[] { 1.5, -2.5 };
                    var doubleCopy = new double[3];
                    Array.Copy(doubles, 0, doubleCopy, 1, 2);
                    return string.Join(",", ints) + " " + string.Join(",", longs) + " " + string.Join(",", more) + " " +
                        pairCopy[1].Name + pairCopy[1].N + " " + string.Join(",", doubleCopy);
                }
                static void Main()
                {
                    Console.WriteLine(Shapes(new int[5]) + " | " + Shapes(new int[2, 3]) + " | " + Shapes(new string[0]));
                    Console.WriteLine(Copies());
                    try { Console.WriteLine(Shapes(null)); } catch (NullReferenceException) { Console.WriteLine("null"); }
                    try { Array.Copy(new int[3], new int[2], 3); } catch (ArgumentException e) { Console.WriteLine(e.GetType().Name); }
                }
            }
            """, "P.Shapes(System.Array)", "P.Copies()");
    }

    [Fact]
    public void InlineCachesFollowReceiversOfChangingTypes()
    {
        // One call site sees classes, a boxed struct (whose method takes a byref into the box) and a
        // null in turn, so the cache misses, refills and hits, and `this` is moved only for the struct.
        Agree("""
            using System;
            interface IValue { int Get(); }
            abstract class Base : IValue { public abstract int Get(); public virtual string Name => "base"; }
            sealed class One : Base { public override int Get() => 1; }
            sealed class Two : Base { public override int Get() => 2; public override string Name => "two"; }
            struct Boxed : IValue { public int V; public int Get() => V * 10; }
            static class P
            {
                static long Sum(IValue[] values, int rounds)
                {
                    long total = 0;
                    for (int r = 0; r < rounds; r++)
                        foreach (var v in values) total += v.Get();
                    return total;
                }
                static string Names(Base[] items) { var s = ""; foreach (var b in items) s += b.Name + " "; return s; }
                static int Guarded(IValue v) { try { return v.Get(); } catch (NullReferenceException) { return -1; } }
                static void Main()
                {
                    var values = new IValue[] { new One(), new Boxed { V = 7 }, new Two(), new Two(), new Boxed { V = 3 }, new One() };
                    Console.WriteLine(Sum(values, 1000));
                    Console.WriteLine(Names(new Base[] { new One(), new Two(), new One() }));
                    Console.WriteLine(Guarded(new Two()) + " " + Guarded(null) + " " + Guarded(new Boxed { V = 4 }));
                }
            }
            """, "P.Sum(IValue[], int)", "P.Names(Base[])", "P.Guarded(IValue)");
    }

    [Fact]
    public void InlineAllocationSurvivesCollectionsAndThrowingConstructors()
    {
        // Enough small objects to use up many blocks (the helper's slow path, and collections under
        // it), constructors with several arguments (they move up a slot first), one that throws after
        // its object exists, and a newobj inside a try block; small arrays inline, large and
        // negative-length ones through the helper.
        Agree("""
            using System;
            class Node
            {
                public Node Left, Right; public int Value; public double Weight;
                public Node(Node left, Node right, int value, double weight) { Left = left; Right = right; Value = value; Weight = weight; }
                public int Count() => 1 + (Left?.Count() ?? 0) + (Right?.Count() ?? 0);
            }
            class Picky
            {
                public readonly int N;
                public Picky(int n) { if (n % 5 == 4) throw new ArgumentException("no " + n); N = n; }
            }
            static class P
            {
                static Node Build(int depth, int value) =>
                    depth == 0 ? new Node(null, null, value, 0.5) : new Node(Build(depth - 1, value * 2), Build(depth - 1, value * 2 + 1), value, depth * 1.5);
                static long Sum(Node n) => n == null ? 0 : n.Value + Sum(n.Left) + Sum(n.Right);
                static int Tries(int n)
                {
                    int made = 0;
                    for (int i = 0; i < n; i++)
                    {
                        try { made += new Picky(i).N > -1 ? 1 : 0; }
                        catch (ArgumentException) { made += 100; }
                    }
                    return made;
                }
                static long Arrays(int rounds)
                {
                    long total = 0;
                    for (int r = 0; r < rounds; r++)
                    {
                        var small = new int[r % 50];                 // inline, length 0 included
                        var words = new string[r % 7 + 1];           // references: zeroed cells
                        var big = new double[5000 + r];              // too large for a small cell: the helper
                        for (int i = 0; i < small.Length; i++) small[i] = i * r;
                        words[words.Length - 1] = r.ToString();
                        big[big.Length - 1] = r;
                        total += small.Length + (small.Length > 0 ? small[small.Length - 1] : 0) + words[words.Length - 1].Length + (long)big[5000 + r - 1];
                    }
                    try { var bad = new byte[rounds - 10000]; total += bad.Length; }
                    catch (OverflowException) { total += 1000000; }
                    return total;
                }
                static void Main()
                {
                    long total = 0;
                    for (int round = 0; round < 40; round++) { var tree = Build(12, round); total += Sum(tree) + tree.Count(); }
                    Console.WriteLine(total);
                    Console.WriteLine(Tries(23));
                    Console.WriteLine(Arrays(3000));
                }
            }
            """, "P.Build(int, int)", "P.Tries(int)", "P.Arrays(int)");
    }

    [Fact]
    public void AHotLoopMovesToCompiledCodeMidActivation()
    {
        // Each method is called once, so only on-stack replacement can compile it. Work returns into
        // its interpreted caller; Fail's compiled loop throws into Main's handler; the loops keep
        // references, longs and doubles live in locals, and allocate, so the GC scans the adopted frame.
        // Fail's loop is long (30M) so that its background OSR compile is done before it ends, even on a
        // loaded machine: with 3M it sometimes finished first and the test failed by timing, not by a bug.
        var source = """
            using System;
            using System.Collections.Generic;
            static class P
            {
                static long Work(int n)
                {
                    var list = new List<string>();
                    long sum = 0;
                    double x = 0.5;
                    for (int i = 0; i < n; i++)
                    {
                        sum += i % 7 * (i & 3);
                        x = x * 1.0000001 + 0.25;
                        if (i % 100000 == 0) list.Add(i.ToString());
                    }
                    return sum + list.Count + (long)x;
                }
                static int Fail(int n)
                {
                    int acc = 0;
                    for (int i = n; ; i--) acc += 1000000 / i;
                }
                static void Main()
                {
                    Console.WriteLine(Work(6000000));
                    try { Console.WriteLine(Fail(30000000)); }
                    catch (DivideByZeroException e) { Console.WriteLine("caught " + e.GetType().Name); }
                    Console.WriteLine("after");
                }
            }
            """;
        var tiered = Run(source, TierMode.Tiered, new RunOptions { HotLoops = 100 });
        Assert.Equal(Run(source, TierMode.Interp).Stdout, tiered.Stdout);
        Assert.Contains("caught DivideByZeroException", tiered.Stdout);
        Assert.Contains("compiled P.Work(int) for on-stack replacement", tiered.JitLog);
        Assert.Contains("compiled P.Fail(int) for on-stack replacement", tiered.JitLog);
        Assert.Contains("P.Work(int) continues in compiled code from its loop", tiered.JitLog);
        Assert.Contains("P.Fail(int) continues in compiled code from its loop", tiered.JitLog);
        var gcStress = Run(source, TierMode.Tiered, new RunOptions { HotLoops = 100, GcStress = 64 });
        Assert.Equal(tiered.Stdout, gcStress.Stdout);
    }

    [Fact]
    public void ASingleLoopMainMovesToCompiledCode()
    {
        // The benchmark shape on-stack replacement is for: all the work in one loop in Main, called once.
        var source = """
            static class P
            {
                static void Main()
                {
                    long sum = 0;
                    double x = 1;
                    for (int i = 1; i < 8000000; i++) { sum += i % 13 ^ (i >> 3); x += 1.0 / i; }
                    System.Console.WriteLine(sum + " " + x.ToString("F6"));
                }
            }
            """;
        var tiered = Run(source, TierMode.Tiered, new RunOptions { HotLoops = 100 });
        Assert.Equal(Run(source, TierMode.Interp).Stdout, tiered.Stdout);
        Assert.Contains("P.Main() continues in compiled code from its loop", tiered.JitLog);
    }

    [Fact]
    public void AMethodTheBackendRejectsFallsBackToTheInterpreter()
    {
        var source = """
            static class P
            {
                static int Victim(int a) => a * 3 + 1;
                static void Main() => System.Console.WriteLine(Victim(13) + Victim(-4));
            }
            """;
        var jit = Run(source, TierMode.Jit, new RunOptions { JitBreakIr = "P::Victim" });
        Assert.Equal(0, jit.Code);
        Assert.Equal("29\n", jit.Stdout);
        Assert.Contains("P.Victim(int) stays interpreted: the backend rejected its IR", jit.JitLog);
        Assert.Contains("compiled P.Main()", jit.JitLog);
    }

    [Fact]
    public void ALeafMethodPushesNoFrameRecord()
    {
        // Pure arithmetic on its arguments cannot be observed by a collection, a stack walk or an
        // exception, so it is built without a frame record; a division that may throw needs one.
        var path = Path.Combine(Path.GetTempPath(), $"rl-leaf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        try
        {
            var source = Path.Combine(path, "p.cs");
            File.WriteAllText(source, "static class P { static double Leaf(int i, int j) => 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); " +
                "static int Divides(int a, int b) => a / b; static void Main() => System.Console.WriteLine(Leaf(3, 4) + Divides(7, 2)); }");
            var dll = Runtime.Hosting.SourceCompiler.Compile(source);
            Assert.DoesNotContain("%record", JitDump.Dump(dll, "P::Leaf", OptLevel.O2).IrBefore);
            Assert.Contains("%record", JitDump.Dump(dll, "P::Divides", OptLevel.O2).IrBefore);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public void LeafCalleesAreInlinedAndAgree()
    {
        // A pure callee (a struct result included) is built into its caller and inlined, so the
        // optimized caller calls nothing; a callee that may throw stays a call. jit mode prepares the
        // small callees first, so it inlines them before they ever ran (mutually recursive ones too).
        const string source = """
            struct Pair { public long A, B; }
            static class P
            {
                static double Weight(int i, int j) => 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
                static Pair Both(long a, long b) => new Pair { A = a + b, B = a * b };
                static int Divides(int a, int b) => a / b;
                static int Even(int n) => n == 0 ? 1 : Odd(n - 1);
                static int Odd(int n) => n == 0 ? 0 : Even(n - 1);
                static double Sum(int n)
                {
                    double total = 0;
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++)
                            total += Weight(i, j);
                    return total;
                }
                static long Pairs(int n)
                {
                    long total = 0;
                    for (int i = 0; i < n; i++) { var p = Both(i, -i); total += p.A * 7 + p.B; }
                    return total;
                }
                static int Main(string[] args)
                {
                    System.Console.WriteLine(Sum(300).ToString("R"));
                    System.Console.WriteLine(Pairs(1000));
                    System.Console.WriteLine(Even(11) + Odd(11));
                    try { System.Console.WriteLine(Divides(7, args.Length)); }
                    catch (System.DivideByZeroException) { System.Console.WriteLine("divide"); }
                    return 3;
                }
            }
            """;
        var jit = Agree(source, "P.Sum(int)", "P.Pairs(int)", "P.Main(string[])");
        Assert.Contains("compiled P.Weight(int, int)", jit.JitLog); // prepared before Sum, though Sum ran first
        Assert.Equal(3, jit.Code);

        var path = Path.Combine(Path.GetTempPath(), $"rl-inline-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        try
        {
            var file = Path.Combine(path, "p.cs");
            File.WriteAllText(file, source);
            var dll = Runtime.Hosting.SourceCompiler.Compile(file);
            var sum = JitDump.Dump(dll, "P::Sum", OptLevel.O2);
            Assert.Contains(".inline0(", sum.IrBefore);
            Assert.DoesNotContain(".inline0", sum.IrAfter); // inlined, and the copy deleted
            Assert.Contains("fdiv double", sum.IrAfter);
            Assert.DoesNotContain("inline.frame", sum.IrAfter); // the callee's frame became registers
            var main = JitDump.Dump(dll, "P::Main", OptLevel.O2);
            Assert.DoesNotContain(".inline", main.IrBefore); // Divides can raise, Even and Odd call: no leaves
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public void JitDumpShowsAllFourViews()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rl-dump-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        try
        {
            var source = Path.Combine(path, "p.cs");
            File.WriteAllText(source, "static class P { static int Sq(int x) => x * x + 1; static void Main() => System.Console.WriteLine(Sq(3)); }");
            var dll = Runtime.Hosting.SourceCompiler.Compile(source);
            var report = JitDump.Dump(dll, "P::Sq", OptLevel.O2);
            Assert.Null(report.Refusal);
            Assert.Contains("mul", report.StackTypedIl);
            Assert.Contains("MulI4", report.Prepared);
            Assert.Contains("mul i32", report.IrBefore);
            Assert.Contains("store i64", report.IrBefore);
            Assert.DoesNotContain("alloca", report.IrAfter); // the frame's slots became SSA values
            Assert.Contains("imul", report.Native);
            Assert.Contains("ret", report.Native);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
