"""The public DPT check (cek DPT): where does the holder of a NIK vote?

Answers only a structurally valid 16-digit NIK (optionally with the exact name), masks
what it shows, limits each client and all clients together, and writes every query to
the audit chain with a keyed hash of the NIK, never the NIK itself.
"""

import hashlib
import hmac
import logging
import os
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.batas import batas_hitung, jendela_hitung
from simpul.core.errors import DataTidakValid, SimpulError
from simpul.core.nik import nik_samarkan
from simpul.pemilu.models import Pemilu
from simpul.wilayah.models import Wilayah

from .errors import KodePemilih
from .models import Pemilih, PeringatanCekDPT, StatusPemilih
from .rules import nama_sama, nama_samarkan, nik_cek_periksa

log = logging.getLogger(__name__)
BATAS_PER_KLIEN = 10  # queries per client per minute
BATAS_GLOBAL = 6000  # queries per minute for everyone together
JENDELA_DETIK = 60


class TerlaluSering(SimpulError):
    status = 429

    def __init__(self, detik: int):
        super().__init__(KodePemilih.CEK_TERLALU_SERING,
                         f"Terlalu banyak pencarian. Coba lagi dalam {detik} detik.",
                         details={"coba_lagi_detik": detik})


def _param(nama: str, bawaan: int) -> int:
    """A limit of the public check: Django setting, else environment variable, else the
    default here."""
    return int(getattr(settings, nama, None) or os.environ.get(nama) or bawaan)


def sidik(teks: str) -> str:
    """Keyed hash for the audit trail: a 16-digit NIK has too few possibilities for a
    plain hash to hide it."""
    return hmac.new(settings.SECRET_KEY.encode(), teks.encode(), hashlib.sha256).hexdigest()


def _batasi(klien: str) -> None:
    batas_klien = _param("SIMPUL_CEK_DPT_PER_KLIEN", BATAS_PER_KLIEN)
    batas_global = _param("SIMPUL_CEK_DPT_GLOBAL", BATAS_GLOBAL)
    for kunci, batas in ((f"cekdpt:k:{sidik(klien)[:32]}", batas_klien),
                         ("cekdpt:g", batas_global)):
        detik = batas_hitung(kunci, batas=batas, jendela_detik=JENDELA_DETIK)
        if detik:
            raise TerlaluSering(detik)


NIK_BERBEDA = 20  # distinct NIKs one client may ask about per window before it is blocked
JENDELA_ENUMERASI = 3600
BLOKIR_DETIK = 3600


class Diblokir(SimpulError):
    status = 429

    def __init__(self, detik: int):
        super().__init__(KodePemilih.CEK_DIBLOKIR,
                         "Pencarian dari alamat ini dihentikan sementara karena terlalu banyak "
                         f"NIK berbeda yang dicari. Coba lagi dalam {detik // 60 + 1} menit.",
                         details={"coba_lagi_detik": detik})


