"""Writes of the ad hoc domain. Each runs in one transaction with its audit entry."""

import hashlib
import re
import secrets
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from simpul.core.audit import audit_catat, snapshot
from simpul.core.dokumen import DOCX, PDF, pdf_render, tanggal_teks
from simpul.core.errors import DataTidakValid, Konflik, SimpulError
from simpul.core.nik import nik_periksa, nik_samarkan
from simpul.core.roles import PERAN_KPU, Peran
from simpul.core.scope import Cakupan, di_bawah, q_subpohon
from simpul.core.tabel import baca_tabel, tulis_xlsx
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.models import Wilayah
from simpul.wilayah.rules import TINGKAT_DESA

from .dokumen import KONTEKS_CONTOH, docx_render, templat_bawaan, templat_periksa
from .errors import KodeAdhoc
from .models import (
    SK,
    Anggota,
    AnggotaPartai,
    Berkas,
    Jabatan,
    JenisBerkas,
    JenisDokumen,
    JenisKegiatan,
    JenisSK,
    Kegiatan,
    Kehadiran,
    Pendaftar,
    PenempatanJalan,
    PerpanjanganPendaftaran,
    Rekrutmen,
    RiwayatPeriode,
    StatusAnggota,
    StatusPendaftar,
    TemplatDokumen,
)
from .penempatan import Pelamar, Unit, tempatkan
from .rules import (
    BERKAS_MAKS_BYTE,
    JENJANG_PENDIDIKAN,
    LABEL_BADAN,
    PERPANJANGAN_KALI_KEBUTUHAN,
    Badan,
    Hasil,
    akhir_pendaftaran,
    berkas_periksa,
    hasil_akhir,
    jarak_domisili,
    kode_kecamatan,
    nama_baku,
    pantarlih_per_tps,
    parameter_penempatan,
    parameter_syarat,
    perpanjangan_layak,
    ukuran_badan,
    usia_pada,
)
from .selectors import (
    PERAN_VERIFIKATOR,
    BarisRencana,
    anggota_ambil,
    anggota_daftar,
    dasbor_rekrutmen,
    kegiatan_ambil,
    paw_calon,
    pendaftar_ambil,
    pendaftar_syarat,
    peringkat_seleksi,
    perpanjangan_per_wilayah,
    perpanjangan_rekrutmen,
    peserta_kegiatan,
    rekrutmen_staf,
    rencana_rinci,
    sk_ambil,
    templat_untuk,
)

KOLOM_KURSI = ["TPS", "Pemilih", "TPS > ambang Pantarlih", "TPS tanpa jumlah pemilih",
               "PPK", "PPS", "KPPS", "Pantarlih", "Jumlah kursi"]


def _angka(b: BarisRencana) -> list[int]:
    k = b.kursi
    return [b.tps, b.pemilih, b.tps_di_atas_ambang, b.tps_tanpa_pemilih,
            k.ppk, k.pps, k.kpps, k.pantarlih, k.total]


def rencana_ekspor_xlsx(*, akun, pemilu: Pemilu, kode: str | None = None) -> bytes:
    """The staffing plan of a node as an XLSX workbook (summary, per kecamatan, per
    desa/kelurahan). Exporting is audited."""
    r = rencana_rinci(akun=akun, pemilu=pemilu, kode=kode)
    ringkas = [["Rencana kebutuhan badan ad hoc"], ["Pemilu", pemilu.nama],
               ["Wilayah", r.total.nama, r.total.kode], [], ["Parameter", "Nilai"],
               *[[nama, "-" if nilai is None else nilai] for nama, nilai in vars(r.ukuran).items()],
               [], ["Kecamatan", "Desa/kelurahan", *KOLOM_KURSI],
               [r.total.kecamatan, r.total.desa, *_angka(r.total)]]
    kec = [["Kode", "Kabupaten/kota", "Kecamatan", "Desa/kelurahan", *KOLOM_KURSI],
           *[[b.kode, r.nama_induk.get(b.kode[:5], ""), b.nama, b.desa, *_angka(b)]
             for b in r.kecamatan]]
    desa = [["Kode", "Kabupaten/kota", "Kecamatan", "Desa/kelurahan", "Tingkat", *KOLOM_KURSI],
            *[[b.kode, kab, nama_kec, b.nama, b.tingkat, *_angka(b)]
              for kab, nama_kec, b in r.baris_desa()]]
    isi = tulis_xlsx([("Ringkasan", ringkas), ("Per kecamatan", kec), ("Per desa", desa)])
    with transaction.atomic():
        audit_catat(akun=akun, aksi="adhoc.rencana.ekspor", objek=pemilu,
                    sesudah={"wilayah": r.total.kode or None, "desa": len(r.desa),
                             "kursi": vars(r.total.kursi)},
                    wilayah_kode=r.total.kode)
    return isi


# --- Recruitment rounds and registration ---------------------------------------------------

# The level of the work area each body applies for.
TINGKAT_TUGAS = {Badan.PPK: ("kecamatan",), Badan.PPS: TINGKAT_DESA,
                 Badan.KPPS: TINGKAT_DESA, Badan.PANTARLIH: TINGKAT_DESA}
BERKAS_WAJIB = (JenisBerkas.KTP, JenisBerkas.IJAZAH, JenisBerkas.SURAT_SEHAT,
                JenisBerkas.SURAT_PERNYATAAN)
_HURUF_NOMOR = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
_POLA_TELEPON = re.compile(r"^(\+62|62|0)8\d{7,12}$")


def rekrutmen_buat(*, akun, pemilu: Pemilu, badan: str, kode_wilayah: str, nama: str,
                   pengumuman: date, pendaftaran_mulai: date, pendaftaran_selesai: date,
                   **jadwal) -> Rekrutmen:
    """A recruitment round, opened by the KPU office of the territory (or above)."""
    if badan not in Badan.__members__.values():
        raise DataTidakValid(f"Badan '{badan}' tidak dikenal.",
                             code=KodeAdhoc.REKRUTMEN_TIDAK_VALID)
    Cakupan.dari(akun).wajib_mengelola(kode_wilayah, "Hanya KPU yang berwenang di wilayah ini.")
    if pemilu.cakupan_id and not di_bawah(kode_wilayah, pemilu.cakupan_id):
        raise DataTidakValid(f"Wilayah {kode_wilayah} di luar cakupan {pemilu.nama}.",
                             code=KodeAdhoc.REKRUTMEN_TIDAK_VALID)
    if pendaftaran_selesai < pendaftaran_mulai:
        raise DataTidakValid("Akhir pendaftaran sebelum awal pendaftaran.",
                             code=KodeAdhoc.REKRUTMEN_TIDAK_VALID)
    wilayah = Wilayah.objects.get(kode=kode_wilayah)
    with transaction.atomic():
        r = Rekrutmen.objects.create(pemilu=pemilu, badan=badan, wilayah=wilayah, nama=nama,
                                     pengumuman=pengumuman, pendaftaran_mulai=pendaftaran_mulai,
                                     pendaftaran_selesai=pendaftaran_selesai, **jadwal)
        audit_catat(akun=akun, aksi="adhoc.rekrutmen.buat", objek=r, wilayah_kode=kode_wilayah,
                    sesudah={"badan": badan, "nama": nama, "pemilu": pemilu.pk,
                             "pendaftaran": [pendaftaran_mulai, pendaftaran_selesai]})
    return r


def _tolak(kode: str, pesan: str, **kw):
    raise DataTidakValid(pesan, code=kode, **kw)


def _akhir_pendaftaran(r: Rekrutmen, kode_tugas: str) -> date:
    return akhir_pendaftaran(selesai=r.pendaftaran_selesai,
                             perpanjangan=perpanjangan_rekrutmen(rekrutmen=r),
                             kode_tugas=kode_tugas)


