using System.Globalization;
using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// The datapath's programs attached to workload cgroups, one pinned link per cgroup and program
/// under <c>PIN_ROOT/links/CGROUPID-PROGRAM</c>. Pinned links keep enforcing after ztap exits;
/// closing a handle never detaches, so removal opens the pin, detaches and unpins.
/// </summary>
internal sealed class CgroupLinks(string pinRoot)
{
    /// <summary>The programs every workload cgroup gets, named as in bpf/ztap.bpf.c.</summary>
    public static readonly string[] Programs = ["ztap_ingress", "ztap_egress", "ztap_connect4", "ztap_connect6", "ztap_sendmsg4", "ztap_sendmsg6"];

    public string Directory { get; } = Path.Join(pinRoot, "links");

    /// <summary>The cgroup ids with at least one pinned link.</summary>
    public SortedSet<ulong> Attached()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory)
            .Select(Path.GetFileName)
            .Select(name => name!.Split('-', 2)[0])
            .Where(id => ulong.TryParse(id, CultureInfo.InvariantCulture, out _))
            .Select(id => ulong.Parse(id, CultureInfo.InvariantCulture))];
    }

    /// <summary>Whether every program is attached to the cgroup.</summary>
    public bool IsComplete(ulong cgroup) => Programs.All(program => File.Exists(PinPath(cgroup, program)));

    /// <summary>Attaches each program to the cgroup, or swaps the program of an existing link in place.</summary>
    public void Attach(DatapathObject datapath, CgroupDirectory cgroup)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var fd = LibC.Open(cgroup.Path, LibC.ORdOnly | LibC.ODirectory | LibC.OCloExec);
        if (fd < 0)
        {
            throw new EnforcementException(EnforcementFailure.InvalidInput, $"opening cgroup {cgroup.Path}: {Errno.Describe(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            foreach (var name in Programs)
            {
                AttachOne(datapath.Program(name), name, cgroup, fd);
            }
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    /// <summary>Detaches and unpins every link of the cgroup; links whose cgroup is gone are unpinned too.</summary>
    public void Detach(ulong cgroup)
    {
        foreach (var name in Programs)
        {
            DetachOne(PinPath(cgroup, name));
        }
    }

    private static void DetachOne(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var link = LibBpf.LinkOpen(path);
        if (link == 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"opening link {path}: {Errno.Describe(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            // A link whose cgroup was removed is already dead: detaching it fails, unpinning frees it.
            LibBpf.LinkDetach(link);
            Check(LibBpf.LinkUnpin(link), $"unpinning link {path}");
        }
        finally
        {
            LibBpf.LinkDestroy(link);
        }
    }

    private void AttachOne(nint program, string name, CgroupDirectory cgroup, int cgroupFd)
    {
        var path = PinPath(cgroup.Id, name);
        if (File.Exists(path))
        {
            var existing = LibBpf.LinkOpen(path);
            if (existing != 0)
            {
                try
                {
                    if (LibBpf.LinkUpdateProgram(existing, program) == 0)
                    {
                        return;
                    }
                }
                finally
                {
                    LibBpf.LinkDestroy(existing);
                }
            }

            DetachOne(path);
        }

        var link = LibBpf.ProgramAttachCgroup(program, cgroupFd);
        if (link == 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"attaching {name} to cgroup {cgroup.Path}: {Errno.Describe(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            Check(LibBpf.LinkPin(link, path), $"pinning link {path}");
        }
        finally
        {
            LibBpf.LinkDestroy(link);
        }
    }

    private string PinPath(ulong cgroup, string program) => Path.Join(Directory, $"{cgroup.ToString(CultureInfo.InvariantCulture)}-{program}");

    private static void Check(int result, string doing)
    {
        if (result < 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"{doing}: {Errno.Describe(Errno.Of(result))}");
        }
    }
}
