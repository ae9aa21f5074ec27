// word-frequency: a string and dictionary workload. Generates WORDS words of pseudo-random text
// (a fixed linear congruential generator, syllables joined into words, capitals, punctuation, line breaks)
// in a StringBuilder, then splits it into lines and words with string.Split, strips punctuation with
// Substring, lower-cases, counts in a Dictionary<string, int>, sorts the distinct words ordinally and by
// count, and prints the counts, the ten most frequent words and a checksum over all (word, count) pairs.
// Usage: word-frequency WORDS. Conservative C# (C# 7.3): the same file is compiled by Mono's mcs.
using System;
using System.Collections.Generic;
using System.Text;

namespace RuntimeLab.Benchmarks
{
    internal static class WordFrequency
    {
        private static readonly string[] Syllables =
        {
            "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa",
            "dor", "len", "mar", "qui", "sto", "tha", "vel", "wyn", "xan", "yor",
            "a", "e", "i", "o", "u", "ba", "ce", "di", "fo", "gu",
        };

        private static uint s_seed = 42;

        private static int Main(string[] args)
        {
            int words = args.Length > 0 ? int.Parse(args[0]) : 10000;
            string text = Generate(words);
            Dictionary<string, int> counts = Count(text);
            Report(counts);
            return 0;
        }

        /// <summary>The C library's classic LCG: deterministic on every runtime.</summary>
        private static int Next(int bound)
        {
            s_seed = unchecked(s_seed * 1103515245u + 12345u);
            return (int)((s_seed >> 16) & 0x7fff) % bound;
        }

        private static string Generate(int words)
        {
            var text = new StringBuilder();
            bool capital = true;
            int lineWords = 0;
            for (int w = 0; w < words; w++)
            {
                // Few syllables are common, many are rare: a skewed vocabulary like real text.
                int syllables = 1 + Next(4) * Next(4) / 3;
                int start = text.Length;
                for (int s = 0; s < syllables; s++)
                    text.Append(Syllables[Next(s == 0 ? 10 : Syllables.Length)]);
                if (capital)
                {
                    text[start] = char.ToUpperInvariant(text[start]);
                    capital = false;
                }
                int mark = Next(16);
                if (mark == 0)
                {
                    text.Append('.');
                    capital = true;
                }
                else if (mark == 1)
                {
                    text.Append(',');
                }
                lineWords++;
                if (lineWords >= 8 + Next(8))
                {
                    text.Append('\n');
                    lineWords = 0;
                }
                else
                {
                    text.Append(' ');
                    if (Next(32) == 0)
                        text.Append(' ');
                }
            }
            return text.ToString();
        }

        private static Dictionary<string, int> Count(string text)
        {
            var counts = new Dictionary<string, int>();
            string[] lines = text.Split('\n');
            for (int l = 0; l < lines.Length; l++)
            {
                string[] words = lines[l].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                for (int i = 0; i < words.Length; i++)
                {
                    string word = words[i];
                    char last = word[word.Length - 1];
                    if (last == '.' || last == ',')
                        word = word.Substring(0, word.Length - 1);
                    word = word.ToLowerInvariant();
                    int count;
                    if (counts.TryGetValue(word, out count))
                        counts[word] = count + 1;
                    else
                        counts.Add(word, 1);
                }
            }
            return counts;
        }

        private static void Report(Dictionary<string, int> counts)
        {
            var keys = new string[counts.Count];
            counts.Keys.CopyTo(keys, 0);
            Array.Sort(keys, StringComparer.Ordinal);

            int total = 0;
            uint checksum = 2166136261;
            for (int k = 0; k < keys.Length; k++)
            {
                string key = keys[k];
                int count = counts[key];
                total += count;
                for (int c = 0; c < key.Length; c++)
                    checksum = unchecked((checksum ^ key[c]) * 16777619u);
                checksum = unchecked((checksum ^ (uint)count) * 16777619u);
            }

            var byCount = (string[])keys.Clone();
            Array.Sort(byCount, (a, b) =>
            {
                int order = counts[b].CompareTo(counts[a]);
                return order != 0 ? order : string.CompareOrdinal(a, b);
            });

            var output = new StringBuilder();
            output.Append("words ").Append(total).Append('\n');
            output.Append("distinct ").Append(keys.Length).Append('\n');
            output.Append("first ").Append(keys[0]).Append(", last ").Append(keys[keys.Length - 1]).Append('\n');
            for (int i = 0; i < 10 && i < byCount.Length; i++)
                output.Append(byCount[i]).Append(' ').Append(counts[byCount[i]]).Append('\n');
            output.Append("checksum ").Append(checksum.ToString("x8")).Append('\n');
            Console.Write(output.ToString());
        }
    }
}