def _enumerasi_periksa(klien: str, nik: str) -> None:
    """Enumeration detection (ANCHORS.md, DPT 2023: voter data offered for sale): a client
    that asks about more than `NIK_BERBEDA` distinct NIKs in `JENDELA_ENUMERASI` seconds is
    blocked for `BLOKIR_DETIK` and an alert row and audit entry are written once. A family
    checking its members stays far below the threshold."""
    batas = _param("SIMPUL_CEK_DPT_NIK_BERBEDA", NIK_BERBEDA)
    jendela_detik = _param("SIMPUL_CEK_DPT_JENDELA_ENUMERASI", JENDELA_ENUMERASI)
    blokir = _param("SIMPUL_CEK_DPT_BLOKIR_DETIK", BLOKIR_DETIK)
    k = sidik(klien)[:32]
    sampai = cache.get(f"cekdpt:blokir:{k}")
    if sampai is not None:
        raise Diblokir(max(1, int(sampai - time.time())))
    jendela = int(time.time() // jendela_detik)
    if not cache.add(f"cekdpt:nik:{k}:{jendela}:{sidik(nik)[:24]}", 1, jendela_detik * 2):
        return  # this client asked about this NIK before: not a new one
    jumlah = jendela_hitung(f"cekdpt:beda:{k}", jendela_detik=jendela_detik)
    if jumlah <= batas:
        return
    _peringatan(
        gerbang=f"cekdpt:blokir:{k}", nilai=time.time() + blokir, umur=blokir,
        aksi="pemilih.cek_dpt_enumerasi",
        baris={"klien_sidik": k, "jumlah_nik": jumlah, "jendela_detik": jendela_detik,
               "diblokir_sampai": timezone.now() + timedelta(seconds=blokir)},
        audit={"klien_sidik": k[:16], "nik_berbeda": jumlah, "jendela_detik": jendela_detik,
               "blokir_detik": blokir},
        pesan=f"cek DPT: klien {k[:16]} mencari {jumlah} NIK berbeda; diblokir {blokir} s")
    raise Diblokir(blokir)


def _peringatan(*, gerbang: str, nilai, umur: int, aksi: str, baris: dict, audit: dict,
                pesan: str) -> None:
    """One alert row and its audit entry, and a warning logged, for the first caller to set
    `gerbang` in the shared cache (a block, or a window of the spread detector)."""
    if not cache.add(gerbang, nilai, umur):
        return
    with transaction.atomic():
        alarm = PeringatanCekDPT.objects.create(**baris)
        audit_catat(akun=None, aksi=aksi, objek=alarm, sesudah=audit)
    log.warning(pesan)


JENDELA_TERSEBAR = 600
GAGAL_TERSEBAR = 3000  # valid NIKs not found, all clients together, per window
RASIO_TERSEBAR = 0.5


def _tersebar_periksa(ditemukan: bool) -> None:
    """Enumeration spread over many addresses, each below its own limit: people check
    their own NIK and are mostly found, a sweep over made-up valid NIKs mostly is not. When
    in one window more than `GAGAL_TERSEBAR` valid NIKs found nothing and they are more than
    half of the valid queries, one alert row and audit entry are written for the window
    and a warning logged; nobody is blocked for it (that would shut the public out)."""
    jendela_detik = _param("SIMPUL_CEK_DPT_JENDELA_TERSEBAR", JENDELA_TERSEBAR)
    n = jendela_hitung("cekdpt:sebar:v", jendela_detik=jendela_detik)
    if ditemukan:
        return
    g = jendela_hitung("cekdpt:sebar:g", jendela_detik=jendela_detik)
    if g <= _param("SIMPUL_CEK_DPT_GAGAL_TERSEBAR", GAGAL_TERSEBAR) or g <= n * RASIO_TERSEBAR:
        return
    _peringatan(
        gerbang=f"cekdpt:sebar:alarm:{int(time.time() // jendela_detik)}", nilai=1,
        umur=jendela_detik * 2, aksi="pemilih.cek_dpt_enumerasi_tersebar",
        baris={"klien_sidik": "*", "jenis": "enumerasi_tersebar", "jumlah_nik": g,
               "jendela_detik": jendela_detik, "diblokir_sampai": timezone.now()},
        audit={"nik_tidak_ditemukan": g, "pencarian_valid": n, "jendela_detik": jendela_detik},
        pesan=f"cek DPT: {g} NIK valid tidak ditemukan dari {n} pencarian dalam "
              f"{jendela_detik} s; dugaan enumerasi tersebar")


_INGATAN: dict[str, tuple[float, object]] = {}
INGAT_DETIK = 60


def _ingat(nama: str, muat):
    """Per-process memory of small, slow-changing tables (kecamatan codes, elections) for
    at most a minute: two queries less on every public check at peak."""
    sekarang = time.monotonic()
    ada = _INGATAN.get(nama)
    if ada is None or sekarang - ada[0] > INGAT_DETIK:
        ada = (sekarang, muat())
        _INGATAN[nama] = ada
    return ada[1]


def _kecamatan_ada(kode: str) -> bool:
    return kode in _ingat("kecamatan", lambda: frozenset(
        Wilayah.objects.filter(tingkat="kecamatan").values_list("kode", flat=True)))


KUNCI_SALINAN = "cekdpt:salinan"


def salinan_terbaru() -> dict[tuple[int, str], dict]:
    """The newest sealed list per (election, territory), cached briefly: the public check
    reads the same fixed list officers read, and names it."""
    from .models import SalinanDaftar

    ada = cache.get(KUNCI_SALINAN)
    if ada is None:
        ada = {}
        for s in (SalinanDaftar.objects.exclude(sha256="")
                  .order_by("pemilu_id", "wilayah_kode", "-dibuat", "-pk")
                  .values("pk", "pemilu_id", "wilayah_kode", "tahap", "versi", "sha256",
                          "dibuat")):
            ada.setdefault((s["pemilu_id"], s["wilayah_kode"]), s)
        cache.set(KUNCI_SALINAN, ada, 30)
    return ada


def _wilayah_salinan(salinan: dict, pemilu_id: int, desa: str) -> dict | None:
    from simpul.core.scope import leluhur

    for kode in (desa, *reversed(leluhur(desa))):
        if (pemilu_id, kode) in salinan:
            return salinan[(pemilu_id, kode)]
    return None


def _jawaban(*, nama: str, nik: str, pemilu, tps, desa, sumber: dict | None,
             tertunda: bool, pindah) -> dict:
    from .models import Tahap

    kecamatan = desa.induk
    return {
        "ditemukan": True, "nama": nama_samarkan(nama), "nik": nik_samarkan(nik),
        "pemilu": pemilu.nama, "tanggal_pemungutan": pemilu.tanggal_pemungutan,
        "tps": tps.label if tps else None, "alamat_tps": tps.alamat if tps else None,
        "desa": desa.nama, "kecamatan": kecamatan.nama if kecamatan else None,
        "kabupaten_kota": kecamatan.induk.nama if kecamatan and kecamatan.induk else None,
        "sumber": (f"{Tahap(sumber['tahap']).label} versi {sumber['versi']}" if sumber
                   else "daftar berjalan (belum ditetapkan)"),
        "sha256": sumber["sha256"] if sumber else None,
        "ditetapkan": sumber["dibuat"] if sumber else None,
        "koreksi_tertunda": tertunda,
        "pindah_ke": (f"{pindah.tps_tujuan.label} {pindah.tps_tujuan.desa.nama}" if pindah
                      else None),
    }


def _log(*, nik: str, klien: str, akun, **nilai) -> None:
    """Every query, valid or not, found or not, blocked or not: one append-only row with
    keyed hashes (`LogCekDPT`)."""
    from .models import LogCekDPT

    LogCekDPT.objects.create(nik_sidik=sidik(nik), klien_sidik=sidik(klien)[:16],
                             akun_id=akun.pk if akun is not None and akun.pk else None,
                             **nilai)


def cek_dpt(*, nik: str, nama: str = "", klien: str, akun=None) -> list[dict]:
    """Registrations of the holder of `nik`, newest election first, masked. Where a list
    has been fixed (DPS … DPT) the answer comes from that copy and names it with its hash;
    elsewhere from the running list, said so. Every query counts against the limits and is
    audited, valid or not, found or not."""
    from simpul.pemilu.models import TPS

    from .models import KoreksiTertunda, PindahMemilih, SalinanPemilih, StatusKoreksi

    nik = (nik or "").strip()
    _batasi(klien)
    try:
        _enumerasi_periksa(klien, nik)
    except Diblokir:
        _log(nik=nik, klien=klien, akun=akun, diblokir=True)
        raise
    temuan = nik_cek_periksa(nik, kecamatan_ada=_kecamatan_ada)
    hasil: list[dict] = []
    if not temuan:
        salinan = salinan_terbaru()
        pemilu = _ingat("pemilu", lambda: {p.pk: p for p in Pemilu.objects.all()})
        per_id = {s["pk"]: s for s in salinan.values()}
        baris = list(SalinanPemilih.objects.filter(nik=nik, salinan_id__in=list(per_id)))
        hidup = list(Pemilih.objects.filter(pemilu_id__in=list(pemilu), nik=nik)
                     .select_related("tps", "desa__induk__induk"))
        tertunda = set(KoreksiTertunda.objects.filter(
            pemilih__in=hidup, status=StatusKoreksi.TERTUNDA).values_list("pemilih_id",
                                                                         flat=True))
        pindah = {pm.pemilih_id: pm for pm in PindahMemilih.objects.filter(
            pemilih__in=hidup).select_related("tps_tujuan__desa")}
        id_hidup = {(p.pemilu_id, p.nik): p for p in hidup}
        dipakai = {p.pemilu_id for p in hidup} | {per_id[b.salinan_id]["pemilu_id"]
                                                 for b in baris}
        if not dipakai <= set(pemilu):  # an election newer than the memory
            _INGATAN.pop("pemilu", None)
            pemilu = _ingat("pemilu", lambda: {p.pk: p for p in Pemilu.objects.all()})
        tps = {t.pk: t for t in TPS.objects.filter(pk__in=[b.tps_id for b in baris])}
        desa = {w.kode: w for w in Wilayah.objects.filter(
            kode__in=[b.desa_id for b in baris]).select_related("induk__induk")}
        for b in baris:
            s = per_id[b.salinan_id]
            p = id_hidup.get((s["pemilu_id"], nik))
            hasil.append(({"nama": b.nama, "pemilu_id": s["pemilu_id"]}, _jawaban(
                nama=b.nama, nik=nik, pemilu=pemilu[s["pemilu_id"]], tps=tps.get(b.tps_id),
                desa=desa[b.desa_id], sumber=s, tertunda=bool(p and p.pk in tertunda),
                pindah=pindah.get(p.pk) if p else None)))
        for p in hidup:
            if p.status != StatusPemilih.AKTIF or _wilayah_salinan(
                    salinan, p.pemilu_id, p.desa_id):
                continue  # a fixed list covers this place: it alone answers
            hasil.append(({"nama": p.nama, "pemilu_id": p.pemilu_id}, _jawaban(
                nama=p.nama, nik=nik, pemilu=pemilu[p.pemilu_id], tps=p.tps, desa=p.desa,
                sumber=None, tertunda=p.pk in tertunda, pindah=pindah.get(p.pk))))
        hasil = [j for k, j in sorted(
            hasil, key=lambda x: pemilu[x[0]["pemilu_id"]].tanggal_pemungutan, reverse=True)
            if not nama or nama_sama(nama, k["nama"])]
        _tersebar_periksa(bool(hasil))
    _log(nik=nik, klien=klien, akun=akun, dengan_nama=bool(nama), valid=not temuan,
         ditemukan=len(hasil), sumber=", ".join(sorted({h["sumber"] for h in hasil}))[:80])
    if temuan:
        raise DataTidakValid(temuan[0].pesan, code=KodePemilih.NIK_CEK_TIDAK_VALID,
                             details=[{"kode": t.kode, "pesan": t.pesan} for t in temuan])
    return hasil


def klien_dari(request) -> str:
    """The client's address. Behind a reverse proxy every request comes from the proxy, so
    a deployment names the header the proxy sets (`SIMPUL_CEK_DPT_HEADER_KLIEN`, e.g.
    `HTTP_X_REAL_IP`); it is trusted only when configured, never by default."""
    header = getattr(settings, "SIMPUL_CEK_DPT_HEADER_KLIEN", "") or os.environ.get(
        "SIMPUL_CEK_DPT_HEADER_KLIEN", "")
    alamat = request.META.get(header, "").split(",")[0].strip() if header else ""
    return alamat or request.META.get("REMOTE_ADDR", "") or "tanpa-alamat"


class TidakTersedia(SimpulError):
    status = 503

    def __init__(self):
        super().__init__(KodePemilih.CEK_TIDAK_TERSEDIA,
                         "Pencarian sedang terganggu. Coba lagi beberapa menit lagi, atau buka "
                         "daftar per TPS (tersamar) bila tersedia.",
                         details={"coba_lagi_detik": 60})


def cek_dpt_aman(**kw) -> list[dict]:
    """`cek_dpt` that degrades instead of going blank (ANCHORS.md, kpu.go.id Feb 2024: a
    maintenance page on polling morning): when the database or the shared cache fails, the
    caller gets a named 503 with a retry time, and the page points to the static lists."""
    from django.db import DatabaseError
    from redis.exceptions import RedisError

    try:
        return cek_dpt(**kw)
    except (DatabaseError, RedisError, OSError) as e:
        log.exception("cek DPT tidak tersedia: %s", type(e).__name__)
        raise TidakTersedia() from e
