using System.Diagnostics;
using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Tests.Ebpf.Maps;

/// <summary>
/// The C# mirrors against bpf/ztap_maps.h itself: a C program compiled here prints every size,
/// offset and constant the C side uses, and each must equal its mirror.
/// </summary>
public sealed class StructLayoutTests
{
    private static readonly (string C, string Value)[] Expected =
    [
        ("sizeof(struct ztap_ipcache_key)", $"{Marshal.SizeOf<IpcacheKey>()}"),
        ("offsetof(struct ztap_ipcache_key, family)", $"{Offset<IpcacheKey>(nameof(IpcacheKey.Family))}"),
        ("offsetof(struct ztap_ipcache_key, addr)", $"{Offset<IpcacheKey>(nameof(IpcacheKey.Address))}"),
        ("sizeof(struct ztap_ipcache_value)", $"{sizeof(uint)}"),
        ("sizeof(struct ztap_subject_key)", $"{Marshal.SizeOf<SubjectKey>()}"),
        ("offsetof(struct ztap_subject_key, identity)", $"{Offset<SubjectKey>(nameof(SubjectKey.Identity))}"),
        ("sizeof(struct ztap_subject)", $"{sizeof(uint)}"),
        ("sizeof(struct ztap_isolation_key)", $"{Marshal.SizeOf<IsolationKey>()}"),
        ("offsetof(struct ztap_isolation_key, direction)", $"{Offset<IsolationKey>(nameof(IsolationKey.Direction))}"),
        ("sizeof(struct ztap_isolation)", $"{Marshal.SizeOf<Isolation>()}"),
        ("offsetof(struct ztap_isolation, flags)", $"{Offset<Isolation>(nameof(Isolation.Flags))}"),
        ("ZTAP_SIDE_PEERS", $"{Isolation.Peers}"),
        ("ZTAP_SIDE_ANY_PEER", $"{Isolation.AnyPeer}"),
        ("ZTAP_SIDE_BLOCKS", $"{Isolation.Blocks}"),
        ("sizeof(struct ztap_block_key)", $"{Marshal.SizeOf<BlockKey>()}"),
        ("offsetof(struct ztap_block_key, subject)", $"{Offset<BlockKey>(nameof(BlockKey.Subject))}"),
        ("offsetof(struct ztap_block_key, direction)", $"{Offset<BlockKey>(nameof(BlockKey.Direction))}"),
        ("offsetof(struct ztap_block_key, family)", $"{Offset<BlockKey>(nameof(BlockKey.Family))}"),
        ("offsetof(struct ztap_block_key, addr)", $"{Offset<BlockKey>(nameof(BlockKey.Address))}"),
        ("ZTAP_BLOCK_FIXED_BITS", $"{BlockKey.FixedBits}"),
        ("sizeof(struct ztap_block_value)", $"{sizeof(uint)}"),
        ("sizeof(struct ztap_policy_key)", $"{Marshal.SizeOf<PolicyKey>()}"),
        ("offsetof(struct ztap_policy_key, subject)", $"{Offset<PolicyKey>(nameof(PolicyKey.Subject))}"),
        ("offsetof(struct ztap_policy_key, peer)", $"{Offset<PolicyKey>(nameof(PolicyKey.Peer))}"),
        ("offsetof(struct ztap_policy_key, direction)", $"{Offset<PolicyKey>(nameof(PolicyKey.Direction))}"),
        ("offsetof(struct ztap_policy_key, protocol)", $"{Offset<PolicyKey>(nameof(PolicyKey.Protocol))}"),
        ("offsetof(struct ztap_policy_key, port)", $"{Offset<PolicyKey>(nameof(PolicyKey.PortBigEndian))}"),
        ("ZTAP_POLICY_FIXED_BITS", $"{PolicyKey.FixedBits}"),
        ("sizeof(struct ztap_policy_value)", $"{Marshal.SizeOf<PolicyValue>()}"),
        ("offsetof(struct ztap_policy_value, policy)", $"{Offset<PolicyValue>(nameof(PolicyValue.Policy))}"),
        ("offsetof(struct ztap_policy_value, rank)", $"{Offset<PolicyValue>(nameof(PolicyValue.Rank))}"),
        ("sizeof(struct ztap_settings)", $"{Marshal.SizeOf<DatapathSettings>()}"),
        ("offsetof(struct ztap_settings, generation)", $"{Offset<DatapathSettings>(nameof(DatapathSettings.Generation))}"),
        ("sizeof(struct ztap_ct_key)", $"{Marshal.SizeOf<ConntrackKey>()}"),
        ("offsetof(struct ztap_ct_key, local_port)", $"{Offset<ConntrackKey>(nameof(ConntrackKey.LocalPort))}"),
        ("offsetof(struct ztap_ct_key, cgroup)", $"{Offset<ConntrackKey>(nameof(ConntrackKey.Cgroup))}"),
        ("sizeof(struct ztap_counter)", $"{Marshal.SizeOf<Counter>()}"),
        ("sizeof(struct ztap_slot_counter)", $"{Marshal.SizeOf<SlotCounter>()}"),
        ("offsetof(struct ztap_slot_counter, decisions)", $"{Offset<SlotCounter>(nameof(SlotCounter.Decisions))}"),
        ("offsetof(struct ztap_slot_counter, bytes)", $"{Offset<SlotCounter>(nameof(SlotCounter.Bytes))}"),
        ("sizeof(struct ztap_counter_block)", $"{DatapathLimits.CountersPerBlock * Marshal.SizeOf<SlotCounter>()}"),
        ("ZTAP_COUNTERS_PER_BLOCK", $"{DatapathLimits.CountersPerBlock}"),
        ("offsetof(struct ztap_counter, bytes)", $"{Offset<Counter>(nameof(Counter.Bytes))}"),
        ("sizeof(struct ztap_event)", $"{Marshal.SizeOf<FlowEvent>()}"),
        ("offsetof(struct ztap_event, cgroup)", $"{Offset<FlowEvent>(nameof(FlowEvent.Cgroup))}"),
        ("offsetof(struct ztap_event, source)", $"{Offset<FlowEvent>(nameof(FlowEvent.Source))}"),
        ("offsetof(struct ztap_event, destination)", $"{Offset<FlowEvent>(nameof(FlowEvent.Destination))}"),
        ("offsetof(struct ztap_event, source_port)", $"{Offset<FlowEvent>(nameof(FlowEvent.SourcePort))}"),
        ("offsetof(struct ztap_event, destination_port)", $"{Offset<FlowEvent>(nameof(FlowEvent.DestinationPort))}"),
        ("offsetof(struct ztap_event, family)", $"{Offset<FlowEvent>(nameof(FlowEvent.Family))}"),
        ("offsetof(struct ztap_event, protocol)", $"{Offset<FlowEvent>(nameof(FlowEvent.Protocol))}"),
        ("offsetof(struct ztap_event, direction)", $"{Offset<FlowEvent>(nameof(FlowEvent.Direction))}"),
        ("offsetof(struct ztap_event, verdict)", $"{Offset<FlowEvent>(nameof(FlowEvent.Verdict))}"),
        ("offsetof(struct ztap_event, bytes)", $"{Offset<FlowEvent>(nameof(FlowEvent.Bytes))}"),
        ("offsetof(struct ztap_event, generation)", $"{Offset<FlowEvent>(nameof(FlowEvent.Generation))}"),
        ("offsetof(struct ztap_event, source_identity)", $"{Offset<FlowEvent>(nameof(FlowEvent.SourceIdentity))}"),
        ("offsetof(struct ztap_event, destination_identity)", $"{Offset<FlowEvent>(nameof(FlowEvent.DestinationIdentity))}"),
        ("offsetof(struct ztap_event, rule)", $"{Offset<FlowEvent>(nameof(FlowEvent.Rule))}"),
        ("offsetof(struct ztap_event, policy)", $"{Offset<FlowEvent>(nameof(FlowEvent.Policy))}"),
        ("ZTAP_MAX_PREFIXES", $"{DatapathLimits.MaxPrefixes}"),
        ("ZTAP_MAX_SUBJECTS", $"{DatapathLimits.MaxSubjects}"),
        ("ZTAP_MAX_ISOLATIONS", $"{DatapathLimits.MaxIsolations}"),
        ("ZTAP_MAX_POLICY_ENTRIES", $"{DatapathLimits.MaxPolicyEntries}"),
        ("ZTAP_MAX_BLOCK_ENTRIES", $"{DatapathLimits.MaxBlockEntries}"),
        ("ZTAP_MAX_POLICIES", $"{DatapathLimits.MaxPolicies}"),
        ("ZTAP_MAX_CONNTRACK", $"{DatapathLimits.MaxConntrack}"),
        ("ZTAP_TOTALS", $"{DatapathLimits.Totals}"),
        ("ZTAP_NONE", $"{DatapathLimits.None}"),
        ("ZTAP_ANY_PEER", $"{DatapathLimits.AnyPeer}"),
        ("ZTAP_ANY_PROTOCOL", $"{DatapathLimits.AnyProtocol}"),
        ("ZTAP_MODE_AUDIT", $"{DatapathLimits.ModeAudit}"),
        ("ZTAP_VERDICT_DENY", $"{DatapathLimits.VerdictDeny}"),
        ("ZTAP_VERDICT_AUDIT", $"{DatapathLimits.VerdictAudit}"),
        ("ZTAP_TOTAL_EVENTS_LOST", $"{DatapathLimits.TotalEventsLost}"),
        ("ZTAP_FAMILY_V6", $"{IpcacheKey.FamilyV6}"),
        ("ZTAP_EGRESS", $"{(int)Ztap.Core.Policy.Direction.Egress}"),
        ("ZTAP_WORLD", $"{Ztap.Core.Compiler.Identity.WorldNumber}"),
    ];

