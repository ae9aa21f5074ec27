using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// The x86 interpreter: runs decoded blocks, each op through its specialized handler, until the
/// guest needs its host (a system call), faults, halts, or reaches an instruction limit.
/// </summary>
public sealed unsafe class Interpreter : Linux.IGuestCpu
{
    private readonly GCHandle _self;
    private readonly GCHandle _memoryHandle;
    private readonly BlockCache _blocks;

    public CpuState* State { get; }
    public IAddressSpace Memory { get; }

    /// <summary>Resolves a segment selector to its base (user mode: the TLS entries of set_thread_area). Null: the selector is invalid.</summary>
    public Func<ushort, uint?>? SegmentResolver { get; set; }

    /// <summary>The machine's I/O ports (system mode); null in Linux user mode.</summary>
    public Devices.IPortBus? Ports { get; set; }

    /// <summary>When set, every instruction in range is printed as it retires (slower: one op at a time).</summary>
    public TraceOptions? Trace
    {
        get => _traceOptions;
        set
        {
            _traceOptions = value;
            _tracer = value is null ? null : new Tracer(value);
            State->SlowPath = value is null ? State->SlowPath & ~CpuState.TraceBit : State->SlowPath | CpuState.TraceBit;
        }
    }

    private TraceOptions? _traceOptions;
    private Tracer? _tracer;

    public int BlocksDecoded => _blocks.BlocksDecoded;

    /// <summary>Instructions retired so far; still answers after the interpreter was disposed.</summary>
    public ulong InstructionsRetired => _disposed ? _retiredAtDispose : State->InstructionCount;

    private bool _disposed;
    private ulong _retiredAtDispose;
    public int Invalidations => _blocks.Invalidations;

    /// <summary>How blocks run: interpreted, translated, or tiered (see <see cref="X86Engine"/>).</summary>
    public EngineOptions Engine { get; }
    private readonly BlockTranslator? _translator;

    /// <summary>The translator's figures; null with the interpreter alone.</summary>
    public TranslationStats? Translation
    {
        get
        {
            if (_translator is null) return null;
            _translator.Stats.Invalidations = _blocks.CompiledInvalidations;
            return _translator.Stats;
        }
    }

    public Interpreter(UserAddressSpace memory, EngineOptions? engine = null) : this(memory, memory.Tlb, memory.TlbMask, engine) { }

    public Interpreter(IAddressSpace memory, TlbEntry* tlb, uint tlbMask, EngineOptions? engine = null)
    {
        Engine = engine ?? EngineOptions.Interpreter;
        Memory = memory;
        State = (CpuState*)NativeMemory.AllocZeroed((nuint)sizeof(CpuState));
        _self = GCHandle.Alloc(this);
        _memoryHandle = GCHandle.Alloc(memory);
        State->Tlb = tlb;
        State->TlbMask = tlbMask;
        State->AddressSpaceHandle = GCHandle.ToIntPtr(_memoryHandle);
        State->OwnerHandle = GCHandle.ToIntPtr(_self);
        State->SetEflags(EflagsBits.Reserved1 | EflagsBits.IF);
        // Flat user-mode segments, the selectors Linux gives a 32-bit process.
        State->Selectors[Seg.Cs] = 0x23;
        State->Selectors[Seg.Ds] = State->Selectors[Seg.Es] = State->Selectors[Seg.Ss] = 0x2B;
        for (var seg = 0; seg < 6; seg++) State->SegmentLimit[seg] = 0xFFFF_FFFF;
        State->CodeMode = CodeMode.Flat32;
        State->Fpu.Initialize();
        _blocks = new BlockCache(State, memory);
        if (Engine.Engine != X86Engine.Interp) _translator = new BlockTranslator(State, _blocks, Engine);
    }

    /// <summary>An interpreter for Linux user mode: segment loads resolve through the process's TLS entries.</summary>
    public static Interpreter ForUserMode(UserAddressSpace memory, Linux.ThreadArea threadArea) => ForUserMode(memory, threadArea, null);

