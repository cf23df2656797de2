using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Scenarios.Narrative;

namespace Bosporos.Web.Replay;

/// <summary>Plain sentences for events, with names resolved from the definition (display only, never in a run).</summary>
internal static class EventText
{
    /// <summary>Kinds shown as markers on the timeline.</summary>
    public static bool IsMajor(EventKind kind) => EventSentences.IsMajor(kind);

    public static string Name(SiegeDefinition d, EventRef kind, int index) => Names.Name(d, kind, index);

    /// <summary>The same sentence the command line's chronicle tells.</summary>
    public static string For(SiegeDefinition d, in SiegeEvent e) => EventSentences.Sentence(d, e);
}
