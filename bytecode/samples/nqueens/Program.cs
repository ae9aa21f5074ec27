using System;

// N queens by backtracking: recursion, arrays and early exits.
class Program
{
    static int Solve(int row, int n, int[] columns)
    {
        if (row == n) return 1;
        int solutions = 0;
        for (int c = 0; c < n; c++)
        {
            if (!Safe(row, c, columns)) continue;
            columns[row] = c;
            solutions += Solve(row + 1, n, columns);
        }
        return solutions;
    }

    static bool Safe(int row, int column, int[] columns)
    {
        for (int r = 0; r < row; r++)
        {
            int c = columns[r];
            if (c == column || Math.Abs(c - column) == row - r) return false;
        }
        return true;
    }

    static void Main()
    {
        for (int n = 1; n <= 8; n++)
            Console.WriteLine(n + " queens: " + Solve(0, n, new int[n]) + " solutions");
    }
}
