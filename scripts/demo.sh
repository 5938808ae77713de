#!/usr/bin/env bash
# One command for the demo: SQLite, real regions, demo elections and users, a server on :8000.
set -euo pipefail
cd "$(dirname "$0")/.."
SIMPUL_BROWSER=0 scripts/setup.sh
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/simpul-demo.sqlite3}"
export SIMPUL_DEBUG=1
# Background jobs (imports, TPS mapping) run in the web process: no Redis or worker needed.
export SIMPUL_CELERY_EAGER="${SIMPUL_CELERY_EAGER:-1}"
.venv/bin/simpul demo
echo
echo "Simpul berjalan di http://127.0.0.1:8000/  (Ctrl+C untuk berhenti)"
exec .venv/bin/simpul runserver 127.0.0.1:8000
