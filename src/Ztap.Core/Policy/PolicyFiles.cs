using System.Collections.Immutable;
using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Turns the paths given on the command line into the files to read: a file as it is, a folder
/// as all its .yaml and .yml files, recursively, in ordinal order so every run reads the same
/// files in the same order.
/// </summary>
internal static class PolicyFiles
{
    // Hidden entries are skipped, which keeps folders such as .git out of the load.
    private static readonly EnumerationOptions FolderSearch = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    public static ImmutableArray<string> Expand(IReadOnlyList<string> paths, DiagnosticBag diagnostics)
    {
        var files = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path, files, seen);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", FolderSearch).Where(IsYaml).ToList();
                found.Sort(StringComparer.Ordinal);
                if (found.Count == 0)
                {
                    diagnostics.Add(YamlFile.Problem(path, "the folder holds no .yaml or .yml files") with { Severity = Severity.Warning });
                }

                foreach (var file in found)
                {
                    Add(file, files, seen);
                }
            }
            else
            {
                diagnostics.Add(YamlFile.Problem(path, "no such file or directory"));
            }
        }

        return files.DrainToImmutable();
    }

    /// <summary>Adds a file once, however many of the given paths lead to it.</summary>
    private static void Add(string file, ImmutableArray<string>.Builder files, HashSet<string> seen)
    {
        if (seen.Add(Path.GetFullPath(file)))
        {
            files.Add(file);
        }
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
