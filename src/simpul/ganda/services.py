"""Writes: run the model over a list, and decide a pair. Both are audited in the same
transaction as the change."""

from django.db import transaction
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.scope import Cakupan, q_subpohon
from simpul.pemilih.kunci import TahapTerkunci
from simpul.pemilih.models import Pemilih, StatusPemilih
from simpul.pemilih.services import pemilih_tandai_tms
from simpul.pemilih.services_tahap import koreksi_ajukan
from simpul.pemilu.models import Pemilu

from . import mesin
from .errors import KodeGanda
from .models import PasanganGanda, PemindaianGanda, StatusPasangan
from .rules import PERAN_PERIKSA, PERAN_PINDAI, rekaman_dicoret, transisi_boleh
from .selectors import pasangan_qs

KOLOM_DB = {"unique_id": "id", "nik": "nik", "nkk": "nkk", "nama": "nama",
            "tempat_lahir": "tempat_lahir", "tanggal_lahir": "tanggal_lahir",
            "jenis_kelamin": "jenis_kelamin", "alamat": "alamat", "rt": "rt", "rw": "rw",
            "kode_desa": "desa_id"}
KATEGORI_GANDA = "ganda"


def _daftar_pemilih(*, pemilu: Pemilu, cakupan: Cakupan, wilayah_kode: str | None):
    import polars as pl

    qs = Pemilih.objects.filter(pemilu=pemilu, status=StatusPemilih.AKTIF).filter(
        cakupan.q_kode("desa_id"))
    if wilayah_kode:
        qs = qs.filter(q_subpohon("desa_id", wilayah_kode))
    baris = list(qs.order_by("id").values_list(*KOLOM_DB.values()))
    return pl.DataFrame(baris, schema={k: (pl.Int64 if k == "unique_id" else
                                           pl.Date if k == "tanggal_lahir" else pl.Utf8)
                                       for k in KOLOM_DB}, orient="row")


