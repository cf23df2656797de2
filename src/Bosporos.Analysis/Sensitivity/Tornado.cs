namespace Bosporos.Analysis.Sensitivity;

/// <summary>
/// One-at-a-time design for a tornado chart: the nominal point, then for each parameter the point with that
/// parameter at the low end of its range and the one at the high end, every other parameter at its nominal value.
/// Coordinates are in the unit cube (0 = low end, 1 = high end).
/// </summary>
public sealed record TornadoDesign(int Parameters, double[][] Points)
{
    public static TornadoDesign Generate(IReadOnlyList<double> nominalUnit)
    {
        ArgumentNullException.ThrowIfNull(nominalUnit);
        var d = nominalUnit.Count;
        var points = new double[1 + (2 * d)][];
        points[0] = nominalUnit.ToArray();
        for (var i = 0; i < d; i++)
        {
            var low = nominalUnit.ToArray();
            low[i] = 0;
            var high = nominalUnit.ToArray();
            high[i] = 1;
            points[1 + (2 * i)] = low;
            points[2 + (2 * i)] = high;
        }

        return new TornadoDesign(d, points);
    }
}

/// <summary>One bar: the output with the parameter at its low and high ends, against the nominal output.</summary>
public readonly record struct TornadoBar(int Parameter, double Nominal, double AtLow, double AtHigh)
{
    /// <summary>Width of the bar: how far the output swings across the parameter's range.</summary>
    public double Swing => Math.Abs(AtHigh - AtLow);
}

public static class TornadoAnalysis
{
    /// <summary>Bars ordered widest first (ties by parameter order), the usual tornado layout.</summary>
    public static IReadOnlyList<TornadoBar> Analyze(TornadoDesign design, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs.Length != design.Points.Length)
        {
            throw new ArgumentException($"Expected {design.Points.Length} outputs, got {outputs.Length}.", nameof(outputs));
        }

        var bars = new List<TornadoBar>(design.Parameters);
        for (var i = 0; i < design.Parameters; i++)
        {
            bars.Add(new TornadoBar(i, outputs[0], outputs[1 + (2 * i)], outputs[2 + (2 * i)]));
        }

        return [.. bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Parameter)];
    }
}
