using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Exporters;

/// <summary>The rows to export with their parameter columns, materialised once for the CSV and Parquet writers.</summary>
internal sealed class RunTable
{
    public RunTable(IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows as IReadOnlyList<RunRecord> ?? rows.ToList();
        ParameterPaths = RunColumns.ParameterPaths(Rows);
    }

    public IReadOnlyList<RunRecord> Rows { get; }

    public IReadOnlyList<string> ParameterPaths { get; }

    public IEnumerable<string> ColumnNames =>
        RunColumns.All.Select(c => c.Name).Concat(ParameterPaths.Select(p => RunColumns.ParameterPrefix + p));
}
