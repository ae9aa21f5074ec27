// binary-trees: the Computer Language Benchmarks Game program, single-threaded.
// Allocates and walks many short-lived perfect binary trees next to one long-lived tree: a GC workload.
// Usage: binary-trees DEPTH. Every "check" is a node count, 2^(depth+1) - 1 per tree.
// Conservative C# (C# 7.3): the same file is compiled by Mono's mcs.
using System;

namespace RuntimeLab.Benchmarks
{
    internal sealed class TreeNode
    {
        private readonly TreeNode left;
        private readonly TreeNode right;

        private TreeNode(TreeNode left, TreeNode right)
        {
            this.left = left;
            this.right = right;
        }

        public static TreeNode BottomUp(int depth)
        {
            return depth > 0 ? new TreeNode(BottomUp(depth - 1), BottomUp(depth - 1)) : new TreeNode(null, null);
        }

        public int Check()
        {
            return left == null ? 1 : 1 + left.Check() + right.Check();
        }
    }

    internal static class BinaryTrees
    {
        private const int MinDepth = 4;

        private static int Main(string[] args)
        {
            int n = args.Length > 0 ? int.Parse(args[0]) : 10;
            int maxDepth = Math.Max(MinDepth + 2, n);
            int stretchDepth = maxDepth + 1;

            Console.WriteLine("stretch tree of depth " + stretchDepth + "\t check: " + TreeNode.BottomUp(stretchDepth).Check());

            TreeNode longLived = TreeNode.BottomUp(maxDepth);
            for (int depth = MinDepth; depth <= maxDepth; depth += 2)
            {
                int iterations = 1 << (maxDepth - depth + MinDepth);
                int check = 0;
                for (int i = 0; i < iterations; i++)
                    check += TreeNode.BottomUp(depth).Check();
                Console.WriteLine(iterations + "\t trees of depth " + depth + "\t check: " + check);
            }

            Console.WriteLine("long lived tree of depth " + maxDepth + "\t check: " + longLived.Check());
            return 0;
        }
    }
}
