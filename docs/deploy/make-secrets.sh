#!/usr/bin/env bash
# Makes the deployment's secrets, once: random passwords in .env (from .env.example) and the
# hashed Mosquitto password file docs/deploy/mosquitto/passwd. Neither is ever committed.
# Add devices (MQTT user = sensor id) with: docs/deploy/make-secrets.sh --device <sensorId> ...
set -euo pipefail
cd "$(dirname "$0")/../.."
PASSWD=docs/deploy/mosquitto/passwd
mkdir -p docs/deploy/mosquitto

random() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32; }
mqtt_passwd() { # user password
  if command -v mosquitto_passwd >/dev/null; then mosquitto_passwd -b "$PASSWD" "$1" "$2"
  else docker run --rm -v "$PWD/docs/deploy/mosquitto:/p" eclipse-mosquitto:2 mosquitto_passwd -b /p/passwd "$1" "$2"; fi
}
set_env() { # name value: fills an empty NAME= line of .env
  sed -i "s|^$1=\$|$1=$2|" .env
}

[ -f .env ] || { cp .env.example .env; echo "made .env from .env.example"; }
touch "$PASSWD"
chmod 600 .env "$PASSWD"
for name in POSTGRES_PASSWORD MQTT_INGEST_PASSWORD MQTT_SIMULATOR_PASSWORD; do
  if grep -q "^$name=\$" .env; then set_env "$name" "$(random)"; echo "set $name in .env"; fi
done
# shellcheck disable=SC1091
. ./.env
mqtt_passwd citytwin-ingest "$MQTT_INGEST_PASSWORD"
mqtt_passwd citytwin-simulator "$MQTT_SIMULATOR_PASSWORD"
if [ "${1:-}" = --device ]; then
  shift
  for device in "$@"; do
    password=$(random)
    mqtt_passwd "$device" "$password"
    echo "device $device: MQTT user $device, password $password (give it to the device; it is not stored in clear)"
  done
fi
echo "Mosquitto users in $PASSWD: $(cut -d: -f1 "$PASSWD" | tr '\n' ' ')"
