"""Reads of the selection domain, scoped through `Cakupan`."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP

from django.db.models import Avg, Count, Q

from simpul.adhoc.models import Pendaftar, Rekrutmen, StatusPendaftar
from simpul.adhoc.rules import ukuran_badan
from simpul.core.errors import TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_KPU, Peran
from simpul.core.scope import Cakupan, leluhur

from .models import KategoriSoal, NilaiWawancara, Pengumuman, SesiCAT, Soal, Ujian
from .rules import SEN, Calon, parameter_seleksi, urutkan_peringkat

# Staff who see the selection of a round: KPU offices and the PPK (for PPS rounds).
PERAN_SELEKSI = PERAN_KPU | {Peran.PPK}


def bank_ringkas(*, akun) -> list[dict]:
    """Questions per category of the bank the account's office can see (its subtree)."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, "Bank soal hanya untuk KPU.")
    return list(KategoriSoal.objects.annotate(
        jumlah=Count("soal", filter=cakupan.q_kode("soal__wilayah_id") & Q(soal__aktif=True)))
        .values("pk", "nama", "jumlah"))


def bank_untuk_ujian(*, rekrutmen: Rekrutmen) -> dict[int, list[tuple[int, int]]]:
    """{kategori: [(soal id, options)]} an exam of `rekrutmen` draws from: questions of the
    round's office and of the offices above it (and KPU RI's)."""
    kantor = [*leluhur(rekrutmen.wilayah_id), rekrutmen.wilayah_id]
    bank: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pk, kategori, pilihan in (Soal.objects.filter(aktif=True).filter(
            Q(wilayah__isnull=True) | Q(wilayah_id__in=kantor))
            .values_list("pk", "kategori_id", "pilihan")):
        bank[kategori].append((pk, len(pilihan)))
    return bank


def komposisi_pilihan(*, rekrutmen: Rekrutmen) -> list[dict]:
    """Every category with how many questions the bank has for an exam of `rekrutmen`:
    the rows of the exam form."""
    bank = bank_untuk_ujian(rekrutmen=rekrutmen)
    return [{"pk": k.pk, "nama": k.nama, "tersedia": len(bank.get(k.pk, []))}
            for k in KategoriSoal.objects.order_by("pk")]


def _rekrutmen_qs(akun):
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_SELEKSI, "Halaman seleksi hanya untuk KPU dan PPK.")
    qs = Rekrutmen.objects.select_related("pemilu", "wilayah").filter(badan__in=("ppk", "pps"))
    if cakupan.pemilu_id:
        qs = qs.filter(pemilu_id=cakupan.pemilu_id)
    # A round run by the office itself or above it, for work areas inside its territory.
    return qs.filter(cakupan.q_menyentuh("wilayah_id"))


def rekrutmen_seleksi_daftar(*, akun) -> list[Rekrutmen]:
    return list(_rekrutmen_qs(akun).prefetch_related("ujian").order_by("-pendaftaran_mulai"))


def rekrutmen_ambil(*, akun, rekrutmen_id: int) -> Rekrutmen:
    r = _rekrutmen_qs(akun).filter(pk=rekrutmen_id).first()
    if r is None:
        raise TidakDitemukan("Rekrutmen tidak ditemukan di wilayah kerja Anda.")
    return r


def ujian_ambil(*, akun, ujian_id: int) -> Ujian:
    u = (Ujian.objects.select_related("rekrutmen__pemilu", "rekrutmen__wilayah")
         .filter(pk=ujian_id, rekrutmen__in=_rekrutmen_qs(akun)).first())
    if u is None:
        raise TidakDitemukan("Ujian tidak ditemukan di wilayah kerja Anda.")
    return u