def _periksa_isian(r: Rekrutmen, *, nik: str, tanggal_lahir: date, jenis_kelamin: str,
                   kode_domisili: str, kode_tugas: str, pendidikan: str, telepon: str,
                   berkas: dict[str, bytes], hari_ini: date) -> tuple[Wilayah, Wilayah, dict]:
    """Every refusal of a submission, in the order a person fixes them."""
    akhir = _akhir_pendaftaran(r, kode_tugas)
    if not (r.pendaftaran_mulai <= hari_ini <= akhir):
        raise Konflik(KodeAdhoc.PENDAFTARAN_DITUTUP,
                      f"Pendaftaran {r.nama} untuk wilayah ini dibuka "
                      f"{r.pendaftaran_mulai:%d-%m-%Y} sampai {akhir:%d-%m-%Y}.")
    temuan = nik_periksa(nik, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin,
                         kecamatan_ada=lambda k: Wilayah.objects.filter(
                             kode=k, tingkat="kecamatan").exists())
    galat = [t for t in temuan if t.galat]
    if galat:
        _tolak(galat[0].kode, galat[0].pesan, details={"temuan": [t.kode for t in galat]})
    minimal = parameter_syarat(r.pemilu, "usia_minimal")
    usia = usia_pada(tanggal_lahir, r.pemilu.tanggal_pemungutan)
    if usia < minimal:
        _tolak(KodeAdhoc.USIA_KURANG, f"Usia Anda pada hari pemungutan "
               f"({r.pemilu.tanggal_pemungutan:%d-%m-%Y}) {usia} tahun; minimal {minimal}.")
    tugas = Wilayah.objects.filter(kode=kode_tugas, aktif=True).first()
    if (tugas is None or tugas.tingkat not in TINGKAT_TUGAS[Badan(r.badan)]
            or not di_bawah(tugas.kode, r.wilayah_id)):
        _tolak(KodeAdhoc.WILAYAH_TUGAS, f"Wilayah yang dilamar harus "
               f"{' atau '.join(TINGKAT_TUGAS[Badan(r.badan)])} di {r.wilayah.nama}.")
    domisili = Wilayah.objects.filter(kode=kode_domisili, tingkat__in=TINGKAT_DESA).first()
    if domisili is None:
        _tolak(KodeAdhoc.DOMISILI, "Domisili harus kode desa/kelurahan yang dikenal.")
    if pendidikan not in JENJANG_PENDIDIKAN:
        _tolak(KodeAdhoc.PENDIDIKAN, "Pilih jenjang pendidikan terakhir dari daftar.")
    if not _POLA_TELEPON.match(telepon.replace(" ", "").replace("-", "")):
        _tolak(KodeAdhoc.TELEPON, "Nomor telepon seluler harus diawali 08 atau +628, "
               "10–15 angka.")
    kurang = [JenisBerkas(j).label for j in BERKAS_WAJIB if not berkas.get(j)]
    if kurang:
        _tolak(KodeAdhoc.BERKAS_KURANG, f"Berkas wajib belum diunggah: {', '.join(kurang)}.")
    maks = r.pemilu.param("berkas_maks_byte", BERKAS_MAKS_BYTE)
    diterima = {}
    for jenis, data in berkas.items():
        t = berkas_periksa(data, maks_byte=maks)
        if t.kode:
            _tolak(t.kode, f"{JenisBerkas(jenis).label}: {t.pesan}", details={"berkas": jenis})
        diterima[jenis] = t.mime
    return tugas, domisili, diterima


def pendaftar_daftar(*, rekrutmen: Rekrutmen, kunci_idempoten: str, nik: str, nama: str,
                     jenis_kelamin: str, tanggal_lahir: date, alamat: str, kode_domisili: str,
                     kode_tugas: str, pendidikan: str, telepon: str, email: str = "",
                     pengalaman: str = "", periode_sebelumnya: int = 0,
                     bukan_anggota_partai: bool, tidak_pernah_dipidana: bool,
                     melek_it: bool = False, berkas: dict[str, bytes],
                     akun=None, berkas_kertas_diterima: date | None = None,
                     hari_ini: date | None = None) -> tuple[Pendaftar, bool]:
    """Register an application from the public form (or by office staff for an applicant,
    `akun` set, audited as such). Returns (application, created).

    The idempotency key makes a double-click or a replay return the first application
    instead of a second; one NIK holds one application per election."""
    nik, kunci = nik.strip(), kunci_idempoten.strip()
    if not kunci or len(kunci) > 64:
        _tolak(KodeAdhoc.KUNCI_BENTROK, "Kunci pengiriman tidak valid; muat ulang formulir.")
    lama = Pendaftar.objects.filter(kunci_idempoten=kunci).first()
    if lama is not None:
        return _ulangan(lama, nik)
    hari_ini = hari_ini or timezone.localdate()
    if akun is not None:
        hari_ini = _periksa_bantuan(akun, rekrutmen, kode_tugas, berkas_kertas_diterima,
                                    hari_ini)
    tugas, domisili, mime = _periksa_isian(
        rekrutmen, nik=nik, tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin,
        kode_domisili=kode_domisili, kode_tugas=kode_tugas, pendidikan=pendidikan,
        telepon=telepon, berkas=berkas, hari_ini=hari_ini)
    if Pendaftar.objects.filter(pemilu_id=rekrutmen.pemilu_id, nik=nik).exists():
        raise _ganda(rekrutmen)
    try:
        with transaction.atomic():
            p = Pendaftar(
                rekrutmen=rekrutmen, pemilu_id=rekrutmen.pemilu_id, kunci_idempoten=kunci,
                nomor=_nomor_baru(rekrutmen), nik=nik, nama=nama.strip(),
                jenis_kelamin=jenis_kelamin, tanggal_lahir=tanggal_lahir, alamat=alamat.strip(),
                domisili=domisili, wilayah_tugas=tugas, pendidikan=pendidikan,
                telepon=telepon.strip(), email=email.strip(), pengalaman=pengalaman.strip(),
                periode_sebelumnya=periode_sebelumnya,
                bukan_anggota_partai=bukan_anggota_partai,
                tidak_pernah_dipidana=tidak_pernah_dipidana, melek_it=melek_it,
                dibantu_oleh=akun, berkas_kertas_diterima=hari_ini if akun else None)
            p.save()
            for jenis, data in berkas.items():
                b = Berkas(pendaftar=p, jenis=jenis, mime=mime[jenis], ukuran=len(data),
                           sha256=hashlib.sha256(data).hexdigest())
                b.berkas.save(f"{p.nomor}-{jenis}.{mime[jenis].split('/')[1]}",
                              ContentFile(data), save=False)
                b.save()
            p.hasil_syarat = [asdict(h) for h in pendaftar_syarat(pendaftar=p)]
            p.save(update_fields=["hasil_syarat"])
            audit_catat(akun=akun, aksi="adhoc.pendaftar.daftar", objek=p,
                        wilayah_kode=tugas.kode,
                        sesudah={"nomor": p.nomor, "rekrutmen": rekrutmen.pk,
                                 "dibantu_petugas": akun is not None,
                                 "berkas_kertas_diterima": p.berkas_kertas_diterima,
                                 "berkas": {b.jenis: b.sha256 for b in p.berkas.all()}})
    except IntegrityError:
        # A concurrent submission won the race: the same key is a replay, the same NIK
        # a duplicate.
        lama = Pendaftar.objects.filter(kunci_idempoten=kunci).first()
        if lama is not None:
            return _ulangan(lama, nik)
        raise _ganda(rekrutmen) from None
    return p, True


TENGGANG_BANTUAN_HARI = 3


