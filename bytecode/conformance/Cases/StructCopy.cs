// Value-type semantics: assignment, parameters, array elements, readonly fields and boxing all copy.
static class StructCopy
{
    struct Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
        public void Move(int dx) { X += dx; }
        public override string ToString() => $"({X}, {Y})";
    }

    struct Line
    {
        public Point A, B;
        public int[] Tags; // a reference inside a struct: the copy shares the array
    }

    class Holder
    {
        public Point Field;
        public readonly Point ReadOnlyField = new Point(1, 1);
        public Point Property { get; set; }
    }

    static void Modify(Point p) { p.X = 100; }
    static void ModifyRef(ref Point p) { p.X = 100; }

    public static int Run()
    {
        var p = new Point(1, 2);
        var q = p;
        q.X = 10;
        Console.WriteLine($"p={p} q={q}");
        Modify(p);
        Console.WriteLine($"after Modify: {p}");
        ModifyRef(ref p);
        Console.WriteLine($"after ModifyRef: {p}");

        var line = new Line { A = new Point(1, 1), B = new Point(2, 2), Tags = new[] { 1, 2 } };
        var line2 = line;
        line2.A.X = 50;
        line2.Tags[0] = 99;
        Console.WriteLine($"line.A={line.A} line2.A={line2.A} shared tags: {line.Tags[0]} {line2.Tags[0]}");

        var points = new Point[3];
        points[0].X = 5; // in place: array element is a variable
        var copy = points[1];
        copy.X = 6;
        points[2].Move(7);
        Console.WriteLine($"array: {points[0]} {points[1]} {points[2]}");

        var list = new List<Point> { new Point(1, 1) };
        var fromList = list[0];
        fromList.Move(5); // the list indexer returns a copy
        Console.WriteLine($"list[0]={list[0]} copy={fromList}");

        var h = new Holder();
        h.Field.Move(3);
        h.ReadOnlyField.Move(3); // works on a defensive copy: the field is unchanged
        var prop = h.Property;
        prop.Move(3);
        Console.WriteLine($"field={h.Field} readonly={h.ReadOnlyField} property={h.Property}");

        object boxed = p;
        p.X = -1;
        Console.WriteLine($"boxed={boxed} p={p}");
        var unboxed = (Point)boxed;
        unboxed.Y = 77;
        Console.WriteLine($"boxed after unbox-modify={boxed} unboxed={unboxed}");

        Point d = default;
        Console.WriteLine($"default={d}, equals: {d.Equals(new Point())}, {new Point(1, 2).Equals(new Point(1, 2))}, {new Point(1, 2).Equals(new Point(2, 1))}");
        // ValueType.Equals on a struct holding a reference compares the field values.
        Console.WriteLine($"line equals copy: {line.Equals(line2)}, equals itself: {line.Equals(line)}");
        return 0;
    }
}
