using System.Text.Json;

namespace Ztap.Anomaly.Model;

/// <summary>
/// Saves and loads models as JSON. Floats are written in their shortest round-trip form, so a loaded
/// model scores exactly as the saved one did. A file is checked whole before use: a model file may have
/// been edited or cut short, and a bad tree must not turn into a wrong score or an endless walk.
/// </summary>
internal static class ModelFile
{
    public const string Format = "ztap-anomaly-model";
    public const int Version = 1;

    public static async Task SaveAsync(AnomalyModel model, Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(stream, ModelMapper.ToDocument(model), ModelJsonContext.Default.ModelDocument, cancellationToken)
            .ConfigureAwait(false);

    public static async Task SaveAsync(AnomalyModel model, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await SaveAsync(model, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a model, or returns null and says what is wrong with the file.</summary>
    public static async Task<(AnomalyModel? Model, string? Error)> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ModelDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync(stream, ModelJsonContext.Default.ModelDocument, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, $"not a model file: {e.Message}");
        }

        if (document is null || document.Format != Format)
        {
            return (null, $"not a model file: the format must be \"{Format}\"");
        }

        if (document.Version != Version)
        {
            return (null, $"model file version {document.Version} is not supported; this ztap reads version {Version}");
        }

        return ModelMapper.FromDocument(document);
    }

    public static async Task<(AnomalyModel? Model, string? Error)> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await LoadAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
