using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("RuntimeLab.X86.Tests.Translator.BackgroundCompilerTestsFirst", "RuntimeLab.X86.Tests")]

namespace RuntimeLab.X86.Tests.Translator;

/// <summary>
/// xunit's collection order with <see cref="BackgroundCompilerCollection"/> moved to the front. Its
/// tests wait for the backend's one compile queue, which tiered runs of whole programs fill with
/// hundreds of jobs (and leave behind: the CPUs that queued them are gone); started first, the
/// tests find it nearly empty.
/// </summary>
public sealed class BackgroundCompilerTestsFirst : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        _default.OrderTestCollections(collections).OrderBy(c => c.DisplayName == BackgroundCompilerCollection.Name ? 0 : 1);
}