    [Fact]
    public void Every_mirrored_size_offset_and_constant_equals_the_C_header()
    {
        var printed = CompileAndRun(Expected.Select(e => e.C));

        Assert.Equal(Expected.Select(e => $"{e.C} = {e.Value}"), printed);
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    private static string[] CompileAndRun(IEnumerable<string> expressions)
    {
        var directory = Directory.CreateTempSubdirectory("ztap-layout-").FullName;
        try
        {
            var source = Path.Join(directory, "layout.c");
            var lines = expressions.Select(e => $"    printf(\"%s = %llu\\n\", \"{e}\", (unsigned long long)({e}));");
            File.WriteAllText(source, $"#include <stddef.h>\n#include <stdio.h>\n#include \"ztap_maps.h\"\nint main(void)\n{{\n{string.Join('\n', lines)}\n    return 0;\n}}\n");
            var binary = Path.Join(directory, "layout");
            Run("clang", ["-I", Path.Join(RepositoryRoot(), "bpf"), "-I", $"/usr/include/{RuntimeInformation.OSArchitecture switch { Architecture.Arm64 => "aarch64", _ => "x86_64" }}-linux-gnu", "-o", binary, source]);
            return Run(binary, []).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Run(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
        return output;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Join(directory.FullName, "Ztap.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Ztap.slnx) is not above the test binaries");
    }
}
