#!/usr/bin/env bash
# Publishes the ztap command as one native executable (NativeAOT) to out/ztap.
# NativeAOT links with clang and needs zlib's headers; both are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-packages.sh

ensure_packages "clang:command:clang" "zlib1g-dev:file:/usr/include/zlib.h"

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish.sh: no NativeAOT runtime identifier for $(uname -m)" >&2; exit 1 ;;
esac

dotnet publish src/Ztap.Cli/Ztap.Cli.csproj -c Release -r "$rid" -o out --nologo -v quiet
echo "published out/ztap ($(du -h out/ztap | cut -f1))"
