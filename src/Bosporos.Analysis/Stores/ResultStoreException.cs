namespace Bosporos.Analysis.Stores;

/// <summary>What went wrong with a result store, in words a user can act on (full disk, read-only file, mismatched manifest ...).</summary>
public sealed class ResultStoreException : Exception
{
    public ResultStoreException()
    {
    }

    public ResultStoreException(string message)
        : base(message)
    {
    }

    public ResultStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
