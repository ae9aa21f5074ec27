// Multi-dimensional (rectangular) and jagged arrays: creation, indexing, bounds, Rank, GetLength, copies.
static class MultiDimArrays
{
    public static int Run()
    {
        var grid = new int[3, 4];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                grid[i, j] = i * 10 + j;
        Console.WriteLine($"Rank {grid.Rank} Length {grid.Length} GetLength(0) {grid.GetLength(0)} GetLength(1) {grid.GetLength(1)} upper {grid.GetUpperBound(1)}");
        for (int i = 0; i < grid.GetLength(0); i++)
        {
            var row = new List<int>();
            for (int j = 0; j < grid.GetLength(1); j++) row.Add(grid[i, j]);
            Console.WriteLine("  " + string.Join(" ", row));
        }
        var cube = new long[2, 2, 2];
        cube[1, 0, 1] = 5;
        cube[1, 1, 1] = cube[1, 0, 1] * 2;
        Console.WriteLine($"3D: rank {cube.Rank} sum {cube.Cast<long>().Sum()} [1,1,1]={cube[1, 1, 1]}");
        var init = new string[,] { { "a", "b" }, { "c", "d" } };
        Console.WriteLine($"initialized: {init[0, 1]}{init[1, 0]} type {init.GetType().Name}");
        var copy = (int[,])grid.Clone();
        copy[0, 0] = -1;
        Console.WriteLine($"clone independent: {grid[0, 0]} {copy[0, 0]}");
        var structs = new (int, int)[2, 2];
        structs[1, 1].Item1 = 9;
        Console.WriteLine($"struct elements in place: {structs[1, 1]}");

        int[][] jagged = new int[3][];
        for (int i = 0; i < jagged.Length; i++)
        {
            jagged[i] = new int[i + 1];
            for (int j = 0; j <= i; j++) jagged[i][j] = i + j;
        }
        foreach (var row in jagged) Console.WriteLine("  jagged row: " + string.Join(",", row));
        Console.WriteLine($"jagged type {jagged.GetType().Name}, rank {jagged.Rank}");
        var mixed = new int[2][,];
        mixed[0] = new int[1, 2];
        mixed[0][0, 1] = 3;
        Console.WriteLine($"array of 2D arrays: {mixed[0][0, 1]} {mixed[1] == null}");
        try { grid[3, 0] = 1; }
        catch (IndexOutOfRangeException) { Console.WriteLine("grid[3,0]: IndexOutOfRangeException"); }
        try { int k = -1; grid[0, k] = 1; }
        catch (IndexOutOfRangeException) { Console.WriteLine("grid[0,-1]: IndexOutOfRangeException"); }
        var nonZero = Array.CreateInstance(typeof(int), new[] { 2 }, new[] { 5 });
        nonZero.SetValue(42, 6);
        Console.WriteLine($"non-zero lower bound: lower {nonZero.GetLowerBound(0)} value {nonZero.GetValue(6)}");
        return 0;
    }
}
