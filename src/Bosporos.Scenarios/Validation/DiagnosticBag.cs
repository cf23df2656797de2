using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Validation;

/// <summary>Collects diagnostics for one load; places nodes that came from a --set override at "&lt;--set&gt;".</summary>
internal sealed class DiagnosticBag(string file, int max)
{
    public const string OverrideFile = "<--set>";

    private readonly List<Diagnostic> items = [];
    private int dropped;

    public string File { get; } = file;

    public bool HasErrors { get; private set; }

    public IReadOnlyList<Diagnostic> Items => items;

    public void Error(string code, YNode node, string path, string message, string? hint = null) =>
        Add(Severity.Error, code, node, path, message, hint);

    public void Warning(string code, YNode node, string path, string message, string? hint = null) =>
        Add(Severity.Warning, code, node, path, message, hint);

    public void ErrorAt(string code, int line, int column, string path, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, File, line, column, path, message, hint));

    public void OverrideError(string code, string path, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, OverrideFile, 0, 0, path, message, hint));

    public IReadOnlyList<Diagnostic> Sorted()
    {
        var sorted = items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.File == OverrideFile ? 0 : 1)
            .ThenBy(x => x.d.Line)
            .ThenBy(x => x.d.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();
        if (dropped > 0)
        {
            sorted.Add(new Diagnostic(
                Severity.Warning, DiagnosticCodes.TooManyDiagnostics, File, 0, 0, string.Empty,
                $"{dropped} more diagnostics were not shown.", "Fix the ones above and load the file again."));
        }

        return sorted;
    }

    private void Add(Severity severity, string code, YNode node, string path, string message, string? hint)
    {
        var diagnostic = node.FromOverride
            ? new Diagnostic(severity, code, OverrideFile, 0, 0, path, message, hint)
            : new Diagnostic(severity, code, File, node.Start.Line, node.Start.Column, path, message, hint);
        Add(diagnostic);
    }

    private void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == Severity.Error)
        {
            HasErrors = true;
        }

        if (items.Count >= max)
        {
            dropped++;
            return;
        }

        items.Add(diagnostic);
    }
}
