"""The Celery application for background jobs (voter imports, TPS mapping, DPTb).

Broker: Redis at SIMPUL_REDIS_URL (default redis://127.0.0.1:6379/0).
SIMPUL_CELERY_EAGER=1 runs tasks
in the web process (a demo without Redis); tests switch eager mode on per test.
Start a worker with `simpul pemilih worker`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")

app = Celery("simpul")
app.conf.update(
    broker_url=os.environ.get("SIMPUL_REDIS_URL", "redis://127.0.0.1:6379/0"),
    task_always_eager=os.environ.get("SIMPUL_CELERY_EAGER", "0") == "1",
    task_eager_propagates=True,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    task_publish_retry=False,
    broker_connection_timeout=3,
)
app.autodiscover_tasks(["simpul.pemilih"])


def antrekan(tugas, *args) -> bool:
    """Send a task to the worker. False when the queue (Redis) cannot be reached: the
    caller records that on its job rather than failing a request whose data is stored."""
    from kombu.exceptions import OperationalError

    try:
        tugas.delay(*args)
    except OperationalError:
        return False
    return True
