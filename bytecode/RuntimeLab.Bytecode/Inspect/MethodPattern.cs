using System.Text.RegularExpressions;
using Mono.Cecil;

namespace RuntimeLab.Bytecode.Inspect;

/// <summary>
/// A <c>Type::Method</c> pattern with <c>*</c> wildcards, as the inspection options take it
/// (<c>--method 'Program::*'</c>). The type may be named with or without its namespace.
/// </summary>
public sealed class MethodPattern(string pattern)
{
    private readonly Regex _regex = new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$");

    public string Text { get; } = pattern;

    public bool Matches(MethodDefinition method) =>
        _regex.IsMatch($"{method.DeclaringType.FullName}::{method.Name}") || _regex.IsMatch($"{method.DeclaringType.Name}::{method.Name}");
}
