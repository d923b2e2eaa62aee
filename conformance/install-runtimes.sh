#!/bin/sh
# Installs the runtimes `evloop conform` runs vectors on, idempotently:
# - Node.js 22 and 24, Deno and Bun from the npm registry, pinned by runtimes/package-lock.json,
#   into $EVLOOP_RUNTIMES (default ~/.cache/evloop-runtimes);
# - Chromium and Firefox ESR from Debian packages (apt-get, when missing).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${EVLOOP_RUNTIMES:-$HOME/.cache/evloop-runtimes}
mkdir -p "$dest"

runs() {
  "$dest/node_modules/node22/bin/node" --version >/dev/null 2>&1 &&
  "$dest/node_modules/node24/bin/node" --version >/dev/null 2>&1 &&
  "$dest/node_modules/.bin/deno" --version >/dev/null 2>&1 &&
  "$dest/node_modules/.bin/bun" --version >/dev/null 2>&1
}

if ! cmp -s "$here/runtimes/package-lock.json" "$dest/package-lock.json" || ! runs; then
  cp "$here/runtimes/package.json" "$here/runtimes/package-lock.json" "$dest/"
  # The deno and bun packages fetch their platform binary in a postinstall script: run them.
  (cd "$dest" && npm_config_ignore_scripts=false npm install --foreground-scripts --no-audit --no-fund)
fi
if ! runs; then
  echo "install-runtimes: a runtime in $dest does not run" >&2
  exit 1
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v firefox-esr >/dev/null 2>&1; then
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium firefox-esr
fi

for b in "$dest/node_modules/node22/bin/node" "$dest/node_modules/node24/bin/node" \
  "$dest/node_modules/.bin/deno" "$dest/node_modules/.bin/bun" chromium firefox-esr; do
  printf '%s: %s\n' "$b" "$("$b" --version 2>/dev/null | head -n 1)"
done
