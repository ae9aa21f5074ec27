using RuntimeLab.X86.Machine;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>HLT waits for an interrupt that can come; when none can, the run ends at once instead of spinning the host.</summary>
public sealed class HaltTests
{
    [Theory]
    [InlineData(new byte[] { 0xFA, 0xF4 }, "IF=0")]                               // cli; hlt
    [InlineData(new byte[] { 0xB0, 0xFF, 0xE6, 0x21, 0xFB, 0xF4 }, "IF=1")]       // mov al, 0xFF; out 0x21, al; sti; hlt
    public void HaltingWithNothingToWakeTheCpuEndsTheRun(byte[] code, string state)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, result, diagnostics) = KernelTests.Boot(KernelImages.WithCode(code));
        Assert.Equal(MachineStop.HaltedForever, result.Stop);
        Assert.Equal(BareMetalMachine.LimitStatus, result.ExitStatus);
        Assert.Contains(state, diagnostics);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void HaltingWithTheTimerUnmaskedSkipsVirtualTimeToTheNextTick()
    {
        // The BIOS's IDT is the empty real-mode table, so the timer's vector 8 triple-faults: proof that it came.
        byte[] code = [0xFB, 0xF4, 0xEB, 0xFD]; // sti; hlt; jmp back
        var (_, result, _) = KernelTests.Boot(KernelImages.WithCode(code));
        Assert.Equal(MachineStop.TripleFault, result.Stop);
        Assert.True(result.Instructions < 100, $"{result.Instructions} instructions: the wait spun instead of skipping");
    }
}
