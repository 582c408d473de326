#!/usr/bin/env bash
# Every MeshLens test on a fresh machine: installs what is missing (scripts/install-system-packages.sh), then
# runs typecheck, lint, jest, the production build, the integration tests (real Prometheus), the browser tests
# (Chromium) and the docker-compose, script and CI checks. It starts its own services on free loopback ports and never stops or
# kills a process it did not start. Exits non-zero if any step fails, after printing a summary of all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

install_node_modules() {
  if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log 'npm ci'
    npm ci --no-audit --no-fund
  fi
}

declare -a NAMES=() RESULTS=() TIMES=()
step() {
  local name=$1
  shift
  log "$name"
  local start=$SECONDS
  "$@"
  local rc=$?
  NAMES+=("$name")
  TIMES+=("$((SECONDS - start))s")
  if [ $rc -eq 0 ]; then RESULTS+=(pass); else RESULTS+=("FAIL ($rc)"); fi
  return $rc
}

# Never stops or kills anything; as non-root it prints the apt command to run and the run stops here.
step 'install system packages' bash scripts/install-system-packages.sh || { echo 'missing system packages; see above'; exit 1; }
step 'install node modules' install_node_modules || { echo 'npm ci failed; nothing else can run'; exit 1; }
step typecheck npm run typecheck
step lint npm run lint
step 'unit tests (jest)' npm run test:ci
if step 'production build' npm run build; then
  step 'browser tests (Chromium)' npm run test:browser
else
  NAMES+=('browser tests (Chromium)'); RESULTS+=('skipped: build failed'); TIMES+=('-')
fi
step 'integration tests (Prometheus)' npm run test:integration
step 'docker-compose checks' npm run test:compose
step 'script and CI checks' npm run test:scripts

# Release checks and the second browser host: @grafana/* 13.2 + React 19 from tests/harness/host13 (its own
# package-lock), loading the same dist/ (README "Grafana versions").
install_host13_vendor_set() {
  local dir=tests/harness/host13
  if [ "${CI:-}" = "true" ] || [ ! -d $dir/node_modules ] || [ $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]; then
    npm ci --prefix $dir --no-audit --no-fund
  fi
}
build_passed() {
  local i
  for i in "${!NAMES[@]}"; do
    [ "${NAMES[$i]}" = 'production build' ] && [ "${RESULTS[$i]}" = pass ] && return 0
  done
  return 1
}
# The release checks read the dashboards' latest schema version from both vendor sets, so the install comes first.
if step 'install Grafana 13 host vendor set' install_host13_vendor_set && build_passed; then
  step 'release checks (dist, maps, zip)' npm run test:release
  step 'browser tests on Grafana 13.2 host' npm run test:browser:host13
else
  NAMES+=('release checks (dist, maps, zip)' 'browser tests on Grafana 13.2 host')
  RESULTS+=('skipped: build or install failed' 'skipped: build or install failed'); TIMES+=('-' '-')
fi

log summary
failed=0
for i in "${!NAMES[@]}"; do
  printf '  %-34s %-22s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}"
  [ "${RESULTS[$i]}" = pass ] || failed=1
done
for f in dist/module.js dist/plugin.json dist/panels/trace/module.js dist/panels/trace/plugin.json dist/panels/meshgraph/module.js dist/panels/meshgraph/plugin.json; do
  [ -f "$f" ] || { echo "  missing build output: $f"; failed=1; }
done
echo "  total ${SECONDS}s"
exit $failed
