#!/usr/bin/env bash
# One command for every test: PostgreSQL at DATABASE_URL (default: the local `test` db),
# browser tests in Debian's chromium. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi
exec .venv/bin/pytest --cov --cov-report=term:skip-covered "$@"