def _periksa_bantuan(akun, r: Rekrutmen, kode_tugas: str, diterima: date | None,
                     hari_ini: date) -> date:
    """Assisted registration (ANCHORS.md SIAKBA row 1: an applicant who brought paper was
    turned away): KPU Kab/Kota, PPK and PPS staff enter the application for a work area
    inside their own territory. The date the office received the paper is what must fall
    in the registration period, so a queue at the deadline is not lost; it may be entered
    up to `pendaftaran_dibantu_tenggang_hari` days (default 3, an office practice, not a
    regulation figure) after the period closed. Returns the date that counts."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_VERIFIKATOR, "Hanya KPU Kabupaten/Kota, PPK dan PPS yang "
                        "mendaftarkan pelamar dengan berkas kertas.")
    if ((cakupan.pemilu_id and cakupan.pemilu_id != r.pemilu_id)
            or not cakupan.mencakup(kode_tugas)):
        raise SimpulError(KodeAdhoc.PENDAFTARAN_DIBANTU, "Wilayah yang dilamar di luar "
                          "wilayah kerja Anda.", status=403)
    diterima = diterima or hari_ini
    if diterima > hari_ini:
        _tolak(KodeAdhoc.PENDAFTARAN_DIBANTU, "Tanggal berkas kertas diterima tidak boleh "
               "di masa depan.")
    tenggang = r.pemilu.param("pendaftaran_dibantu_tenggang_hari", TENGGANG_BANTUAN_HARI)
    akhir = _akhir_pendaftaran(r, kode_tugas)
    if (hari_ini - akhir).days > tenggang:
        raise Konflik(KodeAdhoc.PENDAFTARAN_DITUTUP, f"Berkas kertas dapat dimasukkan paling "
                      f"lambat {tenggang} hari setelah pendaftaran ditutup "
                      f"({akhir:%d-%m-%Y}).")
    return diterima


def _ulangan(lama: Pendaftar, nik: str) -> tuple[Pendaftar, bool]:
    if lama.nik != nik:
        raise Konflik(KodeAdhoc.KUNCI_BENTROK, "Kunci pengiriman ini sudah dipakai untuk "
                      "pendaftaran lain; muat ulang formulir.")
    return lama, False


def _ganda(r: Rekrutmen) -> Konflik:
    return Konflik(KodeAdhoc.PENDAFTAR_GANDA,
                   f"NIK ini sudah terdaftar pada {r.pemilu.nama}. Satu orang hanya boleh "
                   "mendaftar satu kali per pemilu; cek status dengan nomor pendaftaran Anda.")


def _nomor_baru(r: Rekrutmen) -> str:
    for _ in range(10):
        nomor = f"{r.badan.upper()}-" + "".join(secrets.choice(_HURUF_NOMOR) for _ in range(8))
        if not Pendaftar.objects.filter(nomor=nomor).exists():
            return nomor
    raise RuntimeError("nomor pendaftaran tidak dapat dibuat")


def pendaftar_putuskan(*, akun, pendaftar_id: int, keputusan: str, alasan: str = "") -> Pendaftar:
    """A verifier's decision: memenuhi syarat (MS) or tidak memenuhi syarat (TMS).

    The rules are run again at decision time (the party lists may have grown) and kept with
    the decision. TMS needs a reason; so does MS against a rule that refuses."""
    alasan = alasan.strip()
    if keputusan not in (StatusPendaftar.MEMENUHI_SYARAT, StatusPendaftar.TIDAK_MEMENUHI_SYARAT):
        _tolak(KodeAdhoc.KEPUTUSAN_TIDAK_VALID, "Keputusan harus MS atau TMS.")
    with transaction.atomic():
        p = pendaftar_ambil(akun=akun, pendaftar_id=pendaftar_id, kunci=True)
        hasil = pendaftar_syarat(pendaftar=p)
        if keputusan == StatusPendaftar.TIDAK_MEMENUHI_SYARAT and not alasan:
            _tolak(KodeAdhoc.KEPUTUSAN_TIDAK_VALID, "Tuliskan alasan tidak memenuhi syarat.")
        if (keputusan == StatusPendaftar.MEMENUHI_SYARAT and not alasan
                and hasil_akhir(hasil) == Hasil.TIDAK_LULUS):
            _tolak(KodeAdhoc.KEPUTUSAN_TIDAK_VALID, "Ada syarat yang tidak lulus; tuliskan "
                   "alasan bila tetap memenuhi syarat.")
        sebelum = snapshot(p, ["status", "alasan_keputusan", "diputuskan_oleh_id"])
        p.status, p.alasan_keputusan = keputusan, alasan
        p.diputuskan_oleh, p.diputuskan_pada = akun, timezone.now()
        p.hasil_syarat = [asdict(h) for h in hasil]
        p.save(update_fields=["status", "alasan_keputusan", "diputuskan_oleh",
                              "diputuskan_pada", "hasil_syarat"])
        audit_catat(akun=akun, aksi="adhoc.pendaftar.putuskan", objek=p, sebelum=sebelum,
                    sesudah={"status": keputusan, "alasan_keputusan": alasan,
                             "syarat": {h.syarat: h.hasil.value for h in hasil}},
                    wilayah_kode=p.wilayah_tugas_id)
    return p


KOLOM_PARTAI = ["nik", "nama", "tanggal_lahir", "partai", "keluar"]


def _tanggal(teks: str) -> date | None:
    for bentuk in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(teks.split(" ")[0], bentuk).date()
        except ValueError:
            continue
    return None


def anggota_partai_impor(*, akun, pemilu: Pemilu, data: bytes, nama_berkas: str) -> dict:
    """Load a party membership list (e.g. a SIPOL export: nik, nama, tanggal_lahir, partai,
    keluar) for the party rule. Bad rows are reported by line; good rows are kept."""
    Cakupan.dari(akun).wajib_peran(PERAN_KPU, "Hanya KPU yang mengunggah daftar anggota partai.")
    baris, galat = [], []
    for nomor, sel in baca_tabel(data, nama_berkas, wajib={"nama", "tanggal_lahir", "partai"},
                                 kode=KodeAdhoc.DAFTAR_PARTAI):
        nik, lahir = sel.get("nik", ""), _tanggal(sel.get("tanggal_lahir", ""))
        keluar = _tanggal(sel["keluar"]) if sel.get("keluar") else None
        if nik and (not nik.isdigit() or len(nik) != 16):
            galat.append({"baris": nomor, "pesan": f"NIK '{nik}' bukan 16 angka"})
        elif lahir is None or not sel.get("nama") or not sel.get("partai"):
            galat.append({"baris": nomor, "pesan": "nama, tanggal_lahir dan partai wajib diisi"})
        else:
            baris.append(AnggotaPartai(pemilu=pemilu, nik=nik, nama=sel["nama"],
                                       nama_baku=nama_baku(sel["nama"]), tanggal_lahir=lahir,
                                       partai=sel["partai"], keluar=keluar,
                                       sumber=f"{nama_berkas} baris {nomor}"[:200]))
    with transaction.atomic():
        AnggotaPartai.objects.bulk_create(baris, batch_size=5000)
        audit_catat(akun=akun, aksi="adhoc.anggota_partai.impor", objek=pemilu,
                    sesudah={"berkas": nama_berkas, "baris": len(baris), "galat": len(galat),
                             "sha256": hashlib.sha256(data).hexdigest()})
    return {"diimpor": len(baris), "galat": galat}


KOLOM_RIWAYAT = ["nik", "badan", "pemilu", "tahun"]


def riwayat_periode_impor(*, akun, data: bytes, nama_berkas: str) -> dict:
    """Import the terms people served in ad hoc bodies before Simpul (CSV/XLSX: nik,
    badan, pemilu, tahun) for the terms-served rule. Bad rows are reported by line, good
    rows kept; a row already on record is skipped and counted."""
    Cakupan.dari(akun).wajib_peran(PERAN_KPU, "Hanya KPU yang mengimpor riwayat periode.")
    badan_ok = {b.value: b.value for b in Badan} | {LABEL_BADAN[b].lower(): b.value
                                                    for b in Badan}
    tahun_maks = timezone.localdate().year
    baris, galat = [], []
    for nomor, sel in baca_tabel(data, nama_berkas, wajib=set(KOLOM_RIWAYAT),
                                 kode=KodeAdhoc.RIWAYAT_TIDAK_VALID):
        nik, badan = sel.get("nik", ""), badan_ok.get(sel.get("badan", "").strip().lower())
        tahun, pemilu = sel.get("tahun", "").split(".")[0], sel.get("pemilu", "").strip()
        if not (nik.isdigit() and len(nik) == 16):
            galat.append({"baris": nomor, "pesan": f"NIK '{nik}' bukan 16 angka"})
        elif badan is None:
            galat.append({"baris": nomor, "pesan": f"badan '{sel.get('badan', '')}' bukan "
                                                   "PPK, PPS, KPPS atau Pantarlih"})
        elif not pemilu:
            galat.append({"baris": nomor, "pesan": "nama pemilu wajib diisi"})
        elif not (tahun.isdigit() and 1999 <= int(tahun) <= tahun_maks):
            galat.append({"baris": nomor, "pesan": f"tahun '{tahun}' bukan 1999–{tahun_maks}"})
        else:
            baris.append(RiwayatPeriode(nik=nik, badan=badan, pemilu=pemilu[:150],
                                        tahun=int(tahun),
                                        sumber=f"{nama_berkas} baris {nomor}"[:200]))
    with transaction.atomic():
        sebelum = RiwayatPeriode.objects.count()
        RiwayatPeriode.objects.bulk_create(baris, batch_size=5000, ignore_conflicts=True)
        baru = RiwayatPeriode.objects.count() - sebelum
        audit_catat(akun=akun, aksi="adhoc.riwayat_periode.impor",
                    objek_tipe="adhoc.riwayatperiode",
                    sesudah={"berkas": nama_berkas, "baris": baru,
                             "sudah_ada": len(baris) - baru, "galat": len(galat),
                             "sha256": hashlib.sha256(data).hexdigest()})
    return {"diimpor": baru, "sudah_ada": len(baris) - baru, "galat": galat}


def perpanjangan_tetapkan(*, akun, rekrutmen_id: int, kode_wilayah: str, selesai: date,
                          nomor_keputusan: str, tanggal_keputusan: date, berkas: bytes,
                          nama_berkas: str = "") -> PerpanjanganPendaftaran:
    """Extend registration in one kecamatan or desa/kelurahan whose applicants are fewer
    than twice the need (`rules.perpanjangan_layak`; ANCHORS.md SIAKBA row 3), recorded
    with its decision letter (number, date, the uploaded letter and its SHA-256).
    Registration in that area is accepted until `selesai`; elsewhere it closes on the
    round's own date (`adhoc.pendaftaran_ditutup`)."""
    r = rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    Cakupan.dari(akun).wajib_mengelola(r.wilayah_id, "Hanya KPU Kabupaten/Kota yang "
                                       "memperpanjang masa pendaftaran.")
    nomor = nomor_keputusan.strip()
    tingkat = ("kecamatan",) if r.badan == Badan.PPK else ("kecamatan", *TINGKAT_DESA)
    wilayah = Wilayah.objects.filter(kode=kode_wilayah, aktif=True).first()
    if (wilayah is None or wilayah.tingkat not in tingkat
            or not di_bawah(wilayah.kode, r.wilayah_id)):
        _tolak(KodeAdhoc.PERPANJANGAN_TIDAK_VALID, f"Perpanjangan berlaku untuk "
               f"{' atau '.join(tingkat)} di {r.wilayah.nama}.")
    if not nomor:
        _tolak(KodeAdhoc.PERPANJANGAN_TIDAK_VALID, "Nomor keputusan wajib diisi.")
    if selesai <= r.pendaftaran_selesai:
        _tolak(KodeAdhoc.PERPANJANGAN_TIDAK_VALID, f"Akhir perpanjangan harus sesudah akhir "
               f"pendaftaran ({r.pendaftaran_selesai:%d-%m-%Y}).")
    if tanggal_keputusan > selesai:
        _tolak(KodeAdhoc.PERPANJANGAN_TIDAK_VALID, "Tanggal keputusan sesudah akhir "
               "perpanjangan.")
    t = berkas_periksa(berkas, maks_byte=r.pemilu.param("berkas_maks_byte", BERKAS_MAKS_BYTE))
    if t.kode:
        _tolak(t.kode, f"Surat keputusan: {t.pesan}")
    baris = next((b for b in dasbor_rekrutmen(akun=akun, rekrutmen=r, kode=wilayah.induk_id)
                  .baris if b.kode == wilayah.kode), None)
    kebutuhan, pendaftar = (baris.kebutuhan, baris.pendaftar) if baris else (0, 0)
    kali = r.pemilu.param("perpanjangan_kali_kebutuhan", PERPANJANGAN_KALI_KEBUTUHAN)
    if not perpanjangan_layak(pendaftar=pendaftar, kebutuhan=kebutuhan, kali=kali):
        _tolak(KodeAdhoc.PERPANJANGAN_TIDAK_VALID, f"{wilayah.nama}: {pendaftar} pendaftar "
               f"untuk kebutuhan {kebutuhan}; pendaftaran diperpanjang hanya bila pendaftar "
               f"kurang dari {kali} × kebutuhan ({kali * kebutuhan}).")
    sha = hashlib.sha256(berkas).hexdigest()
    with transaction.atomic():
        p = PerpanjanganPendaftaran(rekrutmen=r, wilayah=wilayah, selesai=selesai,
                                    nomor_keputusan=nomor, tanggal_keputusan=tanggal_keputusan,
                                    berkas_sha256=sha, pendaftar=pendaftar, kebutuhan=kebutuhan,
                                    dibuat_oleh=akun)
        p.berkas.save(f"perpanjangan-{r.pk}-{wilayah.kode}.{t.mime.split('/')[1]}",
                      ContentFile(berkas), save=False)
        p.save()
        audit_catat(akun=akun, aksi="adhoc.pendaftaran.perpanjang", objek=p,
                    wilayah_kode=wilayah.kode,
                    sesudah={"rekrutmen": r.pk, "wilayah": wilayah.kode, "selesai": selesai,
                             "selesai_semula": r.pendaftaran_selesai, "nomor": nomor,
                             "tanggal_keputusan": tanggal_keputusan, "berkas_sha256": sha,
                             "berkas": nama_berkas[:200], "pendaftar": pendaftar,
                             "kebutuhan": kebutuhan})
    return p


