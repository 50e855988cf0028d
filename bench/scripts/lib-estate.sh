# Sourced by the eBPF benchmarks: writes a generated estate, internet egress rules included (one
# app in fifty may reach 0.0.0.0/0 except 10.0.0.0/8 on 443).
generate_estate() {
  local policies=$1 dir=$2
  dotnet bench/Ztap.Benchmarks/bin/Release/net10.0/Ztap.Benchmarks.dll generate "$policies" "$dir"
}
