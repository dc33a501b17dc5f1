#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium through playwright-core
# (never a downloaded browser). Install it when a fresh machine lacks it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Chromium is missing: installing Debian's chromium package for the browser tests"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: /usr/bin/chromium is missing and this user cannot install it (run: apt-get install -y chromium)" >&2
  exit 1
fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