# --- Placement of members into seats --------------------------------------------------------

def _kode_hadir() -> str:
    return secrets.token_urlsafe(12)


@dataclass
class _UnitData:
    kunci: str
    label: str
    wilayah_id: str
    tps_id: int | None
    unit: Unit


def _unit_penempatan(r: Rekrutmen) -> list[_UnitData]:
    """The bodies of a round in filling order, with their seats and IT minimum."""
    pemilu, u = r.pemilu, ukuran_badan(r.pemilu)
    awal = q_subpohon("kode", r.wilayah_id)
    if pemilu.cakupan_id:
        awal &= q_subpohon("kode", pemilu.cakupan_id)
    if r.badan in (Badan.KPPS, Badan.PANTARLIH):
        kpps = r.badan == Badan.KPPS
        min_it = parameter_penempatan(pemilu, "kpps_min_melek_it" if kpps
                                      else "pantarlih_min_melek_it")
        sekitar = kpps and parameter_penempatan(pemilu, "kpps_dari_desa_sekitar")
        tps = (TPS.objects.filter(pemilu=pemilu).filter(
                   Q(desa_id__startswith=r.wilayah_id + "."))
               .select_related("desa").order_by("desa_id", "nomor"))
        return [_UnitData(
            f"tps:{t.pk}", f"TPS {t.nomor:03d} {t.desa.nama}", t.desa_id, t.pk,
            Unit(f"tps:{t.pk}", t.desa_id,
                 u.kpps_per_tps if kpps else pantarlih_per_tps(t.jumlah_pemilih, u),
                 min_it, kode_kecamatan(t.desa_id) if sekitar else None))
            for t in tps]
    tingkat, kursi = (("kecamatan",), u.ppk_per_kecamatan) if r.badan == Badan.PPK else (
        TINGKAT_DESA, u.pps_per_desa)
    wilayah = Wilayah.objects.filter(awal, tingkat__in=tingkat, aktif=True).order_by("kode")
    return [_UnitData(f"wil:{w.kode}", f"{w.get_tingkat_display()} {w.nama}", w.kode, None,
                      Unit(f"wil:{w.kode}", w.kode, kursi))
            for w in wilayah]


