using System.Collections.Concurrent;
using RuntimeLab.Jit.Ir;

namespace RuntimeLab.Jit.Compile;

/// <summary>
/// A compile queue served by dedicated worker threads, so a frontend keeps interpreting while hot
/// code compiles. Each job builds its IR on the worker (in the module's own context) and compiles it;
/// the caller gets a task that completes with the compiled module or the failure.
/// </summary>
public sealed class BackgroundCompiler : IDisposable
{
    private readonly JitSession _session;
    private readonly BlockingCollection<Job> _queue = new();
    private readonly Thread[] _workers;
    private int _pending;
    private volatile bool _stopping;

    private sealed record Job(string Name, Action<IrModule> Build, CompileOptions Options, TaskCompletionSource<CompiledModule> Done,
        Action<CompiledModule?, Exception?>? Completed = null);

    internal BackgroundCompiler(JitSession session, int workers)
    {
        _session = session;
        _workers = new Thread[Math.Max(1, workers)];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"runtimelab-jit-{i}" };
            _workers[i].Start();
        }
    }

    internal bool IsShuttingDown => _stopping;

    /// <summary>Jobs queued or compiling.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public Task<CompiledModule> Enqueue(string moduleName, Action<IrModule> build, CompileOptions? options = null) =>
        Enqueue(new Job(moduleName, build, options ?? new CompileOptions(),
            new TaskCompletionSource<CompiledModule>(TaskCreationOptions.RunContinuationsAsynchronously)));

    /// <summary>
    /// As <see cref="Enqueue(string, Action{IrModule}, CompileOptions?)"/>, and <paramref name="completed"/>
    /// runs on the worker as soon as the job ends (the module, or the failure): a frontend installs
    /// code from there without waiting for a thread-pool thread, which a busy host may not have.
    /// </summary>
    public Task<CompiledModule> Enqueue(string moduleName, Action<IrModule> build, CompileOptions options, Action<CompiledModule?, Exception?> completed) =>
        Enqueue(new Job(moduleName, build, options,
            new TaskCompletionSource<CompiledModule>(TaskCreationOptions.RunContinuationsAsynchronously), completed));

    private Task<CompiledModule> Enqueue(Job job)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            _queue.Add(job);
        }
        catch (InvalidOperationException)
        {
            Interlocked.Decrement(ref _pending);
            throw new ObjectDisposedException(nameof(BackgroundCompiler), "the background compiler has shut down");
        }
        return job.Done.Task;
    }

    private void Work()
    {
        foreach (var job in _queue.GetConsumingEnumerable())
        {
            if (_stopping)
            {
                job.Done.TrySetCanceled();
                Interlocked.Decrement(ref _pending);
                continue;
            }
            CompiledModule? compiled = null;
            Exception? failure = null;
            try
            {
                compiled = _session.Compile(job.Name, job.Build, job.Options);
            }
            catch (Exception e)
            {
                failure = e;
            }
            try
            {
                job.Completed?.Invoke(compiled, failure);
            }
            catch (Exception e)
            {
                failure ??= e; // a frontend's callback must not end the worker
            }
            Interlocked.Decrement(ref _pending);
            if (compiled is not null) job.Done.SetResult(compiled);
            else job.Done.SetException(failure!);
        }
    }

    /// <summary>
    /// Lets the compiles in flight finish, cancels the jobs still queued (their tasks end canceled),
    /// and joins the workers, so shutting down never waits for a long queue.
    /// </summary>
    public void Dispose()
    {
        _stopping = true;
        _queue.CompleteAdding();
        foreach (var worker in _workers) worker.Join();
        _queue.Dispose();
    }
}
