#!/usr/bin/env bash
# Make this checkout ready on a bare machine: a virtualenv with the project and its test
# tools, the Pyodide runtime from the npm registry, and (for tests) Debian's Chromium.
# Idempotent: each step is skipped when its result is already there.
#   scripts/setup.sh          site only (build and serve)
#   scripts/setup.sh --test   also what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=no
[ "${1:-}" = "--test" ] && want_test=yes

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $($python --version)"
  "$python" -m venv .venv
fi

stamp=.venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)-$want_test
if [ ! -f "$stamp" ]; then
  echo "==> installing Python dependencies"
  .venv/bin/python -m pip install --quiet --upgrade pip
  if [ "$want_test" = yes ]; then
    .venv/bin/python -m pip install --quiet -e '.[test]'
  else
    .venv/bin/python -m pip install --quiet -e .
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi

if [ -f package-lock.json ] && [ ! -f node_modules/.package-lock.json -o package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing the Pyodide runtime from the npm registry (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_test" = yes ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian's chromium for the browser tests"
  sudo_cmd=""
  [ "$(id -u)" != 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
