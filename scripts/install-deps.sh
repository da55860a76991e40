#!/usr/bin/env bash
# Installs the Debian packages Scour builds against, only those missing.
# Needs root (or sudo) on a Debian/Ubuntu machine with the Swift toolchain.
# --libxml2-matrix: also what scripts/libxml2-matrix.sh needs to fetch and build another
# libxml2 release (not installed by default).
set -euo pipefail

# libssl-dev: libcrypto's SHA-1/SHA-256. wget and python3-venv: the WARC interop tests
# (wget --warc-file, warcio in a virtualenv).
packages=(pkg-config libxml2-dev zlib1g-dev libsqlite3-dev libcurl4-openssl-dev libssl-dev wget python3-venv)
for arg in "$@"; do
  case $arg in
    # apt-get source and its signature check (dpkg-dev, gpgv, the archive keyring), the
    # .tar.xz (xz-utils), and libxml2's configure and make (gcc, make).
    --libxml2-matrix) packages+=(dpkg-dev gpgv debian-archive-keyring xz-utils make gcc libc6-dev ca-certificates) ;;
    *) echo "usage: scripts/install-deps.sh [--libxml2-matrix]" >&2; exit 2 ;;
  esac
done
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "scour: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "scour: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
