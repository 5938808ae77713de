#!/usr/bin/env bash
# Shared set-up for the demo and the tests: system packages, a virtualenv, translations.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v msgfmt >/dev/null || need+=(gettext)
if [ "${SIMPUL_BROWSER:-1}" = 1 ]; then
  # Test-only system parts: the browser for page tests, Java for Splink's Spark backend.
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v java >/dev/null || need+=(default-jre-headless)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "Memasang paket Debian: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.simpul-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[dev]"
  touch "$stamp"
fi
(cd src/simpul && ../../.venv/bin/django-admin compilemessages -l en -v 0)
