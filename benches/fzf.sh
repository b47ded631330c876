#!/bin/sh
# acuref's search beside fzf's on the same 100,000 synthetic points (see benches/fzf.rs).
# Installs Debian's fzf when it is missing, then prints the table.
set -eu
cd "$(dirname "$0")/.."
if ! command -v fzf >/dev/null 2>&1; then
    echo "installing fzf from Debian's packages" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y fzf >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y fzf >/dev/null; }
fi
fzf --version
exec cargo bench --bench fzf
