"""A per-client limit on the public status lookup (ANCHORS.md, the DPT row: public lookups
are limited per client). Counters live in Django's cache (Redis in production, so every
worker shares them); a fixed one-minute window per client address."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from simpul.core.errors import SimpulError

from .errors import KodeAdhoc

STATUS_PER_MENIT = 10
JENDELA_DETIK = 60


def status_batasi(*, klien: str) -> None:
    """Count one status lookup of `klien`; past `SIMPUL_STATUS_ADHOC_PER_MENIT` (default
    10) in the current minute it is refused with `adhoc.status_terlalu_sering` (429)."""
    batas = getattr(settings, "SIMPUL_STATUS_ADHOC_PER_MENIT", STATUS_PER_MENIT)
    sekarang = time.time()
    jendela = int(sekarang // JENDELA_DETIK)
    kunci = (f"adhoc:status:{hashlib.sha256((klien or '-').encode()).hexdigest()[:32]}:"
             f"{jendela}")
    cache.add(kunci, 0, JENDELA_DETIK * 2)
    if cache.incr(kunci) > batas:
        detik = int(JENDELA_DETIK - sekarang % JENDELA_DETIK) + 1
        raise SimpulError(KodeAdhoc.STATUS_TERLALU_SERING, f"Terlalu sering memeriksa status. "
                          f"Coba lagi dalam {detik} detik.", status=429,
                          details={"coba_lagi_detik": detik})
