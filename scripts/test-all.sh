#!/usr/bin/env bash
# Every MeshLens test on a fresh machine: installs what is missing, then runs typecheck, lint, jest,
# the production build, the integration tests (real Prometheus), the browser tests (Chromium) and the
# docker-compose checks. Exits non-zero if any step fails, after printing a summary of all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

install_system_packages() {
  local missing=()
  command -v prometheus >/dev/null || missing+=(prometheus)
  command -v promtool >/dev/null || missing+=(prometheus)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v victoria-metrics >/dev/null || missing+=(victoria-metrics)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  local sudo=''
  [ "$(id -u)" -ne 0 ] && sudo='sudo'
  log "apt: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages enable services; the tests start their own Prometheus on a free port.
  $sudo systemctl stop prometheus prometheus-node-exporter 2>/dev/null || true
  $sudo pkill -x prometheus 2>/dev/null || true
}

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

step 'install system packages' install_system_packages
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
