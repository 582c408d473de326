#!/usr/bin/env bash
# Grafana's API compatibility check (@grafana/levitate is-compatible, as create-plugin's is-compatible workflow runs
# it) for every plugin module in src/ (the app and both nested panels) against each Grafana version given.
#
#   bash scripts/is-compatible.sh                      # all modules against 12.4.2 and 13.2.3
#   GRAFANA_TARGETS="13.2.3" bash scripts/is-compatible.sh src/panels/trace/module.ts
#
# Needs only the npm registry (npx fetches levitate and the target @grafana/* packages). Exits 1 when any module is
# reported incompatible or the check itself fails, after a summary of all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

LEVITATE='@grafana/levitate@0.17.2'
read -r -a TARGETS <<< "${GRAFANA_TARGETS:-12.4.2 13.2.3}"
if [ $# -gt 0 ]; then
  MODULES=("$@")
else
  mapfile -t MODULES < <(find src -type f \( -name module.ts -o -name module.tsx \) | sort)
fi
if [ ${#MODULES[@]} -eq 0 ]; then
  echo 'is-compatible: no module.ts or module.tsx under src/' >&2
  exit 1
fi

declare -a ROWS=()
failed=0
for version in "${TARGETS[@]}"; do
  targets="@grafana/data@${version},@grafana/ui@${version},@grafana/runtime@${version}"
  for module in "${MODULES[@]}"; do
    [ -f "$module" ] || { echo "is-compatible: $module does not exist" >&2; exit 1; }
    printf '\n== %s against Grafana %s (%s)\n' "$module" "$version" "$LEVITATE"
    start=$SECONDS
    output=$(npx --yes "$LEVITATE" is-compatible --path "$module" --target "$targets" 2>&1)
    rc=$?
    printf '%s\n' "$output"
    if [ $rc -eq 0 ] && grep -q 'appears to be compatible' <<< "$output"; then
      result=compatible
    elif grep -qi 'not compatible\|incompatib' <<< "$output"; then
      result=INCOMPATIBLE
      failed=1
    else
      result="ERROR (rc $rc)"
      failed=1
    fi
    ROWS+=("$(printf '%-34s %-8s %-14s %ss' "$module" "$version" "$result" "$((SECONDS - start))")")
  done
done

printf '\n== summary (%s)\n' "$LEVITATE"
printf '%s\n' "${ROWS[@]}"
exit $failed
