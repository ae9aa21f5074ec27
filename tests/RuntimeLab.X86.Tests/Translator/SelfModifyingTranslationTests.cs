using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;
using RuntimeLab.X86.Tests.Interp;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Translator;

/// <summary>
/// Guest code rewritten after, or while, it was translated: the translation must be dropped and the
/// new bytes run. User mode, with the code page made writable; the program stops at <c>int 0x80</c>
/// between phases, so a test can wait for the background compiler and make tiered runs deterministic.
/// They run first (see <see cref="BackgroundCompilerCollection"/>): the compile queue is shared, and
/// once the tiered runs of whole programs have filled it, a wait would take minutes.
/// </summary>
[Collection(BackgroundCompilerCollection.Name)]
public sealed unsafe class SelfModifyingTranslationTests
{
    public static TheoryData<string> Translating => new(["dbt", "tiered"]);

    /// <summary>
    /// A routine returning 1 is called four times (so it is compiled: at once in dbt, in the background
    /// in tiered, which the test waits for), then the guest patches its immediate to 7 and calls it
    /// four more times: the sum must be 4*1 + 4*7, and a compiled block must have been invalidated.
    /// </summary>
    [Theory, MemberData(nameof(Translating))]
    public void CodePatchedAfterItWasTranslatedRunsAsPatched(string engine)
    {
        using var guest = Writable(new GuestCode(a =>
        {
            var start = a.CreateLabel();
            var first = a.CreateLabel();
            var second = a.CreateLabel();
            a.jmp(start);                        // a short jmp: the routine starts at Routine
            Routine(a);
            a.Label(ref start);
            a.xor(ebx, ebx);
            a.mov(ecx, 4);
            a.Label(ref first);
            a.call(Routine0);
            a.add(ebx, eax);
            a.loop(first);
            a.@int(0x80);                        // phase 1 ends: the routine is hot (and compiled)
            a.mov(__byte_ptr[Immediate], 7);     // "mov eax, 1" becomes "mov eax, 7"
            a.mov(ecx, 4);
            a.Label(ref second);
            a.call(Routine0);
            a.add(ebx, eax);
            a.loop(second);
        }, engine: Engines.Named(engine)));
        AssertLayout(guest);
        Assert.Equal(StopReason.Syscall, guest.Run());
        if (engine == "tiered") WaitForBackgroundCompiles();  // dbt compiled each block before its first run
        Assert.Equal(StopReason.Syscall, guest.Run());   // installs what finished, then patches and calls again
        var stats = guest.Cpu.Translation!;              // (read after the run: the getter refreshes the counts)
        Assert.Equal(4u * 1 + 4 * 7, guest[Gpr.Ebx]);
        Assert.True(stats.BlocksTranslated > 0, "nothing was translated");
        Assert.True(stats.Invalidations > 0, "the patch invalidated no compiled block: the test ran no translated routine");
    }

    /// <summary>
    /// Tiered, threshold 2: a loop block is queued for compilation on its second run, and in that same
    /// run (a cmove picks the address) writes to its own code page, before any chance to install the
    /// result. The compile must be thrown away (Discarded) and the patched code on the page run.
    /// Deterministic: the enqueue and the write happen within one block, and installs happen only between blocks.
    /// </summary>
    [Fact]
    public void APageWrittenWhileItsBlockCompilesInTheBackgroundDiscardsTheCompile()
    {
        using var guest = Writable(new GuestCode(a =>
        {
            var start = a.CreateLabel();
            var loop = a.CreateLabel();
            a.jmp(start);
            Routine(a);                          // not decoded until the jump after the loop: by then patched
            a.Label(ref start);
            a.mov(ecx, 3);
            a.mov(esi, GuestCode.DataAddress);
            a.mov(edi, Immediate);
            a.Label(ref loop);                   // runs once in the first block, then twice as its own block
            a.mov(edx, esi);
            a.cmp(ecx, 1);
            a.cmove(edx, edi);                   // the third pass (the block's second run) writes to the code page
            a.mov(__byte_ptr[edx], 7);
            a.dec(ecx);
            a.jne(loop);
            a.call(Routine0);
            a.@int(0x80);
        }, engine: new EngineOptions { Engine = X86Engine.Tiered, HotThreshold = 2 }));
        AssertLayout(guest);
        Assert.Equal(StopReason.Syscall, guest.Run());
        Assert.Equal(7u, guest[Gpr.Eax]);
        WaitForBackgroundCompiles();
        Assert.Equal(StopReason.Syscall, guest.Run());   // the appended int 0x80: InstallFinished runs before it
        var stats = guest.Cpu.Translation!;
        Assert.Equal(1, stats.Discarded);
        Assert.Equal(0, stats.BlocksTranslated);
    }

    /// <summary>The routine both tests patch: "mov eax, 1; ret", placed right after the leading short jmp.</summary>
    private const uint Routine0 = GuestCode.CodeAddress + 2, Immediate = Routine0 + 1;

    private static void Routine(Assembler a)
    {
        a.mov(eax, 1);
        a.ret();
    }

    private static void AssertLayout(GuestCode guest) =>
        Assert.True(guest.Code[0] == 0xEB && guest.Code[2] == 0xB8 && guest.Code[3] == 1, "the routine is not where the test patches it");

    private static GuestCode Writable(GuestCode guest)
    {
        guest.Memory.Protect(GuestCode.CodeAddress, (ulong)guest.Code.Length, Protection.All);
        return guest;
    }

    /// <summary>
    /// Waits until the compiles queued so far have finished. The backend's queue is shared by every
    /// test in the process and never drains while tiered tests run beside this one; but it is served
    /// in order by one worker, so once a job queued now has ended, so has every job before it. The
    /// job fails at once (its build throws): no compile is spent on it.
    /// </summary>
    private static void WaitForBackgroundCompiles()
    {
        var session = BlockTranslator.Session;
        Assert.True(session.Options.BackgroundWorkers == 1, "the wait assumes the backend's one background worker, which serves its queue in order");
        var marker = session.Background.Enqueue("wait-marker", _ => throw new OperationCanceledException("a marker, not a compile"));
        Assert.True(((IAsyncResult)marker).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(300)), "the background compiler did not reach the marker in 300 s");
    }
}

/// <summary>Tests that wait for the process's one background compiler: started before any other (<see cref="BackgroundCompilerTestsFirst"/>).</summary>
[CollectionDefinition(Name)]
public sealed class BackgroundCompilerCollection
{
    public const string Name = "background compiler";
}