def penempatan_jalankan(*, akun, rekrutmen_id: int) -> PenempatanJalan:
    """Place the verified (MS) applicants of a round who hold no seat into the vacant seats
    (KPPS and Pantarlih per TPS, PPS per desa/kelurahan, PPK per kecamatan) with
    `penempatan.tempatkan`, write the seats, and keep the report of every unit left short.

    Seats already held are kept, so running it again only fills what is vacant. One
    transaction, one audit entry with a digest of every (seat, applicant) pair."""
    r = rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    Cakupan.dari(akun).wajib_mengelola(r.wilayah_id, "Hanya KPU Kabupaten/Kota yang "
                                       "menempatkan anggota badan ad hoc.")
    with transaction.atomic():
        Rekrutmen.objects.select_for_update().filter(pk=r.pk).first()
        units = _unit_penempatan(r)
        if not units:
            _tolak(KodeAdhoc.PENEMPATAN_TIDAK_VALID, f"Tidak ada TPS/wilayah untuk {r.nama}.")
        ada = (Anggota.objects.filter(rekrutmen=r, status=StatusAnggota.AKTIF)
               .values_list("kursi", "urut", "jabatan", "pendaftar__melek_it"))
        terisi, urut_dipakai, berketua = defaultdict(int), defaultdict(set), set()
        terisi_it = defaultdict(int)
        for kursi, urut, jabatan, it in ada:
            unit = kursi.rsplit("#", 1)[0]
            terisi[unit] += 1
            terisi_it[unit] += bool(it)
            urut_dipakai[unit].add(urut)
            if jabatan == Jabatan.KETUA:
                berketua.add(unit)
        units = [replace(d, unit=replace(d.unit, terisi=terisi[d.kunci],
                                         terisi_it=terisi_it[d.kunci])) for d in units]
        calon = list(Pendaftar.objects.filter(rekrutmen=r, status=StatusPendaftar.MEMENUHI_SYARAT)
                     .exclude(kursi__status=StatusAnggota.AKTIF)
                     .order_by("dibuat", "nomor")
                     .values_list("pk", "domisili_id", "wilayah_tugas_id", "melek_it"))
        luar = {pid: i for i, pid in enumerate(peringkat_seleksi(akun=akun, rekrutmen=r) or [])}
        pelamar = []
        for i, (pk, domisili, tugas, it) in enumerate(calon):
            rumah = domisili if r.badan in (Badan.KPPS, Badan.PANTARLIH) else tugas
            pelamar.append(Pelamar(pk, rumah, luar.get(pk, len(luar) + i), it,
                                   kode_kecamatan(rumah)))
        hasil = tempatkan([d.unit for d in units], pelamar)
        per_kunci = {d.kunci: d for d in units}
        baru = []
        for duduk in sorted(hasil.duduk, key=lambda x: (x.unit_id, not x.ketua)):
            d = per_kunci[duduk.unit_id]
            urut = next(n for n in range(1, 100) if n not in urut_dipakai[d.kunci])
            urut_dipakai[d.kunci].add(urut)
            ketua = duduk.ketua and d.kunci not in berketua
            baru.append(Anggota(
                rekrutmen=r, pemilu_id=r.pemilu_id, badan=r.badan, wilayah_id=d.wilayah_id,
                tps_id=d.tps_id, kursi=f"{d.kunci}#{urut}", urut=urut,
                jabatan=Jabatan.KETUA if ketua else Jabatan.ANGGOTA,
                pendaftar_id=duduk.pelamar_id, jarak=duduk.jarak, kode_hadir=_kode_hadir()))
        Anggota.objects.bulk_create(baru, batch_size=5000)
        kurang = [{"unit": k.unit_id, "label": per_kunci[k.unit_id].label,
                   "wilayah": per_kunci[k.unit_id].wilayah_id, "kursi_kosong": k.kursi_kosong,
                   "kurang_it": k.kurang_it, "alasan": k.alasan} for k in hasil.kekurangan]
        kursi_total = sum(d.unit.kursi for d in units)
        ringkasan = {"unit": len(units), "kursi": kursi_total,
                     "terisi_sebelumnya": sum(terisi.values()), "ditempatkan": len(baru),
                     "kursi_kosong": sum(k["kursi_kosong"] for k in kurang),
                     "unit_kurang": len(kurang),
                     "unit_kurang_it": sum(1 for k in kurang if k["kurang_it"]),
                     "tidak_ditempatkan": len(hasil.tidak_ditempatkan),
                     "dari_sekitar": sum(1 for a in baru if a.jarak),
                     "urutan": "seleksi" if luar else "waktu_pendaftaran"}
        jalan = PenempatanJalan.objects.create(rekrutmen=r, akun=akun, ringkasan=ringkasan,
                                               kekurangan=kurang)
        sidik = hashlib.sha256("\n".join(sorted(f"{a.kursi} {a.pendaftar_id}" for a in baru))
                               .encode()).hexdigest()
        audit_catat(akun=akun, aksi="adhoc.penempatan.jalankan", objek=jalan,
                    sesudah={**ringkasan, "rekrutmen": r.pk, "sidik": sidik},
                    wilayah_kode=r.wilayah_id)
    return jalan


def anggota_jadikan_ketua(*, akun, anggota_id: int) -> Anggota:
    """Make a member the ketua of its body (the body chooses its chair; staff record it)."""
    with transaction.atomic():
        a = anggota_ambil(akun=akun, anggota_id=anggota_id)
        Cakupan.dari(akun).wajib_mengelola(a.rekrutmen.wilayah_id, "Hanya KPU Kabupaten/Kota "
                                           "yang menetapkan ketua.")
        if a.status != StatusAnggota.AKTIF:
            raise Konflik(KodeAdhoc.ANGGOTA_TIDAK_AKTIF, "Anggota ini sudah berhenti.")
        unit = a.kursi.rsplit("#", 1)[0]
        lama = list(Anggota.objects.select_for_update().filter(
            rekrutmen=a.rekrutmen, kursi__startswith=unit + "#", status=StatusAnggota.AKTIF,
            jabatan=Jabatan.KETUA).exclude(pk=a.pk))
        for x in lama:
            x.jabatan = Jabatan.ANGGOTA
            x.save(update_fields=["jabatan"])
        a.jabatan = Jabatan.KETUA
        a.save(update_fields=["jabatan"])
        audit_catat(akun=akun, aksi="adhoc.anggota.ketua", objek=a, wilayah_kode=a.wilayah_id,
                    sebelum={"ketua": [x.pk for x in lama]}, sesudah={"ketua": a.pk})
    return a


