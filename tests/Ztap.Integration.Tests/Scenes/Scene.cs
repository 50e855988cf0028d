using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Ztap.Enforcement.Ebpf;
using Ztap.Enforcement.Nftables;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>
/// Two network namespaces joined by a veth pair, a cgroup folder for the scene's workloads, and
/// an eBPF pin root and state folder of its own. Every name carries a random id, nothing touches
/// the host's network, and disposing removes all of it, enforcement included.
/// </summary>
internal sealed class Scene : IAsyncDisposable
{
    private readonly ProbeBinary _probe;
    private readonly List<Process> _processes = [];
    private readonly List<string> _cgroups = [];
    private readonly List<Action> _cleanups = [];

    private Scene(ProbeBinary probe, string id, string cgroup2)
    {
        _probe = probe;
        Id = id;
        Cgroup2 = cgroup2;
        Location = new EbpfLocation($"/sys/fs/bpf/{id}", Directory.CreateTempSubdirectory($"{id}-state-").FullName);
        Enforcer = new EbpfEnforcer(Location);
    }

    public string Id { get; }

    public string Cgroup2 { get; }

    public EbpfLocation Location { get; }

    public EbpfEnforcer Enforcer { get; }

    /// <summary>
    /// An nftables enforcer for one side's namespace, as if that namespace were a host of its own
    /// (its own state folder); its table goes with the namespace.
    /// </summary>
    public NftablesEnforcer Nftables(string side) => new(NftablesHost(side));

    /// <summary>One side as an nftables host: its own state folder and network namespace.</summary>
    public NftablesLocation NftablesHost(string side) =>
        new(Path.Join(Location.StateDirectory, $"nftables-{side}"), $"/run/netns/{Namespace(side)}");

    public static Scene Create(ProbeBinary probe)
    {
        var id = "ztap-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var cgroup2 = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .First(f => f[Array.IndexOf(f, "-") + 1] == "cgroup2")[4];
        var scene = new Scene(probe, id, cgroup2);
        try
        {
            scene.Build();
            return scene;
        }
        catch
        {
            scene.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private void Build()
    {
        var scene = this;
        foreach (var side in new[] { "a", "b" })
        {
            Shell.Run("ip", "netns", "add", scene.Namespace(side));
        }

        Shell.Run("ip", "link", "add", scene.Device("a"), "netns", scene.Namespace("a"), "type", "veth", "peer", "name", scene.Device("b"), "netns", scene.Namespace("b"));
        foreach (var side in new[] { "a", "b" })
        {
            Shell.Run("ip", "-n", scene.Namespace(side), "link", "set", "lo", "up");
            Shell.Run("ip", "-n", scene.Namespace(side), "link", "set", scene.Device(side), "up");
        }

        Directory.CreateDirectory(Path.Join(Cgroup2, Id));
    }

    public string Namespace(string side) => $"{Id}-{side}";

    /// <summary>Gives a namespace's end of the link an address; the prefix puts both ends on one subnet.</summary>
    public void AddAddress(string side, IPAddress address)
    {
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? "/24" : "/64";
        string[] extra = address.AddressFamily == AddressFamily.InterNetwork ? [] : ["nodad"];
        Shell.Run("ip", ["-n", Namespace(side), "addr", "add", address + prefix, "dev", Device(side), .. extra]);
    }

    /// <summary>Creates a cgroup for a workload and returns its path relative to the cgroup2 mount.</summary>
    public string CreateCgroup(string name)
    {
        var relative = $"{Id}/{name}";
        Directory.CreateDirectory(Path.Join(Cgroup2, relative));
        _cgroups.Add(relative);
        return relative;
    }

    /// <summary>Starts TCP and UDP echo servers in the cgroup and namespace, returning once they listen.</summary>
    public void Serve(string cgroup, string side, IPAddress address, params int[] ports)
    {
        var server = Start(cgroup, side, ["serve", address.ToString(), .. ports.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        var ready = server.StandardOutput.ReadLine();
        if (ready != "ready")
        {
            throw new InvalidOperationException($"server on {address} did not start: {server.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>Runs one client attempt and returns its outcome: allow, eperm, timeout, refused or error:N.</summary>
    public string Attempt(string cgroup, string side, params string[] arguments)
    {
        var client = Start(cgroup, side, arguments);
        var outcome = client.StandardOutput.ReadToEnd().Trim();
        client.WaitForExit();
        return client.ExitCode == 0 ? outcome : $"probe failed: {client.StandardError.ReadToEnd()}";
    }

    /// <summary>Starts an interactive client (stream or loop) that answers one line per line it is sent.</summary>
    public ProbeSession Open(string cgroup, string side, params string[] arguments) => new(Start(cgroup, side, arguments));

    /// <summary>Registers something a test created beside the scene, removed with it.</summary>
    public void OnDispose(Action cleanup) => _cleanups.Add(cleanup);

    /// <summary>Removes everything, each step on its own, so one failing step never leaves the others behind.</summary>
    public async ValueTask DisposeAsync()
    {
        var failures = new List<Exception>();
        async Task Step(Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        foreach (var process in _processes)
        {
            await Step(async () =>
            {
                using (process)
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                }
            });
        }

        await Step(() => Enforcer.RemoveAsync(CancellationToken.None));
        foreach (var cgroup in Enumerable.Reverse(_cgroups).Append(Id).Select(c => Path.Join(Cgroup2, c)).Where(Directory.Exists))
        {
            await Step(() => Task.Run(() => Directory.Delete(cgroup)));
        }

        foreach (var side in new[] { "a", "b" })
        {
            await Step(() => Task.Run(() => Shell.TryRun("ip", "netns", "del", Namespace(side))));
        }

        await Step(() => Task.Run(() => Directory.Delete(Location.StateDirectory, recursive: true)));
        foreach (var cleanup in _cleanups)
        {
            await Step(() => Task.Run(cleanup));
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("cleaning up the scene", failures);
        }
    }

    private Process Start(string cgroup, string side, string[] arguments)
    {
        var process = Process.Start(new ProcessStartInfo(_probe.Path, [Path.Join(Cgroup2, cgroup), $"/run/netns/{Namespace(side)}", .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _processes.Add(process);
        return process;
    }

    private string Device(string side) => $"{Id}{side}";
}
