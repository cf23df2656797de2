using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Exporters;

/// <summary>The rows to export with their parameter and measure columns, materialised once for the CSV and Parquet writers.</summary>
internal sealed class RunTable
{
    public RunTable(IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows as IReadOnlyList<RunRecord> ?? rows.ToList();
        ParameterPaths = RunColumns.ParameterPaths(Rows);
        MeasureNames = RunColumns.MeasureNames(Rows);
    }

    public IReadOnlyList<RunRecord> Rows { get; }

    public IReadOnlyList<string> ParameterPaths { get; }

    /// <summary>The measures of the rows (a war's), each exported as a column named by <see cref="RunColumns.MeasureColumn"/>.</summary>
    public IReadOnlyList<string> MeasureNames { get; }

    public IEnumerable<string> ColumnNames =>
        RunColumns.All.Select(c => c.Name).Concat(ParameterPaths.Select(p => RunColumns.ParameterPrefix + p)).Concat(MeasureNames.Select(RunColumns.MeasureColumn));
}
