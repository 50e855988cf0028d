using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ztap.Cli.Output;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Observability.FlowLog;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap logs</c>: the flow log, oldest first across rotated files, filtered by policy, verdict
/// and time; as columns for people or JSON lines for programs; with <c>--follow</c>, then every new
/// record as the agent writes it, until Ctrl-C.
/// </summary>
internal static class LogsCommand
{
    public const string Footer = """
        Reads the flow log the agent writes: ZTAP_LOG_DIR (default /var/log/ztap), flows.jsonl and
        its rotated files flows.jsonl.1, .2, ... A record with COUNT above 1 stands for repeats of
        one flow folded together, their bytes summed. audit-deny: denied, but let through (audit mode).
        -o json prints each record as the log stores it, one JSON object a line (docs/flow-log.md).
        Exit codes: 0 shown (also after Ctrl-C with --follow), 2 usage error, 3 no flow log there.

        Examples:
          ztap logs
          ztap logs --verdict deny --since 10m
          ztap logs --follow --policy prod/db-ingress
          ztap logs -o json | jq -c 'select(.count > 1)'
        """;

    public static Command Create(CliConsole console)
    {
        var follow = new Option<bool>("--follow")
        {
            Description = "Keep reading: print new records as they are written, across rotations, until Ctrl-C.",
        };
        var policy = new Option<string>("--policy")
        {
            Description = "Only records decided by this policy (namespace/name, or a name in any namespace).",
            HelpName = "NAME",
        };
        var verdict = new Option<string>("--verdict")
        {
            Description = "Only allowed or only denied flows.",
            HelpName = "allow|deny",
        };
        verdict.AcceptOnlyFromAmong("allow", "deny");
        var since = new Option<string>("--since")
        {
            Description = "Only records from this long ago (10m, 2h, 1d) or since this time (2026-03-01T12:00:00Z).",
            HelpName = "WHEN",
        };
        since.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (Since(text, DateTimeOffset.UtcNow) is null)
            {
                result.AddError($"--since: \"{text}\" is neither a duration such as 10m nor a time such as 2026-03-01T12:00:00Z.");
            }
        });
        var output = CommonOptions.Output();
        var command = new Command("logs", "Show the flow log: every verdict the agent recorded.") { follow, policy, verdict, since, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var location = FlowLogLocation.FromEnvironment();
            var following = parseResult.GetValue(follow);
            if (!following && location.FilesOldestFirst().Count == 0)
            {
                console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} no flow log in {location.Directory} (set {FlowLogLocation.DirectoryVariable} to read another folder)");
                return ExitCodes.IoFailure;
            }

            var filter = new FlowFilter(
                parseResult.GetValue(policy),
                parseResult.GetValue(verdict) switch { "allow" => Verdict.Allow, "deny" => Verdict.Deny, _ => null },
                parseResult.GetValue(since) is { } text ? Since(text, DateTimeOffset.UtcNow) : null);
            var write = Writer(parseResult.GetFormat(output), console);
            try
            {
                if (following)
                {
                    var follower = new FlowLogFollower(location, filter);
                    await foreach (var record in follower.FollowAsync(cancellationToken).ConfigureAwait(false))
                    {
                        write(record);
                        await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                }
                else
                {
                    var reader = new FlowLogReader(location, filter);
                    await foreach (var record in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        write(record);
                    }

                    if (reader.Skipped > 0)
                    {
                        console.Error.WriteLine($"{console.ErrorPalette.Warning("warning:")} {reader.Skipped} {(reader.Skipped == 1 ? "line" : "lines")} skipped, not flow records (first: {reader.FirstProblem})");
                    }
                }
            }
            catch (OperationCanceledException) when (following && cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how a follow ends.
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A time from <c>--since</c>: a duration back from now, or an ISO 8601 time (UTC unless it says otherwise).</summary>
    internal static DateTimeOffset? Since(string text, DateTimeOffset now) =>
        DurationText.TryParse(text, out var ago) ? now - ago
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : null;

    private static Action<FlowRecord> Writer(OutputFormat format, CliConsole console)
    {
        if (format == OutputFormat.Json)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var json = new Utf8JsonWriter(buffer, FlowLogJson.WriterOptions);
            return record =>
            {
                FlowLogJson.Write(json, record);
                json.Flush();
                json.Reset();
                console.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                console.Out.Write('\n');
                buffer.ResetWrittenCount();
            };
        }

        var table = new FlowLogTableRenderer(console.OutPalette, console.Out);
        table.WriteHeader();
        return table.Write;
    }
}
