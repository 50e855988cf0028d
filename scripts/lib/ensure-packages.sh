# Sourced by the scripts: installs Debian packages they need when a machine lacks them.
# Usage: ensure_packages "clang:command:clang" "zlib1g-dev:file:/usr/include/zlib.h"
# Each argument is PACKAGE:KIND:WHAT, where KIND is "command" (found on PATH) or "file" (exists).

ensure_packages() {
  local missing=() spec package kind what
  for spec in "$@"; do
    IFS=: read -r package kind what <<<"$spec"
    case "$kind" in
      command) command -v "$what" >/dev/null 2>&1 || missing+=("$package") ;;
      file) [ -e "$what" ] || missing+=("$package") ;;
      *) echo "ensure_packages: unknown kind '$kind' in '$spec'" >&2; return 2 ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  echo "installing ${missing[*]} (apt-get)" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
