#!/usr/bin/env bash
# Packs the built dist/ the way Grafana's plugin CLI and catalogue expect: <id>-<version>.zip holding one folder named
# after the plugin id (dist/ renamed), with .sha256 and .md5 checksum files beside it ("<hash>  <zip name>").
#
#   npm run package                     # builds, then packs into ./
#   PACKAGE_OUT=/tmp/out bash scripts/package.sh   # packs the existing dist/ into /tmp/out
set -euo pipefail
cd "$(dirname "$0")/.."

for f in dist/plugin.json dist/module.js; do
  [ -f "$f" ] || { echo "package: $f is missing: run npm run build first" >&2; exit 1; }
done
id=$(node -p "require('./dist/plugin.json').id")
version=$(node -p "require('./dist/plugin.json').info.version")
expected=$(node -p "require('./package.json').version")
if [ "$version" != "$expected" ]; then
  echo "package: dist/plugin.json has version $version, package.json $expected: rebuild" >&2
  exit 1
fi
out=$(mkdir -p "${PACKAGE_OUT:-.}" && cd "${PACKAGE_OUT:-.}" && pwd)
zipname="${id}-${version}.zip"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R dist "$stage/$id"
rm -f "$out/$zipname" "$out/$zipname.sha256" "$out/$zipname.md5"
# -X: no extra file attributes (uid/gid), so the same dist/ gives the same listing anywhere.
(cd "$stage" && zip -q -r -X "$out/$zipname" "$id")
(cd "$out" && sha256sum "$zipname" > "$zipname.sha256" && md5sum "$zipname" > "$zipname.md5")
echo "package: $out/$zipname ($(du -k "$out/$zipname" | cut -f1) KB, $(unzip -Z1 "$out/$zipname" | grep -vc '/$') files)"
cat "$out/$zipname.sha256" "$out/$zipname.md5"
