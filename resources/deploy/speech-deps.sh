#!/usr/bin/env bash
# Read aloud (EN 301 549 5.1.3): speech-dispatcher with the espeak-ng voices (French, English, Dutch),
# which Qt's text-to-speech uses through its "speechd" engine. Optional: without them the kiosk runs
# and hides its « Lire à voix haute » buttons. Installed as root where apt is available; otherwise the
# exact command is printed. Never fails: `make run` goes on either way. Not part of `make test`.
set -uo pipefail

PACKAGES=(speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)
LINE="apt-get install --no-install-recommends ${PACKAGES[*]}"

installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }

missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "Reading aloud is off until a voice is installed. To turn it on, run:" >&2
  echo "  sudo $LINE" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "Installing the voices for reading aloud: ${missing[*]}"
if ! { apt-get update -qq && apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "Could not install them; reading aloud stays off. Try: $LINE" >&2
fi
exit 0