# --- Decrees and documents ------------------------------------------------------------------

def _kantor(r: Rekrutmen) -> str:
    return f"Komisi Pemilihan Umum {r.wilayah.nama}"


def sk_terbitkan(*, akun, rekrutmen_id: int, nomor: str, tanggal: date,
                 kode_wilayah: str | None = None, perihal: str = "") -> SK:
    """A decree appointing every active member of the round under `kode_wilayah` (default:
    the round's territory) who has no decree yet."""
    r = rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    kode = kode_wilayah or r.wilayah_id
    Cakupan.dari(akun).wajib_mengelola(r.wilayah_id, "Hanya KPU Kabupaten/Kota yang "
                                       "menerbitkan SK badan ad hoc.")
    nomor = nomor.strip()
    if not nomor:
        _tolak(KodeAdhoc.SK_TIDAK_VALID, "Nomor SK wajib diisi.")
    if not di_bawah(kode, r.wilayah_id):
        _tolak(KodeAdhoc.SK_TIDAK_VALID, f"Wilayah {kode} di luar {r.wilayah.nama}.")
    wilayah = Wilayah.objects.filter(kode=kode).first()
    if wilayah is None:
        _tolak(KodeAdhoc.SK_TIDAK_VALID, f"Wilayah {kode} tidak dikenal.")
    label = LABEL_BADAN[Badan(r.badan)]
    try:
        with transaction.atomic():
            anggota = Anggota.objects.select_for_update().filter(
                q_subpohon("wilayah_id", kode), rekrutmen=r,
                status=StatusAnggota.AKTIF, sk__isnull=True)
            ids = list(anggota.values_list("pk", flat=True))
            if not ids:
                _tolak(KodeAdhoc.SK_TIDAK_VALID, "Tidak ada anggota tanpa SK di wilayah ini; "
                       "jalankan penempatan dulu.")
            sk = SK.objects.create(
                rekrutmen=r, pemilu_id=r.pemilu_id, nomor=nomor, tanggal=tanggal,
                wilayah=wilayah, dibuat_oleh=akun,
                perihal=perihal.strip() or f"Pengangkatan Anggota {label} {wilayah.nama} "
                                           f"untuk {r.pemilu.nama}")
            Anggota.objects.filter(pk__in=ids).update(sk=sk)
            audit_catat(akun=akun, aksi="adhoc.sk.terbit", objek=sk, wilayah_kode=kode,
                        sesudah={"nomor": nomor, "tanggal": tanggal, "anggota": len(ids)})
    except IntegrityError:
        raise Konflik(KodeAdhoc.SK_NOMOR_GANDA, f"Nomor SK {nomor} sudah dipakai pada "
                      f"{r.pemilu.nama}.") from None
    return sk


def _unit_teks(a: Anggota) -> str:
    return (f"TPS {a.tps.nomor:03d} {a.wilayah.nama}" if a.tps_id else a.wilayah.nama)


def _baris_dokumen(anggota: list[Anggota]) -> list[dict]:
    return [{"no": i, "nama": a.pendaftar.nama, "nik": nik_samarkan(a.pendaftar.nik),
             "jabatan": a.get_jabatan_display(), "unit": _unit_teks(a),
             "wilayah": a.wilayah.nama, "kode_hadir": a.kode_hadir}
            for i, a in enumerate(anggota, start=1)]


def _konteks(r: Rekrutmen, *, sk: SK | None, anggota: list[Anggota],
             kegiatan: Kegiatan | None = None, wilayah: Wilayah | None = None) -> dict:
    tempat = r.wilayah.nama.removeprefix("Kabupaten ").removeprefix("Kota ")
    k = {"kantor": _kantor(r), "tempat": tempat, "pemilu": r.pemilu.nama,
         "badan": LABEL_BADAN[Badan(r.badan)],
         "wilayah": (wilayah or (sk.wilayah if sk else r.wilayah)).nama,
         "penandatangan": f"Ketua {_kantor(r)}", "anggota": _baris_dokumen(anggota),
         "sk": {"nomor": sk.nomor, "tanggal": tanggal_teks(sk.tanggal),
                "perihal": sk.perihal, "jenis": sk.get_jenis_display()} if sk else {},
         "acara": {}}
    if kegiatan is not None:
        k["acara"] = {"nama": kegiatan.nama, "tanggal": tanggal_teks(kegiatan.tanggal, True),
                      "tempat": kegiatan.tempat, "agenda": kegiatan.butir_agenda}
    if sk is not None and sk.jenis == JenisSK.PAW:
        k["pengganti"] = "; ".join(
            f"{a.pendaftar.nama} menggantikan {a.menggantikan.pendaftar.nama} "
            f"({a.menggantikan.berhenti_alasan})" for a in anggota if a.menggantikan_id)
    return k


FORMAT_DOKUMEN = {"docx": DOCX, "pdf": PDF}


def dokumen_unduh(*, akun, jenis: str, format: str, sk_id: int | None = None,
                  kegiatan_id: int | None = None, anggota_id: int | None = None
                  ) -> tuple[bytes, str, str]:
    """A document as (bytes, file name, MIME type): the decree, the oath record or the
    integrity pacts of a decree's members (one member with `anggota_id`), or the training
    certificates of those who attended a bimtek. Every download is audited with the
    document's SHA-256."""
    if format not in FORMAT_DOKUMEN or jenis not in JenisDokumen.values:
        _tolak(KodeAdhoc.TEMPLAT_TIDAK_VALID, "Jenis dokumen atau format tidak dikenal.")
    kegiatan = kegiatan_ambil(akun=akun, kegiatan_id=kegiatan_id) if kegiatan_id else None
    if jenis == JenisDokumen.SERTIFIKAT:
        if kegiatan is None or kegiatan.jenis != JenisKegiatan.BIMTEK:
            _tolak(KodeAdhoc.KEGIATAN_TIDAK_VALID, "Sertifikat dibuat dari kegiatan bimtek.")
        sk, r = None, kegiatan.rekrutmen
        anggota = [a for a in peserta_kegiatan(akun=akun, kegiatan=kegiatan) if a.hadir]
        if anggota_id is not None:
            anggota = [a for a in anggota if a.pk == anggota_id]
            if not anggota:
                raise Konflik(KodeAdhoc.BELUM_HADIR, "Sertifikat hanya untuk anggota yang "
                              "tercatat hadir.")
        kode = kegiatan.wilayah_id
    else:
        sk_id = sk_id or (kegiatan.sk_id if kegiatan else None)
        if sk_id is None:
            _tolak(KodeAdhoc.SK_TIDAK_VALID, "Pilih SK.")
        sk = sk_ambil(akun=akun, sk_id=sk_id)
        r = sk.rekrutmen
        qs = sk.anggota.select_related("pendaftar", "wilayah", "tps",
                                       "menggantikan__pendaftar").order_by(
            "wilayah_id", "tps__nomor", "urut")
        if anggota_id is not None:
            qs = qs.filter(pk=anggota_id)
        anggota = list(qs.filter(Cakupan.dari(akun).q_kode("wilayah_id")))
        kode = sk.wilayah_id
    if not anggota:
        _tolak(KodeAdhoc.SK_TIDAK_VALID, "Tidak ada anggota untuk dokumen ini.")
    konteks = _konteks(r, sk=sk, anggota=anggota, kegiatan=kegiatan,
                       wilayah=kegiatan.wilayah if kegiatan else None)
    if format == "pdf":
        isi = pdf_render(f"adhoc/dokumen/{jenis}.html", konteks)
    else:
        t = templat_untuk(jenis=jenis, kode=kode)
        isi = docx_render(t.isi if t else templat_bawaan(jenis), konteks)
    dasar = sk.nomor if sk else f"kegiatan-{kegiatan.pk}"
    nama = re.sub(r"[^A-Za-z0-9.-]+", "-", f"{jenis}-{dasar}").strip("-") + f".{format}"
    with transaction.atomic():
        audit_catat(akun=akun, aksi="adhoc.dokumen.unduh", objek=sk or kegiatan,
                    wilayah_kode=kode,
                    sesudah={"jenis": jenis, "format": format, "anggota": len(anggota),
                             "sha256": hashlib.sha256(isi).hexdigest()})
    return isi, nama, FORMAT_DOKUMEN[format]


