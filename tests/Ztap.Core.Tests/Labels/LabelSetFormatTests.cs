using Ztap.Core.Labels;

namespace Ztap.Core.Tests.Labels;

public sealed class LabelSetFormatTests
{
    private static readonly LabelSet WebFrontend = LabelSet.From([new("tier", "frontend"), new("app", "web")]);

    [Fact]
    public void A_set_reads_as_its_labels_by_key_joined_with_commas()
    {
        Assert.Equal("app=web,tier=frontend", WebFrontend.ToString());
        Assert.Equal("", LabelSet.Empty.ToString());
        Assert.Equal("k=", LabelSet.From([new("k", "")]).ToString());
    }

    [Fact]
    public void Interpolated_text_gets_the_same_form_written_in_place()
    {
        Assert.Equal("prod app=web,tier=frontend in 10.0.0.0/8", $"prod {WebFrontend} in 10.0.0.0/8");
        Assert.Equal("prod  in 10.0.0.0/8", $"prod {LabelSet.Empty} in 10.0.0.0/8");
    }

    [Fact]
    public void Formatting_into_a_buffer_too_short_writes_nothing_and_says_so()
    {
        var text = "app=web,tier=frontend";
        var exact = new char[text.Length];
        var shorter = new char[text.Length - 1];

        Assert.True(WebFrontend.TryFormat(exact, out var written, default, null));
        Assert.Equal(text, new string(exact, 0, written));
        Assert.False(WebFrontend.TryFormat(shorter, out written, default, null));
        Assert.Equal(0, written);
    }
}
