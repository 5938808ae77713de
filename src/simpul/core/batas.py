"""Per-client limits of the public endpoints (ANCHORS.md, the DPT row: public lookups are
limited per client): fixed-window counters in Django's cache, which is Redis in production
so that every worker counts together."""

import time

from django.core.cache import cache


def batas_hitung(kunci: str, *, batas: int, jendela_detik: int = 60,
                 sekarang: float | None = None) -> int:
    """Count one request under `kunci` in the current window of `jendela_detik` seconds.
    Returns 0 while the window's count is within `batas`, else the seconds until the window
    ends (what "try again in N seconds" tells the client)."""
    sekarang = time.time() if sekarang is None else sekarang
    if jendela_hitung(kunci, jendela_detik=jendela_detik, sekarang=sekarang) <= batas:
        return 0
    return int(jendela_detik - sekarang % jendela_detik) + 1


def jendela_hitung(kunci: str, *, jendela_detik: int, sekarang: float | None = None) -> int:
    """Count one event under `kunci` in the current fixed window; returns the count so far."""
    sekarang = time.time() if sekarang is None else sekarang
    kunci = f"{kunci}:{int(sekarang // jendela_detik)}"
    try:  # the key exists for all but the window's first event: one round trip less
        return cache.incr(kunci)
    except ValueError:
        cache.add(kunci, 0, jendela_detik * 2)
        return cache.incr(kunci)
