// Generic virtual methods: called through interfaces, base classes and constrained generic code,
// instantiated over value and reference types (shared vs exact code on CoreCLR).
static class GenericVirtualMethods
{
    interface IVisitor
    {
        string Visit<T>(T value);
    }

    interface IConverter
    {
        TOut Convert<TIn, TOut>(TIn input, Func<TIn, TOut> f);
    }

    class Describer : IVisitor, IConverter
    {
        public virtual string Visit<T>(T value) => $"Describer.Visit<{typeof(T).Name}>({value})";
        public TOut Convert<TIn, TOut>(TIn input, Func<TIn, TOut> f) => f(input);
    }

    class LoudDescriber : Describer
    {
        public override string Visit<T>(T value) => "LOUD " + base.Visit(value);
    }

    abstract class Shape
    {
        public abstract T Accept<T>(Func<Shape, T> f);
        public abstract string Name { get; }
    }

    class Circle : Shape
    {
        public override T Accept<T>(Func<Shape, T> f) => f(this);
        public override string Name => "circle";
    }

    struct ValueVisitor : IVisitor
    {
        public int Calls;
        public string Visit<T>(T value) { Calls++; return $"ValueVisitor<{typeof(T).Name}> call {Calls}"; }
    }

    static string VisitAll<TVisitor>(ref TVisitor visitor) where TVisitor : IVisitor
    {
        // Constrained calls on a struct type parameter mutate the original, not a box.
        return visitor.Visit(1) + "; " + visitor.Visit("two");
    }

    public static int Run()
    {
        IVisitor[] visitors = { new Describer(), new LoudDescriber() };
        foreach (var v in visitors)
        {
            Console.WriteLine(v.Visit(42));
            Console.WriteLine(v.Visit("str"));
            Console.WriteLine(v.Visit(3.5));
            Console.WriteLine(v.Visit(new List<int> { 1 }.Count));
            Console.WriteLine(v.Visit<object>(null));
            Console.WriteLine(v.Visit((long?)7));
        }
        IConverter c = new LoudDescriber();
        Console.WriteLine(c.Convert(21, x => x * 2));
        Console.WriteLine(c.Convert("abc", s => s.Length + 0.5));
        Console.WriteLine(c.Convert(5, x => new string('*', x)));

        Shape shape = new Circle();
        Console.WriteLine(shape.Accept(s => s.Name.Length));
        Console.WriteLine(shape.Accept(s => s.Name.ToUpperInvariant()));

        var vv = new ValueVisitor();
        Console.WriteLine(VisitAll(ref vv));
        Console.WriteLine("calls after constrained: " + vv.Calls);
        IVisitor boxed = vv;
        boxed.Visit(0);
        Console.WriteLine("calls after boxed call: original " + vv.Calls + ", box " + ((ValueVisitor)boxed).Calls);
        return 0;
    }
}
