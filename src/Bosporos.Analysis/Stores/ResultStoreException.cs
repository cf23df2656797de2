namespace Bosporos.Analysis.Stores;

/// <summary>
/// What went wrong with a result store, in words a user can act on (full disk, read-only file, mismatched manifest ...).
/// A password in the message (a postgres:// address, a connection string) is replaced by *** here, once for every caller.
/// </summary>
public sealed class ResultStoreException : Exception
{
    public ResultStoreException()
    {
    }

    public ResultStoreException(string message)
        : base(Credentials.Redact(message))
    {
    }

    public ResultStoreException(string message, Exception innerException)
        : base(Credentials.Redact(message), innerException)
    {
    }
}