def templat_unggah(*, akun, kode_kantor: str | None, jenis: str, data: bytes,
                   nama_berkas: str) -> TemplatDokumen:
    """An office's DOCX template for one kind of document, checked by rendering it once."""
    cakupan = Cakupan.dari(akun)
    if kode_kantor:
        cakupan.wajib_mengelola(kode_kantor, "Hanya KPU yang mengunggah templat wilayahnya.")
    else:
        cakupan.wajib_peran({Peran.KPU_RI}, "Hanya KPU RI yang mengunggah templat nasional.")
    if jenis not in JenisDokumen.values:
        _tolak(KodeAdhoc.TEMPLAT_TIDAK_VALID, f"Jenis dokumen '{jenis}' tidak dikenal.")
    if len(data) > 5 * 2**20:
        _tolak(KodeAdhoc.TEMPLAT_TIDAK_VALID, "Templat lebih dari 5 MB.")
    if salah := templat_periksa(data, KONTEKS_CONTOH):
        _tolak(KodeAdhoc.TEMPLAT_TIDAK_VALID, salah)
    with transaction.atomic():
        TemplatDokumen.objects.filter(kantor_id=kode_kantor, jenis=jenis, aktif=True).update(
            aktif=False)
        t = TemplatDokumen.objects.create(kantor_id=kode_kantor, jenis=jenis,
                                          nama_berkas=nama_berkas[:200], isi=data,
                                          sha256=hashlib.sha256(data).hexdigest(),
                                          diunggah_oleh=akun)
        audit_catat(akun=akun, aksi="adhoc.templat.unggah", objek=t,
                    wilayah_kode=kode_kantor or "",
                    sesudah={"jenis": jenis, "berkas": nama_berkas, "sha256": t.sha256})
    return t


# --- Inauguration and training events, attendance -------------------------------------------

PERAN_BIMTEK = frozenset({*PERAN_KPU, Peran.PPK, Peran.PPS})


def kegiatan_buat(*, akun, rekrutmen_id: int, jenis: str, nama: str, tanggal: date,
                  tempat: str, kode_wilayah: str | None = None, agenda: str = "",
                  sk_id: int | None = None) -> Kegiatan:
    """An inauguration (KPU, for the members of a decree) or a bimtek (KPU, or PPK/PPS for
    the bodies below them, seed 003) in a territory."""
    r = rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    cakupan = Cakupan.dari(akun)
    kode = kode_wilayah or (cakupan.akar if cakupan.akar and di_bawah(cakupan.akar, r.wilayah_id)
                            else r.wilayah_id)
    if jenis == JenisKegiatan.PELANTIKAN:
        cakupan.wajib_mengelola(r.wilayah_id, "Hanya KPU yang melantik badan ad hoc.")
    elif jenis == JenisKegiatan.BIMTEK:
        cakupan.wajib_peran(PERAN_BIMTEK, "Hanya KPU, PPK dan PPS yang menyelenggarakan bimtek.")
        cakupan.wajib_mencakup(kode)
    else:
        _tolak(KodeAdhoc.KEGIATAN_TIDAK_VALID, f"Jenis kegiatan '{jenis}' tidak dikenal.")
    if not nama.strip() or not tempat.strip():
        _tolak(KodeAdhoc.KEGIATAN_TIDAK_VALID, "Nama dan tempat kegiatan wajib diisi.")
    if not di_bawah(kode, r.wilayah_id) or not Wilayah.objects.filter(kode=kode).exists():
        _tolak(KodeAdhoc.KEGIATAN_TIDAK_VALID, f"Wilayah {kode} di luar {r.wilayah.nama}.")
    sk = None
    if sk_id is not None:
        sk = sk_ambil(akun=akun, sk_id=sk_id)
        if sk.rekrutmen_id != r.pk:
            _tolak(KodeAdhoc.KEGIATAN_TIDAK_VALID, "SK bukan dari rekrutmen ini.")
    with transaction.atomic():
        k = Kegiatan.objects.create(rekrutmen=r, jenis=jenis, nama=nama.strip(),
                                    tanggal=tanggal, tempat=tempat.strip(), wilayah_id=kode,
                                    agenda=agenda.strip(), sk=sk, dibuat_oleh=akun)
        audit_catat(akun=akun, aksi="adhoc.kegiatan.buat", objek=k, wilayah_kode=kode,
                    sesudah={"jenis": jenis, "nama": k.nama, "tanggal": tanggal,
                             "sk": sk_id})
    return k