def pendaftar_seleksi_qs(*, akun, rekrutmen: Rekrutmen | None = None):
    """MS applicants of PPK/PPS rounds whose work area lies in the account's territory."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_SELEKSI, "Halaman seleksi hanya untuk KPU dan PPK.")
    qs = Pendaftar.objects.filter(cakupan.q_kode("wilayah_tugas_id"),
                                  status=StatusPendaftar.MEMENUHI_SYARAT,
                                  rekrutmen__badan__in=("ppk", "pps"))
    if cakupan.pemilu_id:
        qs = qs.filter(pemilu_id=cakupan.pemilu_id)
    if rekrutmen is not None:
        qs = qs.filter(rekrutmen=rekrutmen)
    return qs


def peserta_ujian(*, akun, ujian: Ujian) -> list[dict]:
    """The candidates of an exam with their session state (one query each way)."""
    sesi = {s.pendaftar_id: s for s in SesiCAT.objects.filter(ujian=ujian)}
    hasil = []
    for p in (pendaftar_seleksi_qs(akun=akun, rekrutmen=ujian.rekrutmen)
              .select_related("wilayah_tugas").order_by("wilayah_tugas_id", "nama")):
        s = sesi.get(p.pk)
        hasil.append({"p": p, "nik": nik_samarkan(p.nik), "sesi": s,
                      "keadaan": keadaan_sesi(s)})
    return hasil


def keadaan_sesi(s: SesiCAT | None) -> str:
    if s is None:
        return "Belum diberi kode"
    if s.selesai:
        return "Selesai"
    if s.mulai:
        return "Sedang ujian"
    return "Kode dipakai, belum mulai" if s.kode_dipakai else "Kode diterbitkan"


def sesi_dari_token(token: str | None) -> SesiCAT | None:
    if not token:
        return None
    return (SesiCAT.objects.select_related("ujian__rekrutmen__pemilu", "pendaftar")
            .filter(token_hash=hashlib.sha256(token.encode()).hexdigest()).first())


def soal_sesi(sesi: SesiCAT) -> list[dict]:
    """The candidate's questions in their order, options in their shuffled order; the keys
    never leave the server."""
    soal = {s.pk: s for s in Soal.objects.select_related("kategori").filter(
        pk__in=[b["s"] for b in sesi.susunan])}
    keluar = []
    for nomor, b in enumerate(sesi.susunan, start=1):
        s = soal[b["s"]]
        keluar.append({"nomor": nomor, "kategori": s.kategori.nama, "teks": s.teks,
                       "pilihan": [s.pilihan[i] for i in b["p"]]})
    return keluar


def jawaban_sesi(sesi: SesiCAT) -> dict[int, int | None]:
    return dict(sesi.jawaban.values_list("nomor", "pilihan"))


def wawancara_ambil(*, akun, pendaftar_id: int) -> Pendaftar:
    p = (pendaftar_seleksi_qs(akun=akun).select_related("rekrutmen", "wilayah_tugas")
         .filter(pk=pendaftar_id).first())
    if p is None:
        raise TidakDitemukan("Pendaftar tidak ditemukan di wilayah kerja Anda.")
    return p


@dataclass
class Peringkat:
    rekrutmen: Rekrutmen
    bobot_cat: int
    bobot_wawancara: int
    kursi: int
    cadangan: int
    wilayah: list[tuple[str, str, list[Calon]]]  # (kode, nama, ranked candidates)


def peringkat_rekrutmen(*, akun, rekrutmen: Rekrutmen) -> Peringkat:
    """The ranking per work area of a round (every MS applicant the account may see).

    CAT score: the finished session of the round's latest exam; interview score: the mean
    of the panel's scores. A constant number of queries whatever the number of candidates."""
    pemilu = rekrutmen.pemilu
    ukuran = ukuran_badan(pemilu)
    kursi = ukuran.ppk_per_kecamatan if rekrutmen.badan == "ppk" else ukuran.pps_per_desa
    cadangan = kursi * parameter_seleksi(pemilu, "seleksi_cadangan_kali")
    bobot_cat = parameter_seleksi(pemilu, "seleksi_bobot_cat")
    bobot_waw = parameter_seleksi(pemilu, "seleksi_bobot_wawancara")
    ujian = rekrutmen.ujian.order_by("-dibuka").first()
    cat = dict(SesiCAT.objects.filter(ujian=ujian, selesai__isnull=False)
               .values_list("pendaftar_id", "nilai")) if ujian else {}
    pendaftar = list(pendaftar_seleksi_qs(akun=akun, rekrutmen=rekrutmen)
                     .select_related("wilayah_tugas").order_by("wilayah_tugas_id"))
    waw = dict(NilaiWawancara.objects.filter(pendaftar__in=[p.pk for p in pendaftar])
               .values("pendaftar_id").annotate(r=Avg("nilai")).values_list("pendaftar_id", "r"))
    per_wilayah: dict[str, list[Calon]] = defaultdict(list)
    nama: dict[str, str] = {}
    for p in pendaftar:
        nama[p.wilayah_tugas_id] = p.wilayah_tugas.nama
        rata = waw.get(p.pk)
        per_wilayah[p.wilayah_tugas_id].append(Calon(
            pendaftar_id=p.pk, nomor=p.nomor, nama=p.nama, nik_samar=nik_samarkan(p.nik),
            wilayah_kode=p.wilayah_tugas_id, wilayah_nama=p.wilayah_tugas.nama,
            didaftarkan=p.dibuat, nilai_cat=cat.get(p.pk),
            nilai_wawancara=None if rata is None else rata.quantize(SEN, ROUND_HALF_UP)))
    wilayah = [(kode, nama[kode], urutkan_peringkat(
        daftar, kursi=kursi, cadangan=cadangan, bobot_cat=bobot_cat,
        bobot_wawancara=bobot_waw)) for kode, daftar in sorted(per_wilayah.items())]
    return Peringkat(rekrutmen, bobot_cat, bobot_waw, kursi, cadangan, wilayah)


def pengumuman_publik(*, pengumuman_id: int) -> Pengumuman:
    p = (Pengumuman.objects.select_related("rekrutmen__pemilu", "rekrutmen__wilayah")
         .filter(pk=pengumuman_id).first())
    if p is None:
        raise TidakDitemukan("Pengumuman tidak ditemukan.")
    return p
