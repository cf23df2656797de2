namespace Bosporos.Web;

/// <summary>
/// Counts the computations under way for one kind of request, so that a burst of requests cannot take every core:
/// beyond the limit a request gets the busy answer at once instead of waiting.
/// </summary>
internal abstract class ComputeGate
{
    private int running;

    protected async Task<IResult> RunAsync(int limit, Func<Task<IResult>> work, Func<IResult> busy)
    {
        if (Interlocked.Increment(ref running) > limit)
        {
            Interlocked.Decrement(ref running);
            return busy();
        }

        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}
