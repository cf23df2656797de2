namespace Bosporos.Kernel.Randomness;

/// <summary>The named random streams of a run. Values are frozen: changing one changes every result.</summary>
public enum StreamId : ulong
{
    Combat = 1,
    Siegecraft = 2,
    Naval = 3,
    Supply = 4,
    Morale = 5,
    Command = 6,
    Diplomacy = 7,
    Weather = 8,
}
