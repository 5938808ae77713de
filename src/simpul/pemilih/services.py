"""Writes to voter records. Every change runs in one transaction that also writes the
voter's history row (`RiwayatPemilih`) and the audit entry, and checks the version the
officer saw, so two officers editing one voter never lose an update."""

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid, Dilarang, SimpulError, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_AD_HOC, PERAN_KPU, PERAN_TPS, Peran
from simpul.core.scope import Cakupan, di_bawah
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.models import Wilayah
from simpul.wilayah.rules import TINGKAT_DESA

from .errors import KodePemilih
from .impor import berkas_periksa, impor_proses
from .kunci import TahapTerkunci, tahap_wajib_terbuka
from .models import (
    HasilCoklit,
    ImporPemilih,
    KategoriTMS,
    KunciIdempoten,
    Pemilih,
    RiwayatPemilih,
    StatusImpor,
    StatusPemilih,
    Sumber,
)
from .rules import pemilih_periksa

log = logging.getLogger(__name__)

FIELD_DATA = ["nik", "nkk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
              "status_kawin", "alamat", "rt", "rw", "desa_id", "disabilitas"]
FIELD_STATUS = ["status", "kategori_tms_id", "tps_id", "coklit", "coklit_pada", "stiker"]
FIELD_RIWAYAT = FIELD_DATA + FIELD_STATUS + ["peringatan"]
# Who may change a voter record; KPPS count votes and do not keep the list.
PERAN_UBAH = (PERAN_KPU | PERAN_AD_HOC) - {Peran.KPPS}


class KonflikVersi(SimpulError):
    """Someone saved this voter after the officer opened it: nothing is overwritten."""

    status = 409

    def __init__(self, pemilih: Pemilih, versi_dikirim: int):
        super().__init__(
            KodePemilih.KONFLIK_VERSI,
            f"Data pemilih ini sudah diubah petugas lain (versi {pemilih.versi}, Anda "
            f"mengubah versi {versi_dikirim}). Muat ulang lalu ulangi perubahan Anda.",
            details={"versi_sekarang": pemilih.versi, "versi_dikirim": versi_dikirim})


def _nilai(p: Pemilih, fields=FIELD_RIWAYAT) -> dict:
    return {f: getattr(p, f) for f in fields}


def nilai_samarkan(nilai: dict | None) -> dict | None:
    """Field values with NIK/KK masked: for the audit chain, read more widely than the
    voter's record, and for the voter's history as the API shows it."""
    if not isinstance(nilai, dict):
        return nilai
    return {k: (nik_samarkan(v) if k in ("nik", "nkk") and v else v) for k, v in nilai.items()}


def _kecamatan_ada(kode: str) -> bool:
    return Wilayah.objects.filter(kode=kode, tingkat="kecamatan").exists()


def _wajib_pemilu(cakupan: Cakupan, pemilu_id: int) -> Pemilu:
    pemilu = cakupan.pemilu(Pemilu.objects.filter(pk=pemilu_id)).first()
    if pemilu is None:
        raise TidakDitemukan("Pemilu tidak ditemukan di wilayah kerja Anda.")
    return pemilu


