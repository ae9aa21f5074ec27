using System.Collections.Concurrent;
using System.Diagnostics;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// The binary translator's driver for one CPU: decides when a block compiles (at once in dbt mode,
/// at a heat threshold in the background in tiered mode), hands it to the x86 frontend
/// (<see cref="BlockLowering"/>) and the shared backend, and installs the result between blocks,
/// unless the block was invalidated meanwhile.
/// </summary>
public sealed unsafe class BlockTranslator : IDisposable
{
    private static readonly Lazy<JitSession> s_session = new(() => new JitSession(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The backend's one session for all x86 translations in this process.</summary>
    public static JitSession Session => s_session.Value;

    private readonly CpuState* _state;
    private readonly BlockCache _blocks;
    private readonly EngineOptions _options;
    private readonly ConcurrentQueue<Finished> _finished = new();
    private readonly Lock _gate = new();
    private volatile bool _disposed;

    public TranslationStats Stats { get; } = new();

    public BlockTranslator(CpuState* state, BlockCache blocks, EngineOptions options)
    {
        _state = state;
        _blocks = blocks;
        _options = options;
    }

    /// <summary>The compile options of a block: O2 without IR capture.</summary>
    private static readonly CompileOptions s_compile = CompileOptions.At(OptLevel.O2);

    /// <summary>
    /// Called each time the run loop is about to interpret <paramref name="block"/>. In dbt mode each block
    /// is translated alone the first time it runs (QEMU's way: everything, before it runs); in tiered
    /// mode a block that gets hot is translated in the background with the blocks its branches reach
    /// (<see cref="BlockSnapshot"/>), so a hot loop compiles as one unit.
    /// </summary>
    public void CountExecution(Block* block)
    {
        if (_options.Engine == X86Engine.Dbt)
        {
            if (block->Heat++ == 0) CompileNow(block);
            return;
        }
        if (++block->Heat == Math.Max(1, _options.HotThreshold)) Enqueue(block);
    }

    private void CompileNow(Block* block)
    {
        var snapshot = BlockSnapshot.Of(block, (nint)_blocks.FastTable);
        var clock = Stopwatch.StartNew();
        CompiledModule module;
        try
        {
            var name = ModuleName(snapshot);
            module = Session.Compile(name, m => BlockLowering.Build(m, snapshot, name), s_compile);
        }
        catch (Exception e) when (e is JitException or NotSupportedException)
        {
            Failed(snapshot, e);
            return;
        }
        Install(block, snapshot, module, clock.Elapsed);
    }

    private const int UnitMemberDelay = 1000;
    private const int Queued = int.MinValue / 2;

    private void Enqueue(Block* block)
    {
        var snapshot = BlockSnapshot.Of(block, (nint)_blocks.FastTable, _blocks);
        // The unit's other blocks will run inside its code: they compile on their own only if they stay
        // hot outside it (entered from elsewhere), not merely because they ran while the unit compiled.
        foreach (var member in snapshot.Blocks.Skip(1))
        {
            var heat = &((Block*)member.Block)->Heat;
            *heat = Math.Min(*heat, -UnitMemberDelay * Math.Max(1, _options.HotThreshold));
        }
        // Queued once: however long the compile takes, the entry does not come round again.
        block->Heat = Queued;
        // Started on the worker: the compile time excludes the wait in the queue.
        var clock = new Stopwatch();
        var name = ModuleName(snapshot);
        Session.Background.Enqueue(name, m =>
        {
            // A CPU that is gone needs no code: its queued compiles end at once.
            if (_disposed) throw new OperationCanceledException("the CPU was disposed before its block compiled");
            clock.Start();
            BlockLowering.Build(m, snapshot, name);
        }, s_compile, (module, error) =>
        {
            lock (_gate)
            {
                if (_disposed) { module?.Dispose(); return; }
                _finished.Enqueue(new Finished(snapshot, module, error, clock.Elapsed));
            }
        });
    }

    /// <summary>Installs background compiles that finished; call only between blocks, on the CPU's thread.</summary>
    public void InstallFinished()
    {
        while (_finished.TryDequeue(out var done))
        {
            var block = (Block*)done.Snapshot.Block;
            if (done.Module is null)
            {
                Failed(done.Snapshot, done.Error);
                continue;
            }
            var unit = done.Snapshot;
            if (!_blocks.IsLive(block, unit.Eip, unit.CodeBase, unit.Mode, unit.Serial) || block->Code != 0)
            {
                // Guest code on the block's pages was written (or remapped) while it compiled: the code is stale.
                done.Module.Dispose();
                Stats.Discarded++;
                _options.JitLog?.WriteLine($"dbt: discarded 0x{done.Snapshot.Eip:x8} (invalidated while compiling)");
                continue;
            }
            Install(block, done.Snapshot, done.Module, done.Elapsed);
        }
    }

    private void Install(Block* block, BlockSnapshot snapshot, CompiledModule module, TimeSpan elapsed)
    {
        CompiledBlock.Install(block, module);
        Stats.BlocksTranslated++;
        Stats.GuestInstructionsTranslated += snapshot.Count;
        var inline = BlockLowering.InlineCount(snapshot);
        Stats.GuestInstructionsInline += inline;
        Stats.CodeBytes += module.Stats.CodeBytes;
        Stats.CompileTimes.Add(elapsed);
        _options.JitLog?.WriteLine($"dbt: translated 0x{snapshot.Eip:x8} ({snapshot.Blocks.Count} blocks, {snapshot.Count} instructions, {inline} inline) -> {module.Stats.CodeBytes} bytes in {elapsed.TotalMilliseconds:0.00} ms");
    }

    private void Failed(BlockSnapshot snapshot, Exception? error)
    {
        Stats.Failures++;
        _options.JitLog?.WriteLine($"dbt: 0x{snapshot.Eip:x8} stays interpreted: {error?.Message}");
    }

    private static long s_translations;

    /// <summary>
    /// The module's name, which is its function's too: unique in the process, since one block may be
    /// compiled more than once (as a unit's member first, later as its own unit's entry) and the backend's
    /// symbol table is shared.
    /// </summary>
    private static string ModuleName(BlockSnapshot snapshot) =>
        $"x86_{snapshot.CodeBase + snapshot.Eip:x8}_{snapshot.Serial}_{Interlocked.Increment(ref s_translations)}";

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_finished.TryDequeue(out var done)) done.Module?.Dispose();
        }
    }

    private sealed record Finished(BlockSnapshot Snapshot, CompiledModule? Module, Exception? Error, TimeSpan Elapsed);
}
