#!/usr/bin/env bash
# Installs the .deb that `mvn -Ppackage package` built, as a user on a machine without a desktop would (a GPU server,
# a container: CI's own), runs `ponder` from the PATH, then removes the package and checks nothing is left behind.
# Needs root or passwordless sudo and apt; skipped, saying so, where either is missing. Changes the machine's
# packages: run it in CI or a throw-away container.
set -euo pipefail
cd "$(dirname "$0")/.."
deb="$(ls target/installer/ponder_*.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || { echo "deb test: no .deb in target/installer; build it with: mvn -Ppackage package"; exit 1; }
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "deb test: skipped (needs root or passwordless sudo to install a package)"; exit 0
fi
command -v apt-get >/dev/null || { echo "deb test: skipped (no apt-get)"; exit 0; }
if dpkg -s ponder >/dev/null 2>&1; then
    echo "deb test: skipped (a ponder package is installed here already; it is left alone)"; exit 0
fi
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

$sudo apt-get install -y -qq "$PWD/$deb" >"$home/install.log" 2>&1 \
    || { echo "deb test: the install failed:"; cat "$home/install.log"; exit 1; }
[ "$(dpkg-query -W -f='${Status}' ponder)" = "install ok installed" ] \
    || { echo "deb test: the package is not fully installed: $(dpkg-query -W -f='${Status}' ponder)"; exit 1; }
command -v ponder >/dev/null || { echo "deb test: no ponder on the PATH after installing"; exit 1; }
echo "deb test: installed; $(ponder --version | head -1)"
JAVA_TOOL_OPTIONS=-Xshare:on ponder --version >/dev/null 2>&1 \
    || { echo "deb test: the installed class-data archive does not map:"; JAVA_TOOL_OPTIONS=-Xshare:on ponder --version; exit 1; }
PONDER_HOME="$home" ponder import --workspace "$home/deb.ponder" sample-runs/tiny-arith-best-of-4.jsonl >/dev/null
PONDER_HOME="$home" ponder info --workspace "$home/deb.ponder" | grep -q "tiny-arith best-of-4" \
    || { echo "deb test: ponder from the PATH did not import the sample run"; exit 1; }
echo "deb test: ponder ran from the PATH (import, info)"

$sudo apt-get remove -y -qq ponder >"$home/remove.log" 2>&1 \
    || { echo "deb test: removing the package failed:"; cat "$home/remove.log"; exit 1; }
left=()
dpkg -s ponder >/dev/null 2>&1 && [ "$(dpkg-query -W -f='${Status}' ponder)" != "deinstall ok config-files" ] \
    && left+=("the package ($(dpkg-query -W -f='${Status}' ponder))")
[ -e /opt/ponder ] && left+=(/opt/ponder)
[ -e /usr/bin/ponder ] || [ -L /usr/bin/ponder ] && left+=(/usr/bin/ponder)
$sudo apt-get purge -y -qq ponder >/dev/null 2>&1 || true
if [ "${#left[@]}" -gt 0 ]; then echo "deb test: left behind after removing: ${left[*]}"; exit 1; fi
echo "deb test: removed cleanly (no /opt/ponder, no /usr/bin/ponder)"
