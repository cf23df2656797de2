namespace Bosporos.Kernel.Events;

/// <summary>
/// The run's append-only event log. Storage is allocated once (and grows only if a run outlives its capacity),
/// so appending in the hot loop allocates nothing.
/// </summary>
public sealed class EventLog
{
    private SiegeEvent[] items;

    public EventLog(int capacity = 4096) => items = new SiegeEvent[capacity];

    public int Count { get; private set; }

    public ReadOnlySpan<SiegeEvent> All => items.AsSpan(0, Count);

    public SiegeEvent this[int index] => index < Count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    internal void Append(in SiegeEvent e)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[Count++] = e;
    }

    internal void Clear() => Count = 0;

    /// <summary>A copy of the log with the same events and room for as many again (for a fork of the run).</summary>
    internal EventLog Copy()
    {
        var copy = new EventLog(Math.Max(64, Count * 2));
        Array.Copy(items, copy.items, Count);
        copy.Count = Count;
        return copy;
    }
}
