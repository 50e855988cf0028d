namespace Ztap.Core.Yaml;

/// <summary>What a scalar means once YAML has resolved it; quoted scalars are always strings.</summary>
internal enum YamlScalarType
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
