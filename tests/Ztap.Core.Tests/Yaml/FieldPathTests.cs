using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

public sealed class FieldPathTests
{
    [Fact]
    public void Paths_read_as_fields_joined_by_dots_with_indexes_on_the_field_they_index()
    {
        var spec = FieldPath.Root.Field("spec");
        var port = spec.Field("egress").Index(0).Field("ports").Index(1).Field("port");

        Assert.Equal("", FieldPath.Root.ToString());
        Assert.Equal("spec", spec.ToString());
        Assert.Equal("spec.egress[0].ports[1].port", port.ToString());
        Assert.Equal("metadata.labels.app", FieldPath.Root.Field("metadata").Field("labels").Field("app").ToString());
        Assert.Equal("a.b.c.d[2]", FieldPath.Root.Field("a").Field("b").Field("c").Field("d").Index(2).ToString());
        Assert.Equal("workloads[3].ips[0]", FieldPath.Root.Field("workloads").Index(3).Field("ips").Index(0).ToString());
        Assert.Equal("[0][1]", FieldPath.Root.Index(0).Index(1).ToString());
    }

    [Fact]
    public void Paths_built_on_one_path_do_not_change_it()
    {
        var labels = FieldPath.Root.Field("metadata").Field("labels");

        Assert.Equal("metadata.labels.app", labels.Field("app").ToString());
        Assert.Equal("metadata.labels.tier", labels.Field("tier").ToString());
        Assert.Equal("metadata.labels[4]", labels.Index(4).ToString());
        Assert.Equal("metadata.labels", labels.ToString());
    }
}
