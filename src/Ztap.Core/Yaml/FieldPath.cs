using System.Text;

namespace Ztap.Core.Yaml;

/// <summary>
/// Where a node sits inside its document, such as <c>spec.egress[0].ports[1].port</c>: a chain of
/// steps, one small object each, only turned into text when a diagnostic needs it. The last two
/// fields are kept in the value itself until a longer path is built on them, because most fields
/// are leaves, read and checked with nothing below them (<c>labels.app</c> of every workload
/// costs nothing); an index's step is made at once, because a list item is nearly always a
/// mapping whose fields all build on it, and it takes the field it indexes along (<c>ports[1]</c>
/// is one step). The default value is the document itself.
/// </summary>
internal readonly struct FieldPath
{
    private readonly Step? _parent;

    // Fields not yet made steps, in order: _field, then _leaf below it; null when absent.
    private readonly string? _field;
    private readonly string? _leaf;

    private FieldPath(Step? parent, string? field, string? leaf)
    {
        _parent = parent;
        _field = field;
        _leaf = leaf;
    }

    /// <summary>The document itself; its text is empty.</summary>
    public static FieldPath Root => default;

    public FieldPath Field(string name) =>
        _field is null ? new(_parent, name, null)
        : _leaf is null ? new(_parent, _field, name)
        : new(new Step(_parent, _field, -1), _leaf, name);

    public FieldPath Index(int index) =>
        _leaf is null
            ? new(new Step(_parent, _field, index), null, null)
            : new(new Step(new Step(_parent, _field, -1), _leaf, index), null, null);

    public override string ToString()
    {
        var builder = new StringBuilder();
        _parent?.Append(builder);
        Step.Append(builder, _field, -1);
        Step.Append(builder, _leaf, -1);
        return builder.ToString();
    }

    /// <summary>One field, index or indexed field of a path; a null parent is the root.</summary>
    private sealed class Step(Step? parent, string? field, int index)
    {
        public void Append(StringBuilder builder)
        {
            parent?.Append(builder);
            Append(builder, field, index);
        }

        /// <summary>Appends the field when there is one, then the index when it is not negative.</summary>
        public static void Append(StringBuilder builder, string? field, int index)
        {
            if (field is not null)
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(field);
            }

            if (index >= 0)
            {
                builder.Append('[').Append(index).Append(']');
            }
        }
    }
}