def _wajib_boleh_ubah(akun, pemilih: Pemilih) -> Cakupan:
    """Staff change voters inside their territory; a Pantarlih only those of their TPS."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_UBAH, "Peran Anda tidak berwenang mengubah data pemilih.")
    _wajib_pemilu(cakupan, pemilih.pemilu_id)
    if not cakupan.mencakup(pemilih.desa_id):
        raise TidakDitemukan("Pemilih tidak ditemukan di wilayah kerja Anda.")
    if cakupan.peran in PERAN_TPS and pemilih.tps_id != cakupan.tps_id:
        raise Dilarang("Pemilih ini bukan pemilih di TPS Anda.")
    return cakupan


def _periksa(p: Pemilih, pemilu: Pemilu) -> list[str]:
    """Refuse a record with errors; return the codes of its warnings."""
    desa = Wilayah.objects.filter(kode=p.desa_id).first()
    if desa is None or desa.tingkat not in TINGKAT_DESA:
        raise DataTidakValid(f"Kode desa/kelurahan '{p.desa_id}' tidak dikenal.",
                             code=KodePemilih.DESA_TIDAK_VALID)
    if not di_bawah(desa.kode, pemilu.cakupan_id):
        raise DataTidakValid(f"{desa.kode} di luar cakupan {pemilu.nama}.",
                             code=KodePemilih.DI_LUAR_WILAYAH)
    temuan = pemilih_periksa(nik=p.nik, nkk=p.nkk, nama=p.nama, tanggal_lahir=p.tanggal_lahir,
                             jenis_kelamin=p.jenis_kelamin, status_kawin=p.status_kawin,
                             rt=p.rt, rw=p.rw, tanggal_pemungutan=pemilu.tanggal_pemungutan,
                             kecamatan_ada=_kecamatan_ada)
    galat = [t for t in temuan if t.galat]
    if galat:
        raise DataTidakValid(" ".join(t.pesan for t in galat), code=galat[0].kode,
                             details=[{"kode": t.kode, "pesan": t.pesan} for t in galat])
    if p.disabilitas not in range(7):
        raise DataTidakValid("Kode disabilitas harus 0 sampai 6.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    return [t.kode for t in temuan]


def _catat(*, akun, pemilih: Pemilih, aksi: str, sebelum: dict | None, sesudah: dict,
           alasan: str = "") -> None:
    RiwayatPemilih.objects.create(pemilih=pemilih, akun=akun if akun and akun.pk else None,
                                  akun_username=getattr(akun, "username", "") or "sistem",
                                  aksi=aksi, versi=pemilih.versi, sebelum=sebelum,
                                  sesudah=sesudah, alasan=alasan)
    audit_catat(akun=akun, aksi=aksi, objek=pemilih, wilayah_kode=pemilih.desa_id,
                sebelum=nilai_samarkan(sebelum), sesudah=nilai_samarkan(sesudah))


def pemilih_buat(*, akun, pemilu: Pemilu, nik: str, nkk: str, nama: str,
                 tanggal_lahir: date | None, jenis_kelamin: str, kode_desa: str,
                 tempat_lahir: str = "", status_kawin: str = "", alamat: str = "",
                 rt: str = "", rw: str = "", disabilitas: int = 0,
                 sumber: str = Sumber.COKLIT, tps: TPS | None = None,
                 alasan: str = "") -> Pemilih:
    """Add one person to an election's list (a *pemilih baru* found in coklit, or a
    response from the public). A Pantarlih adds to their own TPS only."""
    p = Pemilih(pemilu=pemilu, nik=nik.strip(), nkk=nkk.strip(), nama=nama.strip(),
                tempat_lahir=tempat_lahir.strip(), tanggal_lahir=tanggal_lahir,
                jenis_kelamin=jenis_kelamin.strip().upper(),
                status_kawin=status_kawin.strip().upper(), alamat=alamat.strip(),
                rt=rt.strip(), rw=rw.strip(), desa_id=kode_desa.strip(),
                disabilitas=disabilitas, sumber=sumber, tps=tps)
    _wajib_boleh_ubah(akun, p)
    if tps is not None and (tps.pemilu_id != pemilu.pk or tps.desa_id != p.desa_id):
        raise DataTidakValid("TPS harus TPS pemilu ini di desa/kelurahan pemilih.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    p.peringatan = _periksa(p, pemilu)
    with transaction.atomic():
        tahap_wajib_terbuka(pemilu_id=pemilu.pk, kode=p.desa_id)
        if Pemilih.objects.filter(pemilu=pemilu, nik=p.nik).exists():
            raise DataTidakValid("NIK ini sudah terdaftar di pemilu ini.",
                                 code=KodePemilih.NIK_GANDA)
        p.save()
        _catat(akun=akun, pemilih=p, aksi="pemilih.buat", sebelum=None, sesudah=_nilai(p),
               alasan=alasan)
    return p


def _terapkan(*, akun, pemilih_id: int, versi: int, aksi: str, alasan: str,
              ubah) -> Pemilih:
    """Lock the row, check the version the officer saw, apply `ubah(p)`, record it."""
    with transaction.atomic():
        p = Pemilih.objects.select_for_update().filter(pk=pemilih_id).first()
        if p is None:
            raise TidakDitemukan("Pemilih tidak ditemukan di wilayah kerja Anda.")
        _wajib_boleh_ubah(akun, p)
        if p.versi != versi:
            raise KonflikVersi(p, versi)
        tahap_wajib_terbuka(pemilu_id=p.pemilu_id, kode=p.desa_id)
        sebelum = _nilai(p)
        ubah(p)
        sesudah = _nilai(p)
        if sesudah == sebelum:
            return p
        p.versi += 1
        p.diubah = timezone.now()
        p.save()
        beda = [k for k in sesudah if sesudah[k] != sebelum[k]]
        _catat(akun=akun, pemilih=p, aksi=aksi, sebelum={k: sebelum[k] for k in beda},
               sesudah={k: sesudah[k] for k in beda}, alasan=alasan)
    return p


def _ubah_data(akun, perubahan: dict):
    """A change of data elements, checked like a new record (used by corrections and by
    coklit, code U on the coklit form)."""
    tidak_dikenal = sorted(set(perubahan) - set(FIELD_DATA) - {"kode_desa"})
    if tidak_dikenal:
        raise DataTidakValid(f"Kolom tidak dapat diubah: {', '.join(tidak_dikenal)}.",
                             code=KodePemilih.DATA_TIDAK_VALID)

    def ubah(p: Pemilih) -> None:
        for k, v in perubahan.items():
            k = "desa_id" if k == "kode_desa" else k
            setattr(p, k, v.strip() if isinstance(v, str) else v)
        p.jenis_kelamin = p.jenis_kelamin.upper()
        p.status_kawin = p.status_kawin.upper()
        _wajib_boleh_ubah(akun, p)
        nik_lain = Pemilih.objects.filter(pemilu_id=p.pemilu_id, nik=p.nik).exclude(pk=p.pk)
        if nik_lain.exists():
            raise DataTidakValid("NIK ini sudah terdaftar di pemilu ini.",
                                 code=KodePemilih.NIK_GANDA)
        p.peringatan = _periksa(p, p.pemilu)

    return ubah


def pemilih_ubah(*, akun, pemilih_id: int, versi: int, perubahan: dict,
                 alasan: str = "") -> Pemilih:
    """Correct a voter's data elements. `versi` is the version the officer saw; a stale
    one is refused with `pemilih.konflik_versi`."""
    return _terapkan(akun=akun, pemilih_id=pemilih_id, versi=versi, aksi="pemilih.ubah",
                     alasan=alasan, ubah=_ubah_data(akun, perubahan))


def kategori_tms_ambil(kode: str | None) -> KategoriTMS:
    if not kode:
        raise DataTidakValid("Pemilih TMS wajib diberi kategori TMS.",
                             code=KodePemilih.TMS_TANPA_KATEGORI)
    kategori = KategoriTMS.objects.filter(kode=kode, aktif=True).first()
    if kategori is None:
        raise DataTidakValid(f"Kategori TMS '{kode}' tidak dikenal.",
                             code=KodePemilih.KATEGORI_TIDAK_DIKENAL)
    return kategori


def pemilih_tandai_tms(*, akun, pemilih_id: int, versi: int, kategori: str | None,
                       alasan: str = "") -> Pemilih:
    """Mark a voter not eligible (TMS). A TMS without a category is refused: the recap
    counts TMS by category (RULES.md §4)."""
    k = kategori_tms_ambil(kategori)

    def ubah(p: Pemilih) -> None:
        p.status, p.kategori_tms = StatusPemilih.TMS, k

    return _terapkan(akun=akun, pemilih_id=pemilih_id, versi=versi, aksi="pemilih.tms",
                     alasan=alasan, ubah=ubah)


def pemilih_tandai_ms(*, akun, pemilih_id: int, versi: int, alasan: str = "") -> Pemilih:
    """Mark a voter eligible (MS), undoing an earlier TMS."""

    def ubah(p: Pemilih) -> None:
        p.status, p.kategori_tms = StatusPemilih.AKTIF, None

    return _terapkan(akun=akun, pemilih_id=pemilih_id, versi=versi, aksi="pemilih.ms",
                     alasan=alasan, ubah=ubah)


# --- import of DP4 / voter lists ---------------------------------------------------------------
PERAN_IMPOR = PERAN_KPU


def impor_mulai(*, akun, pemilu: Pemilu, data: bytes, nama_berkas: str,
                sumber: str = Sumber.DP4, latar: bool = True) -> ImporPemilih:
    """Check the file as a whole, store it, and queue the import job (or run it now when
    `latar` is False, as the CLI does). Returns the job; rows are checked by the job."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_IMPOR, "Hanya KPU yang dapat mengimpor DP4/daftar pemilih.")
    _wajib_pemilu(cakupan, pemilu.pk)
    if sumber not in Sumber.values:
        raise DataTidakValid(f"Sumber '{sumber}' tidak dikenal.", code=KodePemilih.DATA_TIDAK_VALID)
    berkas_periksa(data, nama_berkas)
    tahap_wajib_terbuka(pemilu_id=pemilu.pk, kode=cakupan.akar or pemilu.cakupan_id or "",
                        termasuk_bawah=True)
    with transaction.atomic():
        impor = ImporPemilih(pemilu=pemilu, akun=akun, wilayah_kode=cakupan.akar or "",
                             sumber=sumber, nama_berkas=nama_berkas[:255],
                             sha256=hashlib.sha256(data).hexdigest(), ukuran=len(data))
        impor.berkas.save(f"{uuid.uuid4().hex}{Path(nama_berkas).suffix.lower()}",
                          ContentFile(data), save=False)
        impor.save()
        audit_catat(akun=akun, aksi="pemilih.impor_unggah", objek=impor,
                    wilayah_kode=impor.wilayah_kode,
                    sesudah={"pemilu": pemilu.pk, "berkas": impor.nama_berkas,
                             "sha256": impor.sha256, "ukuran": impor.ukuran})
        if latar:
            transaction.on_commit(lambda: _antrekan(impor))
    if not latar:
        impor = impor_jalankan(impor_id=impor.pk)
    return impor


