#!/usr/bin/env bash
# Installs (as root) or lists (otherwise) the Debian/Ubuntu packages Qt needs to run the kiosk.
# The list was checked on minimal debootstrap systems of Debian 12 and 13: with only these
# packages, QtWidgets, QtWebEngine (offscreen and xcb), QtTextToSpeech and the virtual keyboard load.
set -euo pipefail

PACKAGES=(
  libbrotli1 libdbus-1-3 libegl1 libexpat1 libfontconfig1 libfreetype6 libgbm1 libgl1 libgssapi-krb5-2
  libnspr4 libnss3 libpulse0 libspeechd2 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-dri3-0
  libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  libxcomposite1 libxdamage1 libxext6 libxfixes3 libxkbcommon0 libxkbcommon-x11-0 libxkbfile1
  libxrandr2 libxtst6
  fonts-noto-core fonts-noto-color-emoji fonts-dejavu-core
)
# Renamed in Debian 13 and Ubuntu 24.04 (64-bit time_t): the first name that exists is taken.
ALTERNATIVES=("libasound2t64,libasound2" "libglib2.0-0t64,libglib2.0-0")

installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }

missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
unresolved=()
for group in "${ALTERNATIVES[@]}"; do
  found=0
  for p in ${group//,/ }; do installed "$p" && found=1 && break; done
  [ "$found" = 1 ] || unresolved+=("$group")
done

if [ ${#missing[@]} -eq 0 ] && [ ${#unresolved[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "Qt needs these system packages. Please run:" >&2
  echo "  sudo apt-get install --no-install-recommends ${missing[*]} ${unresolved[*]//,*/}" >&2
  echo "(on Debian 12 or Ubuntu 22.04 use libasound2 and libglib2.0-0 instead of the t64 names)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
for group in "${unresolved[@]}"; do
  for p in ${group//,/ }; do
    if apt-cache show --no-all-versions "$p" 2>/dev/null | grep -q '^Package:'; then
      missing+=("$p")
      break
    fi
  done
done
echo "Installing Qt's system libraries: ${missing[*]}"
apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" >/dev/null
