using System;

// Classes, interfaces, virtual dispatch and exceptions: the object model a course starts with.
interface IShape
{
    string Name { get; }
    double Area();
}

abstract class Shape : IShape
{
    public abstract string Name { get; }
    public abstract double Area();
    public override string ToString() => Name + " with area " + Area();
}

sealed class Rectangle : Shape
{
    private readonly double _width, _height;
    public Rectangle(double width, double height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException("sides must be positive");
        _width = width;
        _height = height;
    }
    public override string Name => "rectangle";
    public override double Area() => _width * _height;
}

sealed class Square : Shape
{
    private readonly double _side;
    public Square(double side) { _side = side; }
    public override string Name => "square";
    public override double Area() => _side * _side;
}

sealed class Circle : Shape
{
    private readonly double _radius;
    public Circle(double radius) { _radius = radius; }
    public override string Name => "circle";
    public override double Area() => 3.0 * _radius * _radius; // a course's π
}

class Program
{
    static void Main()
    {
        IShape[] shapes = { new Rectangle(2, 3), new Square(4), new Circle(1) };
        double total = 0;
        foreach (IShape s in shapes)
        {
            Console.WriteLine(s.ToString());
            total += s.Area();
        }
        Console.WriteLine("total area " + total);
        try
        {
            new Rectangle(-1, 2);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("refused: " + e.Message);
        }
    }
}
