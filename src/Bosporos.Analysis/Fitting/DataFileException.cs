namespace Bosporos.Analysis.Fitting;

/// <summary>A data file that cannot be read or is malformed, with the place of the fault (line and column from 1; 0 when the whole file is at fault) and a hint.</summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, int line, int column, string problem, string hint)
        : base(Describe(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
        Hint = hint;
    }

    public DataFileException()
        : this(string.Empty, 0, 0, "the data file is not valid", string.Empty)
    {
    }

    public DataFileException(string message)
        : this(string.Empty, 0, 0, message, string.Empty)
    {
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problem = message;
        Hint = string.Empty;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }

    public string Hint { get; }

    private static string Describe(string file, int line, int column, string problem) =>
        line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}";
}
