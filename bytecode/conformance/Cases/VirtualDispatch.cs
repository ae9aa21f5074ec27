// virtual/override/new/sealed, abstract classes, base calls, interfaces (implicit, explicit,
// re-implementation), calls from constructors.
static class VirtualDispatch
{
    abstract class Animal
    {
        protected Animal() { Console.WriteLine("  Animal ctor sees " + Describe()); }
        public abstract string Sound();
        public virtual string Describe() => GetType().Name + " says " + Sound();
        public string Plain() => "Animal.Plain";
        public virtual string Hidden() => "Animal.Hidden";
    }

    class Dog : Animal
    {
        readonly string _name = "rex";
        public override string Sound() => "woof(" + (_name ?? "unset") + ")";
        public new string Plain() => "Dog.Plain";
        public new virtual string Hidden() => "Dog.Hidden";
    }

    class Puppy : Dog
    {
        public sealed override string Sound() => "yip+" + base.Sound();
        public override string Describe() => "puppy: " + base.Describe();
        public override string Hidden() => "Puppy.Hidden";
    }

    interface IGreeter { string Greet(); string Name { get; } }
    interface IFormal { string Greet(); }

    class Person : IGreeter, IFormal
    {
        public string Name => "Ann";
        public string Greet() => "hi from " + Name;
        string IFormal.Greet() => "Good day, I am " + Name;
    }

    class Robot : IGreeter
    {
        string IGreeter.Greet() => "BEEP";
        string IGreeter.Name => "R2";
        public string Greet() => "public greet";
    }

    class Base : IGreeter
    {
        public string Greet() => "Base.Greet";
        public string Name => "base";
    }

    class Reimplements : Base, IGreeter
    {
        public new string Greet() => "Reimplements.Greet";
    }

    class NotReimplementing : Base
    {
        public new string Greet() => "NotReimplementing.Greet";
    }

    public static int Run()
    {
        Console.WriteLine("constructing:");
        var animals = new Animal[] { new Dog(), new Puppy() };
        foreach (var a in animals)
        {
            Console.WriteLine($"{a.Describe()} | {a.Plain()} | {a.Hidden()}");
        }
        Dog d = new Puppy();
        Console.WriteLine($"as Dog: {d.Plain()} | {d.Hidden()} | {((Animal)d).Hidden()}");

        var p = new Person();
        Console.WriteLine($"{p.Greet()} | {((IGreeter)p).Greet()} | {((IFormal)p).Greet()}");
        var r = new Robot();
        IGreeter ig = r;
        Console.WriteLine($"{r.Greet()} | {ig.Greet()} {ig.Name}");

        IGreeter re = new Reimplements(), nre = new NotReimplementing();
        Console.WriteLine($"{re.Greet()} | {nre.Greet()} | {((Base)new Reimplements()).Greet()}");

        object o = new Puppy();
        Console.WriteLine($"is Animal {o is Animal}, is Dog {o is Dog}, is IGreeter {o is IGreeter}, ToString {o}");
        return 0;
    }
}
