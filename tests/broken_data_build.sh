#!/usr/bin/env bash
# A problem in data/ fails `cargo build`, and cargo shows the same file:line:col problems
# `acuref check data` gives. Builds a copy of this checkout with one point's channel
# misspelt, sharing this checkout's target directory (only acuref itself is rebuilt).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git ls-files -z | xargs -0 cp --parents -t "$copy"

file=data/points/BL.toml
line=$(grep -n '^channel = "BL"$' "$copy/$file" | head -1 | cut -d: -f1)
sed -i "${line}s/\"BL\"/\"XB\"/" "$copy/$file"

if (cd "$copy" && CARGO_TARGET_DIR="$root/target" cargo build --locked --quiet) >"$copy/build.log" 2>&1; then
  echo "FAIL: cargo build succeeded with a broken $file" >&2
  exit 1
fi
# Cargo indents what a failed build script printed by two spaces.
built=$(sed -n 's/^  \(data\/[^ ]*:[0-9]*:[0-9]*: .*\)$/\1/p' "$copy/build.log" | sort)
if ! grep -q "^$file:$line:11: point \`BL1\` links to channel \`XB\`, which does not exist" <<<"$built"; then
  echo "FAIL: the build did not say where the problem is; it printed:" >&2
  cat "$copy/build.log" >&2
  exit 1
fi
checked=$(cd "$copy" && "$root/target/debug/acuref" check data 2>&1 | grep -E "^data/.*:[0-9]+:[0-9]+: " | sort || true)
if [ "$built" != "$checked" ]; then
  echo "FAIL: the build and \`acuref check\` list different problems:" >&2
  diff <(echo "$built") <(echo "$checked") >&2 || true
  exit 1
fi
echo "ok: a broken $file fails the build with $(wc -l <<<"$built") located problem(s), as acuref check lists them"
