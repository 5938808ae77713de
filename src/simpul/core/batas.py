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
    jendela = int(sekarang // jendela_detik)
    kunci = f"{kunci}:{jendela}"
    cache.add(kunci, 0, jendela_detik * 2)
    if cache.incr(kunci) <= batas:
        return 0
    return int(jendela_detik - sekarang % jendela_detik) + 1
