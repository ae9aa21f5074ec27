using System;
using System.IO;

// Reads a file: System.IO is outside RuntimeLab's base library, so RuntimeLab names the member and
// the method that called it, and stops with exit code 1.
class Program
{
    static void Main()
    {
        Console.WriteLine("about to read");
        Console.WriteLine(File.ReadAllText("/etc/hostname"));
    }
}
