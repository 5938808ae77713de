"""Is the voter list of a place locked for a plenary? One question, asked by every write."""

import time

from django.db import connection

from simpul.core.errors import Konflik, SimpulError
from simpul.core.scope import leluhur, q_subpohon

from .errors import KodePemilih


class TahapTerkunci(SimpulError):
    """The list is locked for the plenary of a stage: the change is not applied; it may be
    queued as a correction (`koreksi_ajukan`) and is applied when the next stage opens."""

    status = 409

    def __init__(self, kunci):
        super().__init__(
            KodePemilih.TAHAP_TERKUNCI,
            f"Daftar pemilih {kunci.wilayah_kode} dikunci untuk penetapan "
            f"{kunci.get_tahap_display()}. Ajukan sebagai koreksi tertunda; koreksi diterapkan "
            "saat tahap ini ditetapkan dan tahap berikutnya dibuka.",
            details={"kunci_id": kunci.pk, "tahap": kunci.tahap,
                     "wilayah": kunci.wilayah_kode})


def kunci_aktif(*, pemilu_id: int, kode: str, termasuk_bawah: bool = False):
    """The active lock over `kode` (or, with `termasuk_bawah`, anywhere inside it)."""
    from django.db.models import Q

    from .models import KunciTahap

    if not kode:  # the whole country: any lock of the election
        return KunciTahap.objects.filter(pemilu_id=pemilu_id, aktif=True).first() \
            if termasuk_bawah else None
    q = Q(wilayah_kode__in=[*leluhur(kode), kode])
    if termasuk_bawah:
        q |= q_subpohon("wilayah_kode", kode)
    return KunciTahap.objects.filter(q, pemilu_id=pemilu_id, aktif=True).first()


# Advisory-lock class of "the voter list of an election is being written" (objid: election).
KELAS_KUNCI_DAFTAR = 0x5150
TUNGGU_PENULIS = 10.0


def tahap_wajib_terbuka(*, pemilu_id: int, kode: str, termasuk_bawah: bool = False) -> None:
    """Refuse a write to a locked list. The writer holds the election's list lock shared
    until it commits, so a stage lock (which takes it exclusively) waits for writes in
    flight and a write never checks before the lock and commits after it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT pg_advisory_xact_lock_shared(%s, %s)",
                      [KELAS_KUNCI_DAFTAR, pemilu_id])
    kunci = kunci_aktif(pemilu_id=pemilu_id, kode=kode, termasuk_bawah=termasuk_bawah)
    if kunci is not None:
        raise TahapTerkunci(kunci)


def daftar_tunggu_penulis(pemilu_id: int) -> None:
    """Take the election's list lock exclusively (stage lock): wait up to TUNGGU_PENULIS
    seconds for the writes in flight, e.g. a TPS mapping of a whole kabupaten, else refuse by
    name. Polled with try-lock: a request waiting in the lock queue would hold up every new
    writer of the election behind it."""
    if connection.vendor != "postgresql":
        return
    batas = time.monotonic() + TUNGGU_PENULIS
    with connection.cursor() as c:
        while True:
            c.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [KELAS_KUNCI_DAFTAR, pemilu_id])
            if c.fetchone()[0]:
                return
            if time.monotonic() >= batas:
                raise Konflik(
                    KodePemilih.TAHAP_SIBUK,
                    "Daftar pemilih pemilu ini sedang diubah (misalnya pemetaan TPS sedang "
                    "berjalan). Coba kunci lagi sebentar lagi.")
            time.sleep(0.1)