    public static Interpreter ForUserMode(UserAddressSpace memory, Linux.ThreadArea threadArea, EngineOptions? engine) =>
        new(memory, engine) { SegmentResolver = threadArea.BaseForSelector };

    /// <summary>
    /// The block at CS:<paramref name="eip"/> from this CPU's own block cache, decoded as the run loop
    /// decodes it (a fetch fault of its first instruction is thrown): what <c>x86 dump</c> translates.
    /// </summary>
    internal Block* DecodeBlock(uint eip) => _blocks.Get(eip);

    /// <summary>The block cache's direct-mapped table, which a translation chains through (<see cref="BlockSnapshot.FastTable"/>).</summary>
    internal nint BlockTable => (nint)_blocks.FastTable;
    internal BlockCache Blocks => _blocks;

    public static Interpreter Of(CpuState* state) => (Interpreter)GCHandle.FromIntPtr(state->OwnerHandle).Target!;

    public void SetSegmentBase(int segment, uint baseAddress) => State->SegmentBase[segment] = baseAddress;

    /// <summary>MOV to a segment register: the selector and its base, or #GP when the selector is not valid.</summary>
    public void LoadSegment(int segment, ushort selector)
    {
        if (State->IsRealMode) { RealMode.LoadSegment(State, segment, selector); return; }
        if (State->Mode == ExecutionMode.System) { ProtectedSegments.LoadData(State, segment, selector); return; }
        uint? resolved = selector <= 3 ? 0 : SegmentResolver?.Invoke(selector);
        if (resolved is not { } baseAddress) throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);
        State->Selectors[segment] = selector;
        State->SegmentBase[segment] = baseAddress;
    }

    /// <summary>
    /// Runs until a stop reason. On a fault EIP is the faulting instruction's (the state as before it),
    /// on a trap the next instruction's; the fault is in <see cref="CpuState.Fault"/>.
    /// </summary>
    public StopReason Run(ulong maxInstructions)
    {
        var s = State;
        s->Stop = StopReason.None;
        var limit = s->InstructionCount + maxInstructions;
        s->InstructionLimit = limit;
        var translator = _translator;
        while (s->Stop == StopReason.None)
        {
            if (s->InstructionCount >= limit) { s->Stop = StopReason.InstructionLimit; break; }
            _blocks.Collect();
            translator?.InstallFinished();
            Block* block;
            try
            {
                block = _blocks.Get(s->Eip);
            }
            catch (GuestFaultException fetchFault)
            {
                s->Fault = fetchFault.Fault;
                s->Stop = StopReason.Fault;
                break;
            }
            if (s->SlowPath == 0 && translator is not null)
            {
                if (block->Code == 0) translator.CountExecution(block);
                if (block->Code != 0)
                {
                    RunCompiled(s, block, translator.Stats);
                    continue;
                }
            }
            var op = block->Ops;
            var end = op + block->Count;
            s->Eip = block->FallthroughEip;
            try
            {
                if (s->SlowPath == 0)
                {
                    for (; op < end; op++) op->Handler(s, op);
                    s->InstructionCount += (ulong)block->Count;
                }
                else RunSlowly(s, block, ref op);
            }
            catch (Exception e) when (e is RestartInstructionException or GuestFaultException)
            {
                Stopped(s, op, (ulong)(op - block->Ops), e);
            }
        }
        return s->Stop;
    }

    /// <summary>
    /// Runs a block's translation, which may chain on through other compiled blocks. It returns the op
    /// whose helper or memory access raised a guest exception, with the guest state as the interpreter
    /// would have left it before that op and the instructions before it already counted; null otherwise.
    /// </summary>
    private static void RunCompiled(CpuState* s, Block* block, TranslationStats stats)
    {
        var before = s->InstructionCount;
        var raised = ((delegate* unmanaged<CpuState*, DecodedOp*>)block->Code)(s);
        stats.CompiledInstructions += s->InstructionCount - before;
        if (raised == null) return;
        var exception = HelperCalls.TakePending();
        if (exception is RestartInstructionException or GuestFaultException) Stopped(s, raised, 0, exception);
        else System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
    }

    /// <summary>
    /// An op ended the run early: a fault or trap (recorded for the caller to deliver), or a REP
    /// instruction out of budget. <paramref name="retiredBefore"/> ops before it in its block are not
    /// yet counted.
    /// </summary>
    private static void Stopped(CpuState* s, DecodedOp* op, ulong retiredBefore, Exception reason)
    {
        if (reason is GuestFaultException fault)
        {
            s->InstructionCount += fault.IsTrap ? retiredBefore + 1 : retiredBefore;
            if (!fault.AfterTaskSwitch) s->Eip = fault.IsTrap ? op->NextEip : op->Eip;
            s->FaultingEip = op->Eip;
            s->Fault = fault.Fault;
            s->Stop = StopReason.Fault;
            return;
        }
        // The unfinished REP counts as retired once per budget, so instruction limits and virtual time still advance.
        s->InstructionCount += retiredBefore + 1;
        s->Eip = op->Eip;
        s->Stop = StopReason.DeviceRequest;
    }

    /// <summary>
    /// A block while <see cref="CpuState.SlowPath"/> is set. Tracing runs it whole, recording each op; debug
    /// traps and breakpoints run only its first instruction, between <see cref="Breakpoints"/>' checks,
    /// so that the next one starts a block of its own. <paramref name="op"/> is left at the op that
    /// faulted, for the caller's fault handling.
    /// </summary>
    private void RunSlowly(CpuState* s, Block* block, ref DecodedOp* op)
    {
        var tracer = _tracer is { Active: true } active ? active : null;
        if (tracer is null) s->SlowPath &= ~CpuState.TraceBit;
        if ((s->SlowPath & ~CpuState.TraceBit) == 0)
        {
            for (var end = block->Ops + block->Count; op < end; op++)
            {
                op->Handler(s, op);
                // Mid-block, EIP is not maintained op by op: the trace line names the op itself.
                tracer?.Record(s, block, op);
            }
            s->InstructionCount += (ulong)block->Count;
            return;
        }
        var flagsAtStart = s->FlagsRest;
        s->Eip = op->NextEip;
        var shadowed = Breakpoints.BeforeInstruction(s, op);
        try
        {
            op->Handler(s, op);
        }
        catch (RestartInstructionException)
        {
            s->Eip = op->Eip; // a REP iteration is done (see RepeatBudget): the debug checks come before the next
        }
        tracer?.Record(s, block, op);
        s->InstructionCount++;
        if (!Breakpoints.AfterInstruction(s, flagsAtStart, shadowed)) return;
        s->FaultingEip = op->Eip;
        s->Fault = new GuestFault(FaultVector.Debug, 0, 0);
        s->Stop = StopReason.Fault;
    }

    public string? Unimplemented(uint eip)
    {
        var bytes = new byte[15];
        var length = 0;
        try
        {
            for (; length < bytes.Length; length++) bytes[length] = Mem.Read8(State, State->SegmentBase[Seg.Cs] + eip + (uint)length);
        }
        catch (GuestFaultException)
        {
            // The instruction may end before the unreadable byte: decode what there is.
        }
        var decoder = Iced.Intel.Decoder.Create(BlockCache.Bitness(State->CodeMode), new Iced.Intel.ByteArrayCodeReader(bytes, 0, length), eip);
        decoder.Decode(out var instruction);
        if (instruction.IsInvalid || instruction.Mnemonic is Iced.Intel.Mnemonic.Ud0 or Iced.Intel.Mnemonic.Ud1 or Iced.Intel.Mnemonic.Ud2) return null;
        var text = new Iced.Intel.StringOutput();
        new Iced.Intel.IntelFormatter().Format(instruction, text);
        return text.ToString();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _retiredAtDispose = State->InstructionCount;
        _disposed = true;
        _translator?.Dispose();
        _blocks.Dispose();
        _memoryHandle.Free();
        _self.Free();
        NativeMemory.Free(State);
    }
}
