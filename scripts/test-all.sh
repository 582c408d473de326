#!/usr/bin/env bash
# Every MeshLens test on a fresh machine: installs what is missing (scripts/install-system-packages.sh), then
# runs typecheck, lint, jest, the production build, the integration tests (real Prometheus), the browser tests
# (Chromium, on the Grafana 12.4 and 13.2 hosts) and the docker-compose, script, CI and release checks. It starts
# its own services on free loopback ports and never stops or kills a process it did not start. Exits non-zero if
# any step fails, after printing a summary of all of them (wall and CPU seconds per step).
#
# Steps run in lanes: the browser and integration suites spend most of their time waiting for Prometheus to
# collect samples, so they share the two cores with each other; each lane's output is printed whole when it ends.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/meshlens-test-all.XXXXXX")

install_node_modules() {
  if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

# @grafana/* 13.2 + React 19 for the second browser host (its own package-lock; README "Grafana versions").
install_host13_vendor_set() {
  local dir=tests/harness/host13
  if [ "${CI:-}" = "true" ] || [ ! -d $dir/node_modules ] || [ $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]; then
    npm ci --prefix $dir --no-audit --no-fund
  fi
}

declare -a NAMES=() RESULTS=() TIMES=() CPUS=()
record() { # name rc wall cpu
  NAMES+=("$1")
  TIMES+=("$3s")
  CPUS+=("$4")
  if [ "$2" -eq 0 ]; then RESULTS+=(pass); else RESULTS+=("FAIL ($2)"); fi
}
skip() { NAMES+=("$1"); RESULTS+=("skipped: $2"); TIMES+=('-'); CPUS+=('-'); }
passed() {
  local i
  for i in "${!NAMES[@]}"; do
    [ "${NAMES[$i]}" = "$1" ] && [ "${RESULTS[$i]}" = pass ] && return 0
  done
  return 1
}

# Runs a command; its user + system CPU seconds (children included) go to the file named first.
timed() {
  local TIMEFORMAT='%U %S' file=$1
  shift
  { time "$@" 2>&4; } 4>&2 2>"$file"
}
cpu_of() { awk '{ printf "%ds", $1 + $2 }' "$1" 2>/dev/null || echo '-'; }

# One step in the foreground (output streams as it runs).
step() {
  local name=$1
  shift
  log "$name"
  local start=$SECONDS
  timed "$LOGS/step.cpu" "$@"
  local rc=$?
  record "$name" $rc $((SECONDS - start)) "$(cpu_of "$LOGS/step.cpu")"
  return $rc
}

# A lane: steps in order, in the background, its output in a file. A step named with a leading '?' runs only if
# the step named after the colon passed ('?release checks:production build').
lane() {
  local id=$1
  shift
  (
    local spec name cmd cond rc start
    for spec in "$@"; do
      name=${spec%%=*}
      cmd=${spec#*=}
      cond=''
      if [ "${name#\?}" != "$name" ]; then
        cond=${name#*:}
        name=${name#\?}
        name=${name%%:*}
        if ! grep -qxF "$cond pass" "$LOGS"/*.result 2>/dev/null; then
          printf '%s\tskipped: %s failed\t-\t-\n' "$name" "$cond" >>"$LOGS/$id.lane"
          continue
        fi
      fi
      log "$name" >>"$LOGS/$id.out"
      start=$SECONDS
      timed "$LOGS/$id.cpu" bash -c "$cmd" >>"$LOGS/$id.out" 2>&1
      rc=$?
      printf '%s\t%s\t%ss\t%s\n' "$name" "$([ $rc -eq 0 ] && echo pass || echo "FAIL ($rc)")" $((SECONDS - start)) "$(cpu_of "$LOGS/$id.cpu")" >>"$LOGS/$id.lane"
      [ $rc -eq 0 ] && echo "$name pass" >"$LOGS/$id.$(echo "$name" | tr -c 'a-z0-9' _).result"
    done
  ) &
  LANE_PIDS+=($!)
  LANE_IDS+=("$id")
}

# Waits for every lane, prints their output in lane order and adds their steps to the summary.
join_lanes() {
  local i
  for i in "${!LANE_PIDS[@]}"; do
    wait "${LANE_PIDS[$i]}"
  done
  for i in "${!LANE_IDS[@]}"; do
    local id=${LANE_IDS[$i]}
    [ -f "$LOGS/$id.out" ] && cat "$LOGS/$id.out"
    if [ -f "$LOGS/$id.lane" ]; then
      while IFS=$'\t' read -r name result wall cpu; do
        NAMES+=("$name"); RESULTS+=("$result"); TIMES+=("$wall"); CPUS+=("$cpu")
      done <"$LOGS/$id.lane"
    fi
  done
  LANE_PIDS=()
  LANE_IDS=()
}
declare -a LANE_PIDS=() LANE_IDS=()

# Never stops or kills anything; as non-root it prints the apt command to run and the run stops here.
step 'install system packages' bash scripts/install-system-packages.sh || { echo 'missing system packages; see above'; exit 1; }
step 'install node modules' install_node_modules || { echo 'npm ci failed; nothing else can run'; exit 1; }
export -f log install_host13_vendor_set

# Lanes 1: the static checks, the build and the second host's packages (CPU-bound, short).
lane typecheck 'typecheck=npm run typecheck'
lane lint 'lint=npm run lint'
lane build 'production build=npm run build'
lane host13 'install Grafana 13 host vendor set=install_host13_vendor_set'
join_lanes

step 'unit tests (jest)' npm run test:ci

# Lanes 2: the suites that wait on Prometheus and Chromium. The release checks read the dashboards' latest schema
# version from both vendor sets, so they follow the 13 install. Chromium runs at a lower priority (nice 10): on two
# cores, three renderers starved the integration suites' Prometheus servers, whose 1 s scrapes then came late and
# cut the rate windows that those suites assert exactly.
if passed 'production build'; then
  lane browser 'browser tests (Chromium)=nice -n 10 npm run test:browser'
  lane integration 'integration tests (Prometheus)=npm run test:integration' \
    'docker-compose checks=npm run test:compose' \
    'script and CI checks=npm run test:scripts' \
    '?release checks (dist, maps, zip):install Grafana 13 host vendor set=npm run test:release' \
    '?browser tests on Grafana 13.2 host:install Grafana 13 host vendor set=npm run test:browser:host13'
  join_lanes
else
  skip 'browser tests (Chromium)' 'build failed'
  step 'integration tests (Prometheus)' npm run test:integration
  step 'docker-compose checks' npm run test:compose
  step 'script and CI checks' npm run test:scripts
  skip 'release checks (dist, maps, zip)' 'build failed'
  skip 'browser tests on Grafana 13.2 host' 'build failed'
fi

log summary
failed=0
printf '  %-36s %-52s %6s %6s\n' step result wall cpu
for i in "${!NAMES[@]}"; do
  printf '  %-36s %-52s %6s %6s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}" "${CPUS[$i]}"
  [ "${RESULTS[$i]}" = pass ] || failed=1
done
for f in dist/module.js dist/plugin.json dist/panels/trace/module.js dist/panels/trace/plugin.json dist/panels/meshgraph/module.js dist/panels/meshgraph/plugin.json; do
  [ -f "$f" ] || { echo "  missing build output: $f"; failed=1; }
done
echo "  total ${SECONDS}s (logs of the lanes: $LOGS)"
exit $failed
