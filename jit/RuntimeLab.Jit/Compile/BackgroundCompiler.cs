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

    private sealed record Job(string Name, Action<IrModule> Build, CompileOptions Options, TaskCompletionSource<CompiledModule> Done);

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

    public Task<CompiledModule> Enqueue(string moduleName, Action<IrModule> build, CompileOptions? options = null)
    {
        var job = new Job(moduleName, build, options ?? new CompileOptions(),
            new TaskCompletionSource<CompiledModule>(TaskCreationOptions.RunContinuationsAsynchronously));
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
            try
            {
                var module = _session.CreateModule(job.Name);
                try { job.Build(module); }
                catch { module.Dispose(); throw; }
                job.Done.SetResult(_session.Compile(module, job.Options));
            }
            catch (Exception e)
            {
                job.Done.SetException(e);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
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