def pemindaian_jalankan(*, akun, pemilu_id: int, wilayah_kode: str | None = None,
                        backend: mesin.Backend = "duckdb", spark=None,
                        ambang: float = mesin.AMBANG_PROBABILITAS) -> PemindaianGanda:
    """Train the model on the active voters of an election in the account's territory
    (narrowed to `wilayah_kode`), and queue every new candidate pair for review. Pairs
    found before keep their status and decision."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_PINDAI, "Hanya KPU yang dapat memindai pemilih ganda.")
    pemilu = cakupan.pemilu(Pemilu.objects.filter(pk=pemilu_id)).first()
    if pemilu is None:
        raise TidakDitemukan("Pemilu tidak ditemukan di wilayah kerja Anda.")
    wilayah_kode = (wilayah_kode or "").strip() or None
    if wilayah_kode:
        cakupan.wajib_mencakup(wilayah_kode)
    # The run is recorded with the territory it really covered, so that the office's
    # own list of runs (`selectors.pemindaian_terakhir`, scoped by territory) shows it.
    wilayah_kode = wilayah_kode or cakupan.akar
    if backend not in ("duckdb", "spark"):
        raise DataTidakValid(f"Backend '{backend}' tidak dikenal (duckdb atau spark).",
                             code=KodeGanda.BACKEND_TIDAK_DIKENAL)
    mulai = timezone.now()
    daftar = _daftar_pemilih(pemilu=pemilu, cakupan=cakupan, wilayah_kode=wilayah_kode)
    if len(daftar) < 10:
        raise DataTidakValid(
            f"Hanya {len(daftar)} pemilih aktif di wilayah ini; model memerlukan minimal 10.",
            code=KodeGanda.DATA_TERLALU_SEDIKIT)
    hasil = mesin.deteksi(daftar, backend=backend, spark=spark, ambang=ambang)
    desa = dict(zip(daftar["unique_id"], daftar["kode_desa"], strict=True))
    with transaction.atomic():
        run = PemindaianGanda.objects.create(
            pemilu=pemilu, wilayah_kode=wilayah_kode or "", akun=akun, backend=backend,
            ambang=ambang, jumlah_rekaman=len(daftar), jumlah_pasangan=len(hasil.pasangan),
            model=hasil.model, mulai=mulai)
        baru = [PasanganGanda(pemilu=pemilu, pemilih_a_id=b["unique_id_l"],
                              pemilih_b_id=b["unique_id_r"], pemindaian=run,
                              bobot=b["match_weight"], probabilitas=b["match_probability"],
                              penjelasan=hasil.penjelasan(b))
                for b in hasil.pasangan.iter_rows(named=True)]
        sebelum = PasanganGanda.objects.filter(pemilu=pemilu).count()
        PasanganGanda.objects.bulk_create(baru, batch_size=2000, ignore_conflicts=True)
        run.jumlah_baru = PasanganGanda.objects.filter(pemilu=pemilu).count() - sebelum
        run.selesai = timezone.now()
        run.save(update_fields=["jumlah_baru", "selesai"])
        audit_catat(akun=akun, aksi="ganda.pindai", objek=run, wilayah_kode=wilayah_kode or "",
                    sesudah={"pemilu": pemilu.pk, "rekaman": run.jumlah_rekaman,
                             "pasangan": run.jumlah_pasangan, "baru": run.jumlah_baru,
                             "backend": backend, "ambang": ambang,
                             "desa": len(set(desa.values()))})
    return run


def pasangan_putuskan(*, akun, pasangan_id: int, keputusan: str, alasan: str = "",
                      pemilih_dicoret_id: int | None = None) -> PasanganGanda:
    """Confirm or reject one pair. A confirmed pair marks one record TMS "ganda" through
    the voter service (the later one unless the reviewer names the other), in the same
    transaction as the decision and its audit entry. While that record's list is locked
    for a plenary the mark is queued as a pending correction instead."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_PERIKSA, "Peran Anda tidak berwenang memeriksa pemilih ganda.")
    if keputusan not in (StatusPasangan.DIKONFIRMASI, StatusPasangan.DITOLAK):
        raise DataTidakValid("Keputusan harus 'dikonfirmasi' atau 'ditolak'.",
                             code=KodeGanda.KEPUTUSAN_TIDAK_DIKENAL)
    alasan = (alasan or "").strip()
    if keputusan == StatusPasangan.DITOLAK and not alasan:
        raise DataTidakValid("Tuliskan alasan mengapa pasangan ini bukan pemilih ganda.",
                             code=KodeGanda.ALASAN_WAJIB)
    with transaction.atomic():
        p = (pasangan_qs(akun=akun).select_for_update(of=("self",))
             .filter(pk=pasangan_id).first())
        if p is None:
            raise TidakDitemukan("Pasangan tidak ditemukan di wilayah kerja Anda.")
        if not transisi_boleh(p.status, keputusan):
            raise DataTidakValid(f"Pasangan ini sudah diputuskan ({p.get_status_display()}).",
                                 code=KodeGanda.SUDAH_DIPUTUSKAN)
        a, b = p.pemilih_a, p.pemilih_b
        sebelum = {"status": p.status}
        if keputusan == StatusPasangan.DIKONFIRMASI:
            if pemilih_dicoret_id is None:
                pemilih_dicoret_id = rekaman_dicoret(a_id=a.pk, a_dibuat=a.dibuat,
                                                     b_id=b.pk, b_dibuat=b.dibuat)
            if pemilih_dicoret_id not in (a.pk, b.pk):
                raise DataTidakValid("Pemilih yang dicoret harus salah satu dari pasangan ini.",
                                     code=KodeGanda.PEMILIH_DICORET_BUKAN_PASANGAN)
            coret = a if pemilih_dicoret_id == a.pk else b
            lain = b if coret is a else a
            if coret.status != StatusPemilih.TMS:
                alasan_tms = (f"Ganda dengan pemilih #{lain.pk} (pasangan #{p.pk})."
                              + (f" {alasan}" if alasan else ""))
                try:
                    pemilih_tandai_tms(akun=akun, pemilih_id=coret.pk, versi=coret.versi,
                                       kategori=KATEGORI_GANDA, alasan=alasan_tms)
                except TahapTerkunci:
                    # Locked for a plenary (ANCHORS.md, SIDALIH 2023): the decision stands
                    # and the strike waits as a correction applied when the stage is fixed.
                    p.koreksi = koreksi_ajukan(akun=akun, pemilih_id=coret.pk, jenis="tms",
                                               kategori=KATEGORI_GANDA, alasan=alasan_tms)
            p.pemilih_dicoret = coret
        p.status = keputusan
        p.alasan = alasan
        p.diputuskan_oleh = akun
        p.diputuskan_pada = timezone.now()
        p.save(update_fields=["status", "alasan", "diputuskan_oleh", "diputuskan_pada",
                              "pemilih_dicoret", "koreksi"])
        audit_catat(akun=akun, aksi=f"ganda.{keputusan}", objek=p, wilayah_kode=a.desa_id,
                    sebelum=sebelum,
                    sesudah={"status": p.status, "alasan": alasan,
                             "pemilih": [a.pk, b.pk], "dicoret": p.pemilih_dicoret_id,
                             "koreksi_tertunda": p.koreksi_id, "bobot": round(p.bobot, 3)})
    return p