def kehadiran_catat(*, akun, kegiatan_id: int, anggota_id: int | None = None,
                    kode_hadir: str | None = None) -> tuple[Kehadiran, bool]:
    """Record that a member attended, from the member's QR code (`kode_hadir`, scanned) or
    picked from the list (`anggota_id`). Recording twice returns the first record."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_BIMTEK, "Hanya KPU, PPK dan PPS yang mencatat kehadiran.")
    k = kegiatan_ambil(akun=akun, kegiatan_id=kegiatan_id)
    qs = Anggota.objects.filter(q_subpohon("wilayah_id", k.wilayah_id),
                                cakupan.q_kode("wilayah_id"), rekrutmen=k.rekrutmen)
    qs = qs.filter(sk_id=k.sk_id) if k.sk_id else qs.filter(status=StatusAnggota.AKTIF)
    a = (qs.filter(kode_hadir=(kode_hadir or "").strip()).first() if kode_hadir
         else qs.filter(pk=anggota_id).first() if anggota_id else None)
    if a is None:
        raise SimpulError(KodeAdhoc.KODE_HADIR_TIDAK_DIKENAL, "Kode atau anggota tidak dikenal "
                          "untuk kegiatan ini.", status=404)
    with transaction.atomic():
        h, baru = Kehadiran.objects.get_or_create(
            kegiatan=k, anggota=a, defaults={"cara": "qr" if kode_hadir else "daftar",
                                             "dicatat_oleh": akun})
        if baru:
            audit_catat(akun=akun, aksi="adhoc.kehadiran.catat", objek=h,
                        wilayah_kode=a.wilayah_id,
                        sesudah={"kegiatan": k.pk, "anggota": a.pk, "cara": h.cara})
    return h, baru


# --- Replacement (PAW) ----------------------------------------------------------------------

def anggota_berhenti(*, akun, anggota_id: int, alasan: str, tanggal: date,
                     bukti: bytes) -> Anggota:
    """A member leaves the seat (resigned, died, dismissed...), with the evidence (a PDF,
    JPEG or PNG, checked like the registration uploads). The seat becomes vacant."""
    alasan = alasan.strip()
    if not alasan:
        _tolak(KodeAdhoc.BERHENTI_TIDAK_VALID, "Alasan berhenti wajib diisi.")
    with transaction.atomic():
        a = anggota_ambil(akun=akun, anggota_id=anggota_id)
        Cakupan.dari(akun).wajib_mengelola(a.rekrutmen.wilayah_id, "Hanya KPU Kabupaten/Kota "
                                           "yang memberhentikan anggota badan ad hoc.")
        a = Anggota.objects.select_for_update().get(pk=a.pk)
        if a.status != StatusAnggota.AKTIF:
            raise Konflik(KodeAdhoc.ANGGOTA_TIDAK_AKTIF, "Anggota ini sudah berhenti.")
        t = berkas_periksa(bukti, maks_byte=a.pemilu.param("berkas_maks_byte",
                                                           BERKAS_MAKS_BYTE))
        if t.kode:
            _tolak(t.kode, f"Bukti: {t.pesan}")
        if tanggal > timezone.localdate():
            _tolak(KodeAdhoc.BERHENTI_TIDAK_VALID, "Tanggal berhenti tidak boleh di masa depan.")
        a.status, a.berhenti_alasan, a.berhenti_tanggal = StatusAnggota.BERHENTI, alasan, tanggal
        a.berhenti_bukti_sha256 = hashlib.sha256(bukti).hexdigest()
        a.berhenti_bukti.save(f"paw-{a.pk}.{t.mime.split('/')[1]}", ContentFile(bukti),
                              save=False)
        a.save()
        audit_catat(akun=akun, aksi="adhoc.anggota.berhenti", objek=a,
                    wilayah_kode=a.wilayah_id, sebelum={"status": "aktif"},
                    sesudah={"status": "berhenti", "alasan": alasan, "tanggal": tanggal,
                             "bukti_sha256": a.berhenti_bukti_sha256, "kursi": a.kursi})
    return a


def paw_tetapkan(*, akun, anggota_id: int, pengganti_id: int, nomor_sk: str,
                 tanggal_sk: date) -> Anggota:
    """Fill the seat a member left with `pengganti_id` (one of `selectors.paw_calon`, the
    first being the proposal) and issue the PAW decree. The replacement takes the same seat
    and role; the seat's history links the two and is audited."""
    lama = anggota_ambil(akun=akun, anggota_id=anggota_id)
    r = lama.rekrutmen
    Cakupan.dari(akun).wajib_mengelola(r.wilayah_id, "Hanya KPU Kabupaten/Kota yang "
                                       "menetapkan pengganti antarwaktu.")
    if lama.status != StatusAnggota.BERHENTI or hasattr(lama, "pengganti"):
        raise Konflik(KodeAdhoc.ANGGOTA_TIDAK_AKTIF, "Kursi ini tidak kosong: catat dulu "
                      "anggota yang berhenti, atau penggantinya sudah ditetapkan.")
    calon = {c.pendaftar_id for c in paw_calon(akun=akun, anggota=lama, batas=10_000)}
    if pengganti_id not in calon:
        _tolak(KodeAdhoc.PENGGANTI_TIDAK_VALID, "Pengganti harus pendaftar memenuhi syarat "
               "dari rekrutmen ini yang belum pernah menduduki kursi.")
    nomor_sk = nomor_sk.strip()
    if not nomor_sk:
        _tolak(KodeAdhoc.SK_TIDAK_VALID, "Nomor SK wajib diisi.")
    p = Pendaftar.objects.get(pk=pengganti_id)
    label = LABEL_BADAN[Badan(r.badan)]
    try:
        with transaction.atomic():
            sk = SK.objects.create(
                rekrutmen=r, pemilu_id=r.pemilu_id, jenis=JenisSK.PAW, nomor=nomor_sk,
                tanggal=tanggal_sk, wilayah_id=lama.wilayah_id, dibuat_oleh=akun,
                perihal=f"Pergantian Antarwaktu Anggota {label} {_unit_teks(lama)}")
            baru = Anggota.objects.create(
                rekrutmen=r, pemilu_id=r.pemilu_id, badan=r.badan, wilayah_id=lama.wilayah_id,
                tps_id=lama.tps_id, kursi=lama.kursi, urut=lama.urut, jabatan=lama.jabatan,
                pendaftar=p, jarak=min(jarak_domisili(p.domisili_id, lama.wilayah_id), 9),
                sk=sk, menggantikan=lama, kode_hadir=_kode_hadir())
            audit_catat(akun=akun, aksi="adhoc.anggota.paw", objek=baru,
                        wilayah_kode=lama.wilayah_id,
                        sebelum={"anggota": lama.pk, "pendaftar": lama.pendaftar_id},
                        sesudah={"anggota": baru.pk, "pendaftar": p.pk, "kursi": baru.kursi,
                                 "sk": nomor_sk, "usulan_pertama": next(iter(
                                     c.pendaftar_id for c in paw_calon(akun=akun, anggota=lama,
                                                                       batas=1)), None)})
    except IntegrityError:
        raise Konflik(KodeAdhoc.SK_NOMOR_GANDA, f"Nomor SK {nomor_sk} sudah dipakai pada "
                      f"{r.pemilu.nama}.") from None
    return baru


# --- Exports of members and of the dashboard ------------------------------------------------

def dasbor_ekspor_xlsx(*, akun, rekrutmen_id: int, kode: str | None = None) -> bytes:
    """The dashboard rows (need, applicants against twice the need, filled) as XLSX."""
    r = rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    d = dasbor_rekrutmen(akun=akun, rekrutmen=r, kode=kode)
    kolom = ["Kode", "Wilayah", "Kebutuhan", "2 × kebutuhan", "Pendaftar", "Diajukan", "MS",
             "TMS", "Terisi", "% terisi", "Pendaftar < 2 × kebutuhan", "Perpanjangan"]
    per = perpanjangan_per_wilayah(rekrutmen=r, kode=[b.kode for b in d.baris])

    def baris(b):
        ext = "; ".join(f"{p.wilayah.nama} s.d. {p.selesai:%d-%m-%Y} ({p.nomor_keputusan})"
                        for p in per.get(b.kode, []))
        return [b.kode, b.nama, b.kebutuhan, b.dua_kali, b.pendaftar, b.diajukan, b.ms, b.tms,
                b.terisi, b.persen_terisi, "ya" if b.kurang_pendaftar else "", ext]

    isi = tulis_xlsx([("Dasbor", [[r.nama], [r.pemilu.nama, d.wilayah.nama], [], kolom,
                             *[baris(b) for b in d.baris], baris(d.total)])])
    with transaction.atomic():
        audit_catat(akun=akun, aksi="adhoc.dasbor.ekspor", objek=r, wilayah_kode=d.wilayah.kode,
                    sesudah={"baris": len(d.baris), "sha256": hashlib.sha256(isi).hexdigest()})
    return isi


def anggota_ekspor_xlsx(*, akun, rekrutmen_id: int, kode: str | None = None) -> bytes:
    """Active members under `kode` with masked NIK, unit, role and decree, as XLSX: the
    list offices send to PPK/PPS and print for the inauguration."""
    r = rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    daftar = anggota_daftar(akun=akun, rekrutmen=r, kode=kode)
    kolom = ["Kode wilayah", "Desa/kelurahan/kecamatan", "TPS", "No. kursi", "Jabatan", "Nama",
             "NIK", "Jenis kelamin", "Telepon", "Melek IT", "Dari desa sekitar", "Nomor SK",
             "Tanggal SK"]
    baris = [[a.wilayah_id, a.wilayah.nama, a.tps.nomor if a.tps_id else "", a.urut,
              a.get_jabatan_display(), a.pendaftar.nama, nik_samarkan(a.pendaftar.nik),
              a.pendaftar.jenis_kelamin, a.pendaftar.telepon,
              "ya" if a.pendaftar.melek_it else "", "ya" if a.jarak else "",
              a.sk.nomor if a.sk_id else "", a.sk.tanggal if a.sk_id else ""] for a in daftar]
    isi = tulis_xlsx([("Anggota", [[r.nama], kolom, *baris])])
    with transaction.atomic():
        audit_catat(akun=akun, aksi="adhoc.anggota.ekspor", objek=r,
                    wilayah_kode=kode or r.wilayah_id,
                    sesudah={"baris": len(baris), "sha256": hashlib.sha256(isi).hexdigest()})
    return isi
