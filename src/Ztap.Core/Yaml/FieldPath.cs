using System.Text;

namespace Ztap.Core.Yaml;

/// <summary>
/// Where a node sits inside its document, such as <c>spec.egress[0].ports[1].port</c>. Built as a
/// chain of parents so that a path costs one small object per step and is only turned into text
/// when a diagnostic needs it.
/// </summary>
internal sealed class FieldPath
{
    private readonly FieldPath? _parent;
    private readonly string? _field;
    private readonly int _index;

    /// <summary>The document itself; its text is empty.</summary>
    public static FieldPath Root { get; } = new(null, null, 0);

    private FieldPath(FieldPath? parent, string? field, int index)
    {
        _parent = parent;
        _field = field;
        _index = index;
    }

    public FieldPath Field(string name) => new(this, name, 0);

    public FieldPath Index(int index) => new(this, null, index);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (_parent is null)
        {
            return;
        }

        _parent.Append(builder);
        if (_field is null)
        {
            builder.Append('[').Append(_index).Append(']');
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(_field);
    }
}
