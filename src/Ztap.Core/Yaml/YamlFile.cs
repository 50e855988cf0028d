using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>Reads a YAML file's text, turning a missing, unreadable or oversized file into a diagnostic.</summary>
internal static class YamlFile
{
    /// <summary>The file's text, or null after adding a diagnostic that says why it could not be read.</summary>
    public static async Task<string?> ReadAsync(
        string path, InputLimits limits, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Add(YamlStreamReader.FileTooLarge(path, length, limits));
                return null;
            }

            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            diagnostics.Add(Problem(path, "no such file or directory"));
        }
        catch (DirectoryNotFoundException)
        {
            diagnostics.Add(Problem(path, "no such file or directory"));
        }
        catch (UnauthorizedAccessException exception)
        {
            diagnostics.Add(Problem(path, $"cannot read the file: {exception.Message}"));
        }
        catch (IOException exception)
        {
            diagnostics.Add(Problem(path, $"cannot read the file: {exception.Message}"));
        }

        return null;
    }

    /// <summary>A diagnostic about a file as a whole rather than a place in it.</summary>
    public static Diagnostic Problem(string path, string message) =>
        new(Severity.Error, new SourceLocation(path, 0, 0), null, "", message);
}
