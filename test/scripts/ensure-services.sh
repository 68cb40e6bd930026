#!/usr/bin/env bash
# Makes sure what the test suite talks to is there: PostgreSQL on 127.0.0.1:5432 (trust auth for
# user postgres), Mosquitto on 127.0.0.1:1883, Chromium and docker-compose. Starts what is installed but stopped;
# installs what is missing with apt when running as root on Debian/Ubuntu.
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_install() {
  can_apt || { log "missing $*; install it (apt-get install $*) and rerun"; exit 1; }
  log "installing $* with apt"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
wait_for_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  log "nothing answers on 127.0.0.1:$1"; exit 1
}

if ! port_open 5432; then
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  version=$(ls /etc/postgresql | sort -n | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    log "allowing trust auth on 127.0.0.1 for the local test server"
    sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_for_port 5432
fi

if ! port_open 1883; then
  command -v mosquitto >/dev/null || apt_install mosquitto
  log "starting Mosquitto"
  mosquitto -d -c /etc/mosquitto/mosquitto.conf
  wait_for_port 1883
fi

[ -x /usr/bin/chromium ] || apt_install chromium
# The deployment test validates docker-compose.yml with Debian's docker-compose (no engine needed).
command -v docker-compose >/dev/null || apt_install docker-compose
# Chinese text in the screenshots (not boxes), and vector tiles built from OpenStreetMap for the basemap test.
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || apt_install fonts-noto-cjk
command -v tilemaker >/dev/null || apt_install tilemaker
log "PostgreSQL, Mosquitto, Chromium, docker-compose, CJK fonts and tilemaker are ready"
