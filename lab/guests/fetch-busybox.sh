#!/usr/bin/env bash
# Fetches Debian's busybox-static for i386 into build/busybox (not committed): real third-party code
# for the emulator's tests. It is never installed system-wide; only the one package is unpacked.
set -euo pipefail
cd "$(dirname "$0")"
target=build/busybox/bin/busybox
[[ -x "$target" ]] && exit 0
if ! dpkg --print-foreign-architectures | grep -qx i386; then
    [[ "$(id -u)" -eq 0 ]] || { echo "busybox-static:i386 is needed: as root, run lab/guests/fetch-busybox.sh" >&2; exit 3; }
    dpkg --add-architecture i386
    # One i386 index (bookworm-security) fails to download, so apt-get update exits 100: the rest is usable.
    apt-get update >&2 || true
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download busybox-static:i386 >&2) || { apt-get update >&2 || true; (cd "$work" && apt-get download busybox-static:i386 >&2); }
mkdir -p build/busybox/bin
dpkg-deb -x "$work"/busybox-static_*_i386.deb "$work/unpacked"
install -m 755 "$work/unpacked/bin/busybox" "$target"
echo "fetched $("$target" 2>/dev/null | head -1 || echo busybox) into lab/guests/$target" >&2
