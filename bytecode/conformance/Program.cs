// The corpus entry point: `Conformance <case>` runs one case and returns its exit code;
// `Conformance list` prints every case name, one per line. A case name is its class name
// (Cases/<Name>.cs) in kebab-case: StringsBasic -> strings-basic. The harness checks that this
// table, the list and the Cases/ files agree, so adding a case means adding a file and two lines here.
static class Program
{
    static readonly string[] Names =
    {
        "array-methods",
        "boxing",
        "char-classification",
        "checked-arithmetic",
        "closures",
        "collection-expressions",
        "constant-operands",
        "deep-recursion",
        "delegates",
        "dictionary-operations",
        "double-printing",
        "enums",
        "environment-exit",
        "equality-and-comparison",
        "exception-filters",
        "exception-messages",
        "exceptions-basic",
        "exit-code",
        "finally-flow",
        "float-arithmetic",
        "float-to-int",
        "foreach-collections",
        "gc-basics",
        "gc-heavy",
        "generic-virtual-methods",
        "generics",
        "hello",
        "inline-arrays",
        "integer-division",
        "iterators",
        "linq-aggregates",
        "linq-basic",
        "linq-ordering",
        "list-operations",
        "math-functions",
        "min-max-values",
        "multi-dim-arrays",
        "nan-comparisons",
        "number-formatting",
        "number-parsing",
        "object-methods",
        "operators-and-properties",
        "params-args",
        "pattern-matching",
        "read-stdin",
        "records",
        "ref-parameters",
        "runtime-exceptions",
        "sets-queues-stacks",
        "shifts",
        "sorted-collections",
        "spans",
        "static-constructors",
        "string-builder-ops",
        "strings-basic",
        "strings-format",
        "strings-search",
        "struct-copy",
        "switch-strings",
        "tuples",
        "unhandled-exception",
        "unsigned-ops",
        "using-dispose",
        "value-type-equality",
        "virtual-dispatch",
    };

    static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: Conformance <case> | list");
            return 2;
        }
        // A plain string switch rather than a table of delegates: the dispatcher itself should need
        // as little of the runtime as possible, so that the simplest cases can pass first.
        switch (args[0])
        {
            case "list":
                foreach (var name in Names) Console.WriteLine(name);
                return 0;
            case "array-methods": return ArrayMethods.Run();
            case "boxing": return Boxing.Run();
            case "char-classification": return CharClassification.Run();
            case "checked-arithmetic": return CheckedArithmetic.Run();
            case "closures": return Closures.Run();
            case "collection-expressions": return CollectionExpressions.Run();
            case "constant-operands": return ConstantOperands.Run();
            case "deep-recursion": return DeepRecursion.Run();
            case "delegates": return Delegates.Run();
            case "dictionary-operations": return DictionaryOperations.Run();
            case "double-printing": return DoublePrinting.Run();
            case "enums": return Enums.Run();
            case "environment-exit": return EnvironmentExit.Run();
            case "equality-and-comparison": return EqualityAndComparison.Run();
            case "exception-filters": return ExceptionFilters.Run();
            case "exception-messages": return ExceptionMessages.Run();
            case "exceptions-basic": return ExceptionsBasic.Run();
            case "exit-code": return ExitCode.Run();
            case "finally-flow": return FinallyFlow.Run();
            case "float-arithmetic": return FloatArithmetic.Run();
            case "float-to-int": return FloatToInt.Run();
            case "foreach-collections": return ForeachCollections.Run();
            case "gc-basics": return GcBasics.Run();
            case "gc-heavy": return GcHeavy.Run();
            case "generic-virtual-methods": return GenericVirtualMethods.Run();
            case "generics": return Generics.Run();
            case "hello": return Hello.Run();
            case "inline-arrays": return InlineArrays.Run();
            case "integer-division": return IntegerDivision.Run();
            case "iterators": return Iterators.Run();
            case "linq-aggregates": return LinqAggregates.Run();
            case "linq-basic": return LinqBasic.Run();
            case "linq-ordering": return LinqOrdering.Run();
            case "list-operations": return ListOperations.Run();
            case "math-functions": return MathFunctions.Run();
            case "min-max-values": return MinMaxValues.Run();
            case "multi-dim-arrays": return MultiDimArrays.Run();
            case "nan-comparisons": return NanComparisons.Run();
            case "number-formatting": return NumberFormatting.Run();
            case "number-parsing": return NumberParsing.Run();
            case "object-methods": return ObjectMethods.Run();
            case "operators-and-properties": return OperatorsAndProperties.Run();
            case "params-args": return ParamsArgs.Run();
            case "pattern-matching": return PatternMatching.Run();
            case "read-stdin": return ReadStdin.Run();
            case "records": return Records.Run();
            case "ref-parameters": return RefParameters.Run();
            case "runtime-exceptions": return RuntimeExceptions.Run();
            case "sets-queues-stacks": return SetsQueuesStacks.Run();
            case "shifts": return Shifts.Run();
            case "sorted-collections": return SortedCollections.Run();
            case "spans": return Spans.Run();
            case "static-constructors": return StaticConstructors.Run();
            case "string-builder-ops": return StringBuilderOps.Run();
            case "strings-basic": return StringsBasic.Run();
            case "strings-format": return StringsFormat.Run();
            case "strings-search": return StringsSearch.Run();
            case "struct-copy": return StructCopy.Run();
            case "switch-strings": return SwitchStrings.Run();
            case "tuples": return Tuples.Run();
            case "unhandled-exception": return UnhandledException.Run();
            case "unsigned-ops": return UnsignedOps.Run();
            case "using-dispose": return UsingDispose.Run();
            case "value-type-equality": return ValueTypeEquality.Run();
            case "virtual-dispatch": return VirtualDispatch.Run();
            default:
                Console.Error.WriteLine("unknown case: " + args[0]);
                return 2;
        }
    }
}
