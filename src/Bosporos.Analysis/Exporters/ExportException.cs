namespace Bosporos.Analysis.Exporters;

/// <summary>An export could not be written; the message says why, and that any previous file is unchanged.</summary>
public sealed class ExportException : Exception
{
    public ExportException()
    {
    }

    public ExportException(string message)
        : base(message)
    {
    }

    public ExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
