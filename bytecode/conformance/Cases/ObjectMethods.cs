// System.Object members and type identity: ToString, Equals, GetHashCode of primitives,
// GetType().Name/FullName/Namespace, typeof, is/== on Type, Environment.NewLine.
namespace Corpus.Objects
{
    public class Widget { public int Size = 3; }
    public class Gadget : Widget { public override string ToString() => "Gadget(" + Size + ")"; }
    public struct Coord { public int X; }
    public enum Mode { Off, On }
    public class Outer { public class Inner { } }
}

static class ObjectMethods
{
    public static int Run()
    {
        object[] things = { new Corpus.Objects.Widget(), new Corpus.Objects.Gadget(), new Corpus.Objects.Coord(), Corpus.Objects.Mode.On, new Corpus.Objects.Outer.Inner(), 1, "s", 2.5, 'c', true, 3L, new int[0], new string[0, 0], new object() };
        foreach (var t in things)
            Console.WriteLine($"{t} | Name {t.GetType().Name} | FullName {t.GetType().FullName} | Namespace {t.GetType().Namespace ?? "(none)"} | IsValueType {t.GetType().IsValueType}");
        Console.WriteLine($"typeof(int) == GetType(): {typeof(int) == 1.GetType()}, same object: {ReferenceEquals(typeof(string), "x".GetType())}, BaseType {typeof(Corpus.Objects.Gadget).BaseType.Name}");
        Console.WriteLine($"generic Names: {new List<int>().GetType().Name} {new Dictionary<string, List<int>>().GetType().Name} {typeof(int?).Name} {typeof(int[]).Name} {typeof(int[,]).Name}");
        Console.WriteLine($"IsAssignableFrom: {typeof(Corpus.Objects.Widget).IsAssignableFrom(typeof(Corpus.Objects.Gadget))} {typeof(IEnumerable<int>).IsAssignableFrom(typeof(int[]))}");
        Console.WriteLine($"primitive GetHashCode: {1.GetHashCode()} {(-1).GetHashCode()} {int.MaxValue.GetHashCode()} {0L.GetHashCode()} {(1L << 32).GetHashCode()} {true.GetHashCode()} {false.GetHashCode()} {'a'.GetHashCode()} {((short)-2).GetHashCode()} {((byte)200).GetHashCode()} {uint.MaxValue.GetHashCode()}");
        Console.WriteLine($"double/float GetHashCode: {1.0.GetHashCode()} {0.0.GetHashCode() == (-0.0).GetHashCode()} {1.5f.GetHashCode()}");
        var w1 = new Corpus.Objects.Widget();
        var w2 = new Corpus.Objects.Widget();
        Console.WriteLine($"default Equals: {w1.Equals(w2)} {w1.Equals(w1)} {object.Equals(null, null)} {object.Equals(w1, null)} hash stable: {w1.GetHashCode() == w1.GetHashCode()}");
        Console.WriteLine($"value Equals: {1.Equals(1)} {1.Equals(1L)} {1L.Equals(1)} {"a".Equals("a")} {((object)1).Equals(1)} {new Corpus.Objects.Coord().Equals(new Corpus.Objects.Coord())}");
        Console.WriteLine($"ToString: {new object()} {12.ToString()} {(-0.0).ToString()} {true} {(object)null ?? "null"} {Corpus.Objects.Mode.Off}");
        Console.WriteLine($"NewLine: length {Environment.NewLine.Length} codes {string.Join(",", Environment.NewLine.Select(c => (int)c))}");
        Console.Write("Write without newline, ");
        Console.Write(42);
        Console.Write(' ');
        Console.Write(1.5);
        Console.Write(true);
        Console.WriteLine();
        Console.WriteLine();
        Console.WriteLine(123);
        Console.WriteLine(-4.5);
        Console.WriteLine('z');
        Console.WriteLine(false);
        Console.WriteLine(7L);
        Console.WriteLine(new[] { 'c', 'h', 'a', 'r', 's' });
        Console.WriteLine((object)null);
        Console.WriteLine((string)null);
        Console.Out.WriteLine("via Console.Out");
        Console.Error.WriteLine("to stderr");
        return 0;
    }
}