def _antrekan(impor: ImporPemilih) -> None:
    from .antrean import antrekan
    from .tasks import impor_tugas

    if not antrekan(impor_tugas, impor.pk):
        ImporPemilih.objects.filter(pk=impor.pk, status=StatusImpor.ANTRE).update(
            status=StatusImpor.GAGAL, kode_galat=KodePemilih.ANTREAN_TIDAK_TERSEDIA,
            pesan="Antrean tugas (Redis) tidak dapat dihubungi; unggah ulang nanti.",
            selesai=timezone.now())


def impor_jalankan(*, impor_id: int) -> ImporPemilih:
    """Process a queued job once; a job that already ran is returned as it is, so a
    redelivered task does not import twice."""
    with transaction.atomic():
        impor = (ImporPemilih.objects.select_for_update(of=("self",))
                 .select_related("pemilu", "akun").get(pk=impor_id))
        if impor.status != StatusImpor.ANTRE:
            return impor
        ImporPemilih.objects.filter(pk=impor.pk).update(status=StatusImpor.BERJALAN)
    try:
        tahap_wajib_terbuka(pemilu_id=impor.pemilu_id, termasuk_bawah=True,
                            kode=impor.wilayah_kode or impor.pemilu.cakupan_id or "")
        with impor.berkas.open("rb") as f:
            data = f.read()
        return impor_proses(impor=impor, data=data)
    except (DataTidakValid, TahapTerkunci) as e:
        ImporPemilih.objects.filter(pk=impor.pk).update(
            status=StatusImpor.GAGAL, kode_galat=e.code, pesan=e.message, tahap="",
            selesai=timezone.now())
    except Exception:
        log.exception("impor pemilih #%s gagal", impor.pk)
        ImporPemilih.objects.filter(pk=impor.pk).update(
            status=StatusImpor.GAGAL, kode_galat="pemilih.impor_galat_sistem", tahap="",
            pesan="Impor berhenti karena galat sistem; tidak ada data yang tersimpan. "
                  "Hubungi admin.", selesai=timezone.now())
    impor.refresh_from_db()
    return impor


