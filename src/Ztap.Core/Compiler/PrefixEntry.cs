using System.Net;

namespace Ztap.Core.Compiler;

/// <summary>One row of the longest-prefix table: addresses under <see cref="Prefix"/> have this identity unless a longer prefix says otherwise.</summary>
public readonly record struct PrefixEntry(IPNetwork Prefix, uint Identity);
