namespace Bosporos.Scenarios.Validation;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in a scenario (or a --set override): where it is, what is wrong and what to do about it.
/// Line and column are 1-based; 0 when the problem has no place in a file (e.g. a --set path).
/// </summary>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Path,
    string Message,
    string? Hint = null)
{
    /// <summary>Editor-clickable form: <c>file:line:col: error BOS1001: message (hint)</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var severity = Severity == Severity.Error ? "error" : "warning";
        var hint = Hint is null ? string.Empty : $" Hint: {Hint}";
        var path = string.IsNullOrEmpty(Path) ? string.Empty : $" [{Path}]";
        return $"{where}: {severity} {Code}: {Message}{path}{hint}";
    }
}
