using System.Text;
using System.Text.Json.Nodes;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Model;
using Ztap.Anomaly.Tests.Forest;

namespace Ztap.Anomaly.Tests.Model;

public sealed class ModelFileTests
{
    [Fact]
    public async Task A_model_file_names_its_format_features_and_trees()
    {
        var json = await Saved();

        Assert.Equal("ztap-anomaly-model", json["format"]!.GetValue<string>());
        Assert.Equal("context", json["features"]!.GetValue<string>());
        Assert.Equal(FeatureLayout.Context.Select(FeatureLayout.Name), json["ranges"]!.AsArray().Select(r => r!["feature"]!.GetValue<string>()));
        Assert.Equal(100, json["forest"]!["trees"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_tree_whose_child_points_back_is_refused()
    {
        var json = await Saved();
        var tree = json["forest"]!["trees"]![3]!;
        tree["left"]![0] = 0;

        Assert.Equal("tree 3: node 0 does not split on a known feature into later nodes", await LoadError(json));
    }

    [Theory]
    [InlineData("format", "\"something\"", "not a model file: the format must be \"ztap-anomaly-model\"")]
    [InlineData("version", "2", "model file version 2 is not supported; this ztap reads version 1")]
    [InlineData("features", "\"all\"", "unknown feature set \"all\"; expected context or per_flow")]
    public async Task A_file_from_elsewhere_says_why_it_is_refused(string field, string value, string error)
    {
        var json = await Saved();
        json[field] = JsonNode.Parse(value);

        Assert.Equal(error, await LoadError(json));
    }

    [Fact]
    public async Task A_truncated_file_is_not_a_model()
    {
        var text = (await Saved()).ToJsonString();

        var (model, error) = await ModelFile.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text[..(text.Length / 2)])), CancellationToken.None);

        Assert.Null(model);
        Assert.StartsWith("not a model file: ", error, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> Saved()
    {
        using var stream = new MemoryStream();
        await ModelFile.SaveAsync(ForestDetectorTests.Trained(FeatureSet.Context).Model!, stream, CancellationToken.None);
        return JsonNode.Parse(stream.ToArray())!.AsObject();
    }

    private static async Task<string?> LoadError(JsonObject json)
    {
        var (model, error) = await ModelFile.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), CancellationToken.None);
        Assert.Null(model);
        return error;
    }
}
