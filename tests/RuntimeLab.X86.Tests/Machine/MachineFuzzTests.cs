using RuntimeLab.X86.Machine;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>
/// Random bytes booted as a kernel must end the run in a way the machine reports (a triple fault, a
/// device stop, a halt, the instruction limit), never in a host crash or hang. Seeds are fixed.
/// </summary>
public sealed class MachineFuzzTests
{
    [Fact]
    public void RandomCodeInTheMachineEndsInAReportedStop()
    {
        var stops = new Dictionary<MachineStop, int>();
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var code = new byte[0x2000];
            random.NextBytes(code);
            var (_, result, _) = KernelTests.Boot(KernelImages.WithCode(code), maxInstructions: 50_000);
            Assert.True(result.Instructions <= 50_000 + 64 + 1, $"seed {seed} ran {result.Instructions} instructions past the limit");
            Assert.NotEqual(MachineStop.Timeout, result.Stop);
            stops[result.Stop] = stops.GetValueOrDefault(result.Stop) + 1;
        }
        // With the BIOS's empty IDT the first fault is a triple fault: a run of seeds that never saw one exercised nothing.
        Assert.True(stops.GetValueOrDefault(MachineStop.TripleFault) > 100, string.Join(", ", stops));
    }

    [Theory]
    [InlineData(new byte[] { 0xB9, 0xFF, 0xFF, 0xFF, 0xFF, 0xBF, 0x00, 0x00, 0x20, 0x00, 0xF3, 0xAB, 0xF4 })] // mov ecx, -1; mov edi, 0x200000; rep stosd; hlt
    [InlineData(new byte[] { 0xB9, 0xFF, 0xFF, 0xFF, 0xFF, 0x66, 0xBA, 0x80, 0x00, 0xF3, 0x6E, 0xF4 })]       // mov ecx, -1; mov dx, 0x80; rep outsb; hlt
    public void AnEndlessRepIsCutIntoBudgetsSoTheInstructionLimitStillHolds(byte[] code)
    {
        var (_, result, _) = KernelTests.Boot(KernelImages.WithCode(code), maxInstructions: 10);
        Assert.Equal(MachineStop.InstructionLimit, result.Stop);
        Assert.Equal(BareMetalMachine.LimitStatus, result.ExitStatus);
    }
}
