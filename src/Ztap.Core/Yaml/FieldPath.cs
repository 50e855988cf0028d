using System.Text;

namespace Ztap.Core.Yaml;

/// <summary>
/// Where a node sits inside its document, such as <c>spec.egress[0].ports[1].port</c>: a chain of
/// steps, one small object each, only turned into text when a diagnostic needs it. A field's
/// step is kept in the value itself until a longer path is built on it, because most fields are
/// leaves, read and checked with nothing below them; an index's step is made at once, because a
/// list item is nearly always a mapping whose fields all build on it. The default value is the
/// document itself.
/// </summary>
internal readonly struct FieldPath
{
    private readonly Step? _parent;

    // A field not yet made a step; when null, the path is _parent itself (the root when that is null too).
    private readonly string? _field;

    private FieldPath(Step? parent, string? field)
    {
        _parent = parent;
        _field = field;
    }

    /// <summary>The document itself; its text is empty.</summary>
    public static FieldPath Root => default;

    public FieldPath Field(string name) => new(AsStep(), name);

    public FieldPath Index(int index) => new(new Step(AsStep(), null, index), null);

    public override string ToString()
    {
        var builder = new StringBuilder();
        _parent?.Append(builder);
        Step.Append(builder, _field, -1);
        return builder.ToString();
    }

    private Step? AsStep() => _field is null ? _parent : new Step(_parent, _field, -1);

    /// <summary>One field or index of a path; a null parent is the root.</summary>
    private sealed class Step(Step? parent, string? field, int index)
    {
        public void Append(StringBuilder builder)
        {
            parent?.Append(builder);
            Append(builder, field, index);
        }

        /// <summary>Appends a field, or the index when the field is null and the index not negative.</summary>
        public static void Append(StringBuilder builder, string? field, int index)
        {
            if (field is null)
            {
                if (index >= 0)
                {
                    builder.Append('[').Append(index).Append(']');
                }

                return;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(field);
        }
    }
}
