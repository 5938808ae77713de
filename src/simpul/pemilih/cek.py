"""The public DPT check (cek DPT): where does the holder of a NIK vote?

Answers only a structurally valid 16-digit NIK (optionally with the exact name), masks
what it shows, limits each client and all clients together, and writes every query to
the audit chain with a keyed hash of the NIK, never the NIK itself.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid, SimpulError
from simpul.core.nik import nik_samarkan
from simpul.pemilu.models import Pemilu
from simpul.wilayah.models import Wilayah

from .errors import KodePemilih
from .models import Pemilih, StatusPemilih
from .rules import nama_sama, nama_samarkan, nik_cek_periksa

BATAS_PER_KLIEN = 10  # queries per client per minute
BATAS_GLOBAL = 6000  # queries per minute for everyone together
JENDELA_DETIK = 60


class TerlaluSering(SimpulError):
    status = 429

    def __init__(self, detik: int):
        super().__init__(KodePemilih.CEK_TERLALU_SERING,
                         f"Terlalu banyak pencarian. Coba lagi dalam {detik} detik.",
                         details={"coba_lagi_detik": detik})


def sidik(teks: str) -> str:
    """Keyed hash for the audit trail: a 16-digit NIK has too few possibilities for a
    plain hash to hide it."""
    return hmac.new(settings.SECRET_KEY.encode(), teks.encode(), hashlib.sha256).hexdigest()


def _batasi(klien: str) -> None:
    batas_klien = getattr(settings, "SIMPUL_CEK_DPT_PER_KLIEN", BATAS_PER_KLIEN)
    batas_global = getattr(settings, "SIMPUL_CEK_DPT_GLOBAL", BATAS_GLOBAL)
    sekarang = time.time()
    jendela = int(sekarang // JENDELA_DETIK)
    sisa = int(JENDELA_DETIK - sekarang % JENDELA_DETIK) + 1
    for kunci, batas in ((f"cekdpt:k:{sidik(klien)[:32]}:{jendela}", batas_klien),
                         (f"cekdpt:g:{jendela}", batas_global)):
        cache.add(kunci, 0, JENDELA_DETIK * 2)
        if cache.incr(kunci) > batas:
            raise TerlaluSering(sisa)


def _kecamatan_ada(kode: str) -> bool:
    return Wilayah.objects.filter(kode=kode, tingkat="kecamatan").exists()


def cek_dpt(*, nik: str, nama: str = "", klien: str, akun=None) -> list[dict]:
    """Registrations of the holder of `nik`, newest election first, masked. Every query
    counts against the limits and is audited, valid or not, found or not."""
    nik = (nik or "").strip()
    _batasi(klien)
    temuan = nik_cek_periksa(nik, kecamatan_ada=_kecamatan_ada)
    hasil: list[dict] = []
    if not temuan:
        pemilu = list(Pemilu.objects.values_list("pk", flat=True))
        qs = (Pemilih.objects.filter(pemilu_id__in=pemilu, nik=nik, status=StatusPemilih.AKTIF)
              .select_related("pemilu", "tps", "desa__induk__induk")
              .order_by("-pemilu__tanggal_pemungutan"))
        for p in qs:
            if nama and not nama_sama(nama, p.nama):
                continue
            kecamatan = p.desa.induk
            hasil.append({
                "ditemukan": True, "nama": nama_samarkan(p.nama), "nik": nik_samarkan(p.nik),
                "pemilu": p.pemilu.nama, "tanggal_pemungutan": p.pemilu.tanggal_pemungutan,
                "tps": p.tps.label if p.tps else None,
                "alamat_tps": p.tps.alamat if p.tps else None,
                "desa": p.desa.nama, "kecamatan": kecamatan.nama if kecamatan else None,
                "kabupaten_kota": kecamatan.induk.nama if kecamatan and kecamatan.induk
                else None})
    with transaction.atomic():
        audit_catat(akun=akun, aksi="pemilih.cek_dpt", objek_tipe="cek_dpt",
                    sesudah={"nik_sidik": sidik(nik), "dengan_nama": bool(nama),
                             "valid": not temuan, "ditemukan": len(hasil),
                             "klien_sidik": sidik(klien)[:16]})
    if temuan:
        raise DataTidakValid(temuan[0].pesan, code=KodePemilih.NIK_CEK_TIDAK_VALID,
                             details=[{"kode": t.kode, "pesan": t.pesan} for t in temuan])
    return hasil


def klien_dari(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "tanpa-alamat"
