#!/bin/sh
# Debian packages the browser tests need: Chromium and Firefox ESR to run the built extension, and
# CJK + colour-emoji fonts so screenshots of 简体中文 text and the streak's 🔥 show real glyphs.
# Installs only what is missing; exits non-zero when something is missing and could not be installed.
# apt's lock may be held by another install (unattended upgrades, a parallel set-up): wait and retry.
set -e
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "pacer: not Debian; install Chromium, Firefox ESR and Noto CJK + colour emoji fonts yourself" >&2
  exit 0
fi
packages="chromium firefox-esr fonts-noto-cjk fonts-noto-color-emoji"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "pacer: missing Debian packages for the browser tests; run: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "pacer: installing Debian packages for the browser tests:$missing"
attempt=1
until apt-get -o DPkg::Lock::Timeout=120 update -qq &&
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq $missing >/dev/null; do
  if [ "$attempt" -ge 5 ]; then
    echo "pacer: could not install$missing" >&2
    exit 1
  fi
  echo "pacer: apt is busy or failed (attempt $attempt of 5); retrying in 15 s…" >&2
  attempt=$((attempt + 1))
  sleep 15
done
