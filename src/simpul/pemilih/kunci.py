"""Is the voter list of a place locked for a plenary? One question, asked by every write."""

from simpul.core.errors import SimpulError
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


def tahap_wajib_terbuka(*, pemilu_id: int, kode: str, termasuk_bawah: bool = False) -> None:
    kunci = kunci_aktif(pemilu_id=pemilu_id, kode=kode, termasuk_bawah=termasuk_bawah)
    if kunci is not None:
        raise TahapTerkunci(kunci)
