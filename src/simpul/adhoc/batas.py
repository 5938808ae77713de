"""Per-client limits on the public endpoints of registration (ANCHORS.md, the DPT row:
public lookups are limited per client): the status lookup, and opening resumable uploads
(anonymous uploads are stored until submitted or expired). A fixed one-minute window per
client address (`core.batas`)."""

import hashlib

from django.conf import settings

from simpul.core.batas import batas_hitung
from simpul.core.errors import SimpulError

from .errors import KodeAdhoc

STATUS_PER_MENIT = 10
UNGGAHAN_PER_MENIT = 120  # 4 files a registration: 30 a minute from one office's address
JENDELA_DETIK = 60


def _batasi(nama: str, klien: str, batas: int, kode: str, pesan: str) -> None:
    detik = batas_hitung(
        f"adhoc:{nama}:{hashlib.sha256((klien or '-').encode()).hexdigest()[:32]}",
        batas=batas, jendela_detik=JENDELA_DETIK)
    if detik:
        raise SimpulError(kode, f"{pesan} Coba lagi dalam {detik} detik.", status=429,
                          details={"coba_lagi_detik": detik})


def status_batasi(*, klien: str) -> None:
    """Count one status lookup of `klien`; past `SIMPUL_STATUS_ADHOC_PER_MENIT` (default
    10) in the current minute it is refused with `adhoc.status_terlalu_sering` (429)."""
    _batasi("status", klien, getattr(settings, "SIMPUL_STATUS_ADHOC_PER_MENIT",
                                     STATUS_PER_MENIT),
            KodeAdhoc.STATUS_TERLALU_SERING, "Terlalu sering memeriksa status.")


def unggahan_batasi(*, klien: str) -> None:
    """Count one upload opened by `klien`; past `SIMPUL_UNGGAHAN_ADHOC_PER_MENIT` (default
    120) in the current minute it is refused with `adhoc.unggahan_terlalu_sering` (429)."""
    _batasi("unggah", klien, getattr(settings, "SIMPUL_UNGGAHAN_ADHOC_PER_MENIT",
                                     UNGGAHAN_PER_MENIT),
            KodeAdhoc.UNGGAHAN_TERLALU_SERING, "Terlalu banyak unggahan dari alamat ini.")
