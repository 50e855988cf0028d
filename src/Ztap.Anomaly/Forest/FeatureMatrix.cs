namespace Ztap.Anomaly.Forest;

/// <summary>Training points as one row-major block of floats, so growing trees touches no per-row objects.</summary>
internal sealed class FeatureMatrix
{
    private readonly float[] _values;

    public FeatureMatrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Rows = rows;
        Columns = columns;
        _values = new float[rows * columns];
    }

    public int Rows { get; }

    public int Columns { get; }

    public float this[int row, int column] => _values[(row * Columns) + column];

    public Span<float> Row(int row) => _values.AsSpan(row * Columns, Columns);
}