def impor_temuan_ekspor(*, akun, impor_id: int) -> bytes:
    """The report of an import as CSV: every refused line with its reason, and every
    warning kept with an imported line. Audited like every export."""
    from simpul.core.tabel import tulis_csv

    from .selectors import impor_ambil

    impor = impor_ambil(akun=akun, impor_id=impor_id)
    temuan = list(impor.temuan.order_by("baris", "id").values_list("baris", "galat", "kode",
                                                                    "pesan"))
    with transaction.atomic():
        audit_catat(akun=akun, aksi="pemilih.impor_temuan_ekspor", objek=impor,
                    wilayah_kode=impor.wilayah_kode, sesudah={"baris": len(temuan)})
    return tulis_csv(["baris", "jenis", "kode", "pesan"],
                     ((b, "galat" if g else "peringatan", k, p) for b, g, k, p in temuan))


# --- coklit (pencocokan dan penelitian) by Pantarlih --------------------------------------------
@dataclass(frozen=True)
class HasilSimpanCoklit:
    pemilih: Pemilih
    diulang: bool  # True: this key was saved before; nothing was applied again


def _kunci_periksa(kunci: str) -> str:
    kunci = (kunci or "").strip()
    if not 8 <= len(kunci) <= 64:
        raise DataTidakValid("Kunci idempoten (8–64 karakter) wajib dikirim.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    return kunci


def _sidik(isi: dict) -> str:
    return hashlib.sha256(json.dumps(isi, sort_keys=True, default=str).encode()).hexdigest()


def _ulang(akun, ada: KunciIdempoten, sidik: str) -> HasilSimpanCoklit:
    """A key seen before: the first result if the content is the same, else refused."""
    if ada.sidik != sidik:
        raise DataTidakValid("Kunci idempoten ini sudah dipakai untuk penyimpanan lain.",
                             code=KodePemilih.KUNCI_IDEMPOTEN_BENTROK, status=409)
    p = Pemilih.objects.get(pk=ada.pemilih_id)
    _wajib_boleh_ubah(akun, p)
    return HasilSimpanCoklit(p, True)


def _sekali(akun, kunci: str, sidik: str, simpan) -> HasilSimpanCoklit:
    """Run `simpan()` (which writes the key row in its transaction) once per key: a retry,
    or a concurrent send of the same key that loses the race on the unique key, gets the
    first result."""
    ada = KunciIdempoten.objects.filter(kunci=kunci).first()
    if ada is not None:
        return _ulang(akun, ada, sidik)
    try:
        p = simpan()
    except IntegrityError:
        ada = KunciIdempoten.objects.filter(kunci=kunci).first()
        if ada is None:
            raise
        return _ulang(akun, ada, sidik)
    return HasilSimpanCoklit(p, False)


def coklit_simpan(*, akun, pemilih_id: int, versi: int, kunci: str, hasil: str,
                  kategori: str | None = None, perubahan: dict | None = None,
                  stiker: bool = False, alasan: str = "") -> HasilSimpanCoklit:
    """Record the coklit of one voter: MS, or TMS with its category (a TMS without a
    category is refused), with any corrections and the sticker.

    `kunci` is made by the officer's device once per save: a retry with the same key is
    answered with the first result and not applied twice (ANCHORS.md, e-Coklit: saves
    lost on bad connections). `versi` is the version the officer saw: when another
    officer saved in between, the save is refused with `pemilih.konflik_versi`."""
    kunci = _kunci_periksa(kunci)
    if hasil not in (HasilCoklit.MS, HasilCoklit.TMS):
        raise DataTidakValid("Hasil coklit harus ms atau tms.", code=KodePemilih.DATA_TIDAK_VALID)
    if hasil == HasilCoklit.MS and kategori:
        raise DataTidakValid("Kategori TMS hanya untuk pemilih TMS.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    k = kategori_tms_ambil(kategori) if hasil == HasilCoklit.TMS else None
    perubahan = perubahan or {}
    sidik = _sidik({"pemilih": pemilih_id, "versi": versi, "hasil": hasil,
                    "kategori": kategori or "", "perubahan": perubahan, "stiker": stiker})
    ubah_data = _ubah_data(akun, perubahan) if perubahan else None

    def ubah(p: Pemilih) -> None:
        if ubah_data:
            ubah_data(p)
        p.coklit, p.coklit_pada, p.stiker = hasil, timezone.now(), stiker
        if k is None:
            p.status, p.kategori_tms = StatusPemilih.AKTIF, None
        else:
            p.status, p.kategori_tms = StatusPemilih.TMS, k

    def simpan() -> Pemilih:
        with transaction.atomic():
            # The key row first: a concurrent retry with the same key waits here and then
            # finds it, instead of racing to apply the same save.
            catatan = KunciIdempoten.objects.create(kunci=kunci, akun=akun, sidik=sidik,
                                                    pemilih_id=pemilih_id, versi=0)
            p = _terapkan(akun=akun, pemilih_id=pemilih_id, versi=versi,
                          aksi=f"pemilih.coklit_{hasil}", alasan=alasan, ubah=ubah)
            catatan.versi = p.versi
            catatan.save(update_fields=["versi"])
        return p

    return _sekali(akun, kunci, sidik, simpan)


def coklit_baru_simpan(*, akun, tps: TPS, kunci: str, nik: str, nkk: str, nama: str,
                       tanggal_lahir: date | None, jenis_kelamin: str, tempat_lahir: str = "",
                       status_kawin: str = "", alamat: str = "", rt: str = "", rw: str = "",
                       disabilitas: int = 0) -> HasilSimpanCoklit:
    """A Pantarlih records an eligible person not yet listed (pemilih baru) at their TPS.
    Idempotent like `coklit_simpan`: a new voter sent again from the device's queue with
    the same key is answered with the voter made the first time, not refused as a NIK
    already listed (which would read as a failed save)."""
    kunci = _kunci_periksa(kunci)
    data = {"nik": nik, "nkk": nkk, "nama": nama, "tanggal_lahir": tanggal_lahir,
            "jenis_kelamin": jenis_kelamin, "tempat_lahir": tempat_lahir,
            "status_kawin": status_kawin, "alamat": alamat, "rt": rt, "rw": rw,
            "disabilitas": disabilitas}
    sidik = _sidik({"tps": tps.pk, **data})

    def simpan() -> Pemilih:
        with transaction.atomic():
            # A concurrent send of the same new voter waits on the unique NIK and then
            # fails; `_sekali` answers it from the key row written here.
            p = pemilih_buat(akun=akun, pemilu=tps.pemilu, kode_desa=tps.desa_id, tps=tps,
                             sumber=Sumber.COKLIT, alasan="pemilih baru (coklit)", **data)
            KunciIdempoten.objects.create(kunci=kunci, akun=akun, sidik=sidik, pemilih=p,
                                          versi=p.versi)
        return p

    return _sekali(akun, kunci, sidik, simpan)
