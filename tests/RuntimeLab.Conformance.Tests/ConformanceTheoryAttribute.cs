using Xunit.Abstractions;
using Xunit.Sdk;

namespace RuntimeLab.Conformance.Tests;

/// <summary>
/// A theory over case names whose rows listed in bytecode/conformance/pending.txt are reported as
/// skipped, with the reason from that file. xunit 2 has no dynamic skip, so the decision is made at
/// discovery, per data row, by <see cref="ConformanceTheoryDiscoverer"/>.
/// </summary>
[XunitTestCaseDiscoverer("RuntimeLab.Conformance.Tests.ConformanceTheoryDiscoverer", "RuntimeLab.Conformance.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute;

public sealed class ConformanceTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        if (dataRow is [string caseName, ..] && ConformanceCorpus.Locate().Pending.TryGetValue(caseName, out var reason))
            return CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason);
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
