# Sourced by the eBPF benchmarks: writes a generated estate the datapath can hold.
# The datapath keys policy entries by peer identity, so an ipBlock becomes one entry per identity
# inside it. The generator gives one app in fifty an egress rule to 0.0.0.0/0 (except 10.0.0.0/8),
# which covers every partner-network identity of the estate: at 10,000 policies that alone is
# about 4 million entries, four times the policy map (docs/enforcement-ebpf.md, Limits). These
# rules are left out, and the scripts say so in their output.
generate_estate() {
  local policies=$1 dir=$2
  dotnet bench/Ztap.Benchmarks/bin/Release/net10.0/Ztap.Benchmarks.dll generate "$policies" "$dir"
  python3 - "$dir/policies" <<'PY'
import pathlib, sys
rule = ("    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except: [10.0.0.0/8]\n"
        "      ports:\n        - {protocol: TCP, port: 443}\n")
removed = 0
for path in pathlib.Path(sys.argv[1]).glob("*.yaml"):
    text = path.read_text()
    removed += text.count(rule)
    path.write_text(text.replace(rule, ""))
print(f"(left out {removed} egress rules to 0.0.0.0/0; see bench/scripts/lib-estate.sh)", file=sys.stderr)
PY
}
