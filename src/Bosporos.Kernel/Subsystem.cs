namespace Bosporos.Kernel;

/// <summary>The parts of a run's state hashed separately, so a diverging replay says where it parted. Values are frozen.</summary>
public enum Subsystem
{
    Forces = 0,
    Walls = 1,
    Naval = 2,
    Supply = 3,
    Command = 4,
}
