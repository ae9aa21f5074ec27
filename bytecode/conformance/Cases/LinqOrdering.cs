// OrderBy/OrderByDescending/ThenBy/ThenByDescending (stable sorts), GroupBy (order of groups and
// elements), Order, comparers, and sorting of records with equal keys.
static class LinqOrdering
{
    record Person(string Name, int Age, string City);

    public static int Run()
    {
        var people = new List<Person>
        {
            new("Ann", 30, "Oslo"), new("Bob", 25, "Rome"), new("Cid", 30, "Rome"), new("Dee", 25, "Oslo"),
            new("Eve", 35, "Oslo"), new("Fay", 30, "Lima"), new("Gus", 25, "Lima"), new("Hal", 35, "Rome"),
        };
        Console.WriteLine("OrderBy Age (stable): " + string.Join(" ", people.OrderBy(p => p.Age).Select(p => p.Name)));
        Console.WriteLine("OrderByDescending Age (stable): " + string.Join(" ", people.OrderByDescending(p => p.Age).Select(p => p.Name)));
        Console.WriteLine("OrderBy City ThenBy Age: " + string.Join(" ", people.OrderBy(p => p.City).ThenBy(p => p.Age).Select(p => p.Name)));
        Console.WriteLine("OrderBy City ThenByDescending Name: " + string.Join(" ", people.OrderBy(p => p.City).ThenByDescending(p => p.Name).Select(p => p.Name)));
        Console.WriteLine("OrderBy Name length (all equal: original order): " + string.Join(" ", people.OrderBy(p => p.Name.Length).Select(p => p.Name)));
        Console.WriteLine("Order: " + string.Join(",", new[] { 5, 3, 9, 1 }.Order()) + " OrderDescending: " + string.Join(",", new[] { 5, 3, 9, 1 }.OrderDescending()));
        Console.WriteLine("OrderBy with comparer: " + string.Join(",", new[] { "b", "A", "c", "B", "a" }.OrderBy(s => s, StringComparer.OrdinalIgnoreCase)));
        Console.WriteLine("OrderBy ordinal: " + string.Join(",", new[] { "b", "A", "c", "B", "a" }.OrderBy(s => s, StringComparer.Ordinal)));

        foreach (var g in people.GroupBy(p => p.City))
            Console.WriteLine($"group {g.Key}: {string.Join(",", g.Select(p => p.Name))} (count {g.Count()}, avg age {g.Average(p => p.Age)})");
        var byAge = people.GroupBy(p => p.Age, p => p.Name, (age, names) => $"{age}:{string.Join("/", names)}");
        Console.WriteLine("GroupBy with result selector: " + string.Join(" ", byAge));
        var nested = people.GroupBy(p => p.City).OrderBy(g => g.Key).Select(g => g.Key + "[" + string.Join(",", g.GroupBy(p => p.Age).Select(a => a.Key + "x" + a.Count())) + "]");
        Console.WriteLine("nested groups: " + string.Join(" ", nested));
        Console.WriteLine("CountBy-like: " + string.Join(" ", "mississippi".GroupBy(c => c).Select(g => $"{g.Key}{g.Count()}")));
        var many = Enumerable.Range(0, 50).Select(i => (Key: i * 17 % 5, Index: i)).OrderBy(t => t.Key).ToList();
        bool stable = true;
        for (int i = 1; i < many.Count; i++)
            if (many[i - 1].Key == many[i].Key && many[i - 1].Index > many[i].Index) stable = false;
        Console.WriteLine($"stability over 50 elements: {stable}, first {many[0]}, last {many[^1]}");
        Console.WriteLine("MinBy/MaxBy: " + people.MinBy(p => p.Age).Name + " " + people.MaxBy(p => p.Age).Name);
        Console.WriteLine("records print: " + people[0] + " equal: " + (people[0] == new Person("Ann", 30, "Oslo")));
        return 0;
    }
}
