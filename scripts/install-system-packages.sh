#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: prometheus (and promtool), chromium,
# victoria-metrics, zip/unzip (npm run package), docker-compose. It never stops, kills or restarts a process, and never calls sudo:
# - as root it runs apt-get with a temporary /usr/sbin/policy-rc.d (created only if there is none, removed after)
#   that keeps the packages' services from starting; the tests start their own Prometheus on free loopback ports;
# - as any other user it prints the command to run and exits 1.
# Test hooks (tests/scripts/install.test.ts): MESHLENS_INSTALL_UID, MESHLENS_POLICY_RC_D, MESHLENS_CHROMIUM.
set -uo pipefail

uid=${MESHLENS_INSTALL_UID:-$EUID}
policy=${MESHLENS_POLICY_RC_D:-/usr/sbin/policy-rc.d}
chromium=${MESHLENS_CHROMIUM:-/usr/bin/chromium}

missing=()
{ command -v prometheus && command -v promtool; } >/dev/null || missing+=(prometheus)
[ -x "$chromium" ] || missing+=(chromium)
command -v victoria-metrics >/dev/null || missing+=(victoria-metrics)
command -v zip >/dev/null && command -v unzip >/dev/null || missing+=(zip unzip)
command -v docker-compose >/dev/null || missing+=(docker-compose)
[ ${#missing[@]} -eq 0 ] && exit 0

install_cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$uid" != 0 ]; then
  cat >&2 <<MSG
The tests need Debian packages that are missing: ${missing[*]}
Install them as root (this script never escalates by itself), then run the tests again:
  sudo bash scripts/install-system-packages.sh
(it runs: apt-get update && $install_cmd, with a temporary policy-rc.d so that the packages' services, such as
Debian's prometheus on :9090, are not started; the tests start their own Prometheus on free loopback ports).
MSG
  exit 1
fi

created_policy=''
remove_policy() { [ -n "$created_policy" ] && rm -f "$policy"; }
trap remove_policy EXIT
if [ ! -e "$policy" ]; then
  # invoke-rc.d and deb-systemd-invoke ask this file; 101 means "action forbidden": nothing is started.
  printf '#!/bin/sh\n# Written by MeshLens scripts/install-system-packages.sh for the length of one apt-get run.\nexit 101\n' >"$policy" &&
    chmod 755 "$policy" && created_policy=1
fi

echo "apt: installing ${missing[*]}"
apt-get update -qq || exit 1
DEBIAN_FRONTEND=noninteractive $install_cmd -qq >/dev/null || exit 1
