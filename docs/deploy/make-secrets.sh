#!/usr/bin/env bash
# Makes the deployment's secrets, once: random passwords in .env (from .env.example) and the
# hashed Mosquitto password file docs/deploy/mosquitto/passwd. Neither is ever committed.
# Add devices (MQTT user = sensor id) with: docs/deploy/make-secrets.sh --device <sensorId> ...
# ENV_FILE and MOSQUITTO_PASSWD_FILE put the two files elsewhere (the ACL test uses a temp folder);
# MOSQUITTO_UID is the user the broker reads the password file as (1883 in the eclipse-mosquitto
# image, which drops to it before it opens the file).
set -euo pipefail
cd "$(dirname "$0")/../.."
ENV_FILE=${ENV_FILE:-.env}
PASSWD=${MOSQUITTO_PASSWD_FILE:-docs/deploy/mosquitto/passwd}
MOSQUITTO_UID=${MOSQUITTO_UID:-1883}
mkdir -p "$(dirname "$PASSWD")"

random() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32; }
mqtt_passwd() { # user password
  if command -v mosquitto_passwd >/dev/null && [ -w "$PASSWD" ]; then mosquitto_passwd -b "$PASSWD" "$1" "$2"
  else docker run --rm -v "$(cd "$(dirname "$PASSWD")" && pwd):/p" eclipse-mosquitto:2 mosquitto_passwd -b "/p/$(basename "$PASSWD")" "$1" "$2"; fi
}
set_env() { # name value: fills an empty NAME= line of the env file
  sed -i "s|^$1=\$|$1=$2|" "$ENV_FILE"
}

[ -f "$ENV_FILE" ] || { cp .env.example "$ENV_FILE"; echo "made $ENV_FILE from .env.example"; }
[ -e "$PASSWD" ] || install -m 600 /dev/null "$PASSWD"
chmod 600 "$ENV_FILE"
for name in POSTGRES_PASSWORD MQTT_INGEST_PASSWORD MQTT_SIMULATOR_PASSWORD INGEST_SHARED_GROUP; do
  if grep -q "^$name=\$" "$ENV_FILE"; then set_env "$name" "$(random)"; echo "set $name in $ENV_FILE"; fi
done
# shellcheck disable=SC1090
. "$(cd "$(dirname "$ENV_FILE")" && pwd)/$(basename "$ENV_FILE")"
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
# The file stays 600 (hashes readable by no one else), so it must belong to the broker's user.
if ! chown "$MOSQUITTO_UID:$MOSQUITTO_UID" "$PASSWD" 2>/dev/null; then
  if command -v docker >/dev/null; then
    docker run --rm -v "$(cd "$(dirname "$PASSWD")" && pwd):/p" eclipse-mosquitto:2 chown "$MOSQUITTO_UID:$MOSQUITTO_UID" "/p/$(basename "$PASSWD")"
  else
    echo "warning: run  sudo chown $MOSQUITTO_UID:$MOSQUITTO_UID $PASSWD  or Mosquitto cannot read it" >&2
  fi
fi
echo "Mosquitto users in $PASSWD: $(cut -d: -f1 "$PASSWD" | tr '\n' ' ')"
