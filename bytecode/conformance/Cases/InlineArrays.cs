// [InlineArray] fixed-size buffers inside structs: indexing, spans over them, copies by value.
static class InlineArrays
{
    [System.Runtime.CompilerServices.InlineArray(4)]
    struct Buffer4
    {
        private int _element0;
    }

    [System.Runtime.CompilerServices.InlineArray(3)]
    struct Names
    {
        private string _element0;
    }

    struct Packet
    {
        public byte Kind;
        public Buffer4 Payload;
    }

    public static int Run()
    {
        var b = new Buffer4();
        for (int i = 0; i < 4; i++) b[i] = (i + 1) * 10;
        Console.WriteLine("elements: " + b[0] + " " + b[1] + " " + b[2] + " " + b[3]);
        Span<int> span = b;
        span[0] = 99;
        Console.WriteLine("span writes through: " + b[0] + ", length " + span.Length);
        var copy = b;
        copy[1] = -1;
        Console.WriteLine("copy is independent: " + b[1] + " vs " + copy[1]);
        int sum = 0;
        foreach (var v in b) sum += v;
        Console.WriteLine("foreach sum: " + sum);

        var names = new Names();
        names[0] = "alpha";
        names[2] = "gamma";
        Console.WriteLine("reference elements: " + names[0] + "," + (names[1] ?? "null") + "," + names[2]);

        var p = new Packet { Kind = 7 };
        p.Payload[3] = 12345;
        var packets = new Packet[2];
        packets[1] = p;
        packets[1].Payload[0] = 5;
        Console.WriteLine($"in struct in array: kind {packets[1].Kind} payload {packets[1].Payload[0]},{packets[1].Payload[3]}; original {p.Payload[0]}");
        try
        {
            int index = 4;
            Console.WriteLine(b[index]);
        }
        catch (IndexOutOfRangeException) { Console.WriteLine("index 4: IndexOutOfRangeException"); }
        return 0;
    }
}
