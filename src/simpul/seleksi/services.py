"""Writes of the selection domain. Each runs in one transaction with its audit entry.

Per-click answer saves are not written to the audit chain (one global chain would make
every click of every candidate wait on one lock); each save is kept once in `LogJawaban`,
and the sheet's hash goes into the audit entry of the result, so the two can be checked
against each other."""

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from simpul.adhoc.models import Pendaftar, Rekrutmen, StatusPendaftar
from simpul.core.audit import audit_catat
from simpul.core.dokumen import pdf_render
from simpul.core.errors import DataTidakValid, Dilarang, Konflik, SimpulError
from simpul.core.roles import PERAN_KPU
from simpul.core.scope import Cakupan
from simpul.core.tabel import baca_tabel

from .errors import KodeSeleksi
from .models import (
    Jawaban,
    KategoriSoal,
    KomposisiUjian,
    LogJawaban,
    NilaiWawancara,
    Pengumuman,
    SesiCAT,
    Soal,
    Ujian,
)
from .rules import (
    badan_ber_cat,
    benih_peserta,
    hitung_benar,
    nilai_cat,
    nilai_wawancara_sah,
    parameter_seleksi,
    penguji_boleh,
    sidik_lembar,
    sidik_soal,
    soal_dari_baris,
    susun_soal,
    tenggat_sesi,
)
from .selectors import (
    bank_untuk_ujian,
    jawaban_sesi,
    pendaftar_seleksi_qs,
    peringkat_rekrutmen,
    wawancara_ambil,
)

TIDAK_MS = ("Hanya pendaftar yang memenuhi syarat (lulus verifikasi berkas) yang dapat "
            "mengikuti ujian.")
HURUF_KODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a printed card


def _hash(teks: str) -> str:
    return hashlib.sha256(teks.encode()).hexdigest()


def _terkunci(rekrutmen_id: int) -> None:
    """Refuse a change of scores once the result is published. Run inside the caller's
    transaction: the round's row stays locked until it commits, so a score (a test
    started, an interview score) and the publication that freezes the scores happen one
    after the other, never both on a stale check."""
    Rekrutmen.objects.select_for_update().only("pk").get(pk=rekrutmen_id)
    if Pengumuman.objects.filter(rekrutmen_id=rekrutmen_id).exists():
        raise Konflik(KodeSeleksi.HASIL_TERKUNCI, "Hasil seleksi sudah diumumkan; nilai "
                      "tidak dapat diubah lagi.")


# --- Question bank ---------------------------------------------------------------------------

@dataclass
class HasilImporSoal:
    dibuat: int = 0
    sudah_ada: list[int] = field(default_factory=list)
    galat: list[dict] = field(default_factory=list)


def soal_impor(*, akun, data: bytes, nama_berkas: str) -> HasilImporSoal:
    """Import questions from CSV/XLSX (kategori, pertanyaan, pilihan_a … pilihan_e, kunci).

    Every valid row is kept; each invalid row is reported with its line number and reasons;
    a question already in the office's bank (same text) is skipped and reported."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, "Hanya KPU yang mengelola bank soal.")
    kantor = cakupan.akar
    kategori = {k.nama.casefold(): k for k in KategoriSoal.objects.all()}
    baris = baca_tabel(data, nama_berkas, kode=KodeSeleksi.IMPOR_SOAL,
                       wajib={"kategori", "pertanyaan", "pilihan_a", "pilihan_b", "pilihan_c",
                              "pilihan_d", "kunci"})
    hasil = HasilImporSoal()
    ada = set(Soal.objects.filter(wilayah_id=kantor).values_list("sidik", flat=True))
    baru = []
    for nomor, sel in baris:
        soal, galat = soal_dari_baris(sel)
        if soal and soal.kategori.casefold() not in kategori:
            galat = [f"kategori '{soal.kategori}' tidak dikenal; pilih salah satu: "
                     + ", ".join(k.nama for k in kategori.values())]
        if galat:
            hasil.galat.append({"baris": nomor, "galat": galat})
            continue
        sidik = sidik_soal(soal.teks)
        if sidik in ada:
            hasil.sudah_ada.append(nomor)
            continue
        ada.add(sidik)
        baru.append(Soal(kategori=kategori[soal.kategori.casefold()], wilayah_id=kantor,
                         teks=soal.teks, pilihan=list(soal.pilihan), kunci=soal.kunci,
                         sidik=sidik))
    with transaction.atomic():
        Soal.objects.bulk_create(baru, batch_size=1000)
        hasil.dibuat = len(baru)
        audit_catat(akun=akun, aksi="seleksi.soal.impor", objek_tipe="seleksi.soal",
                    objek_id=nama_berkas[:100], wilayah_kode=kantor or "",
                    sesudah={"berkas": nama_berkas, "sha256": _hash_bytes(data),
                             "dibuat": hasil.dibuat, "sudah_ada": len(hasil.sudah_ada),
                             "baris_galat": [g["baris"] for g in hasil.galat]})
    return hasil


def _hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Exams -----------------------------------------------------------------------------------

def ujian_buat(*, akun, rekrutmen: Rekrutmen, nama: str, durasi_menit: int,
               dibuka: datetime, ditutup: datetime, komposisi: dict[int, int]) -> Ujian:
    """The CAT of a PPK or PPS round, by the KPU office that runs the round."""
    if not badan_ber_cat(rekrutmen.badan):
        raise DataTidakValid("CAT hanya untuk seleksi PPK dan PPS.",
                             code=KodeSeleksi.BADAN_TANPA_CAT)
    Cakupan.dari(akun).wajib_mengelola(rekrutmen.wilayah_id,
                                       "Hanya KPU penyelenggara rekrutmen yang membuat ujian.")
    if not 1 <= durasi_menit <= 240:
        raise DataTidakValid("Durasi ujian 1 sampai 240 menit.",
                             code=KodeSeleksi.UJIAN_TIDAK_VALID)
    if ditutup <= dibuka:
        raise DataTidakValid("Waktu tutup harus setelah waktu buka.",
                             code=KodeSeleksi.UJIAN_TIDAK_VALID)
    komposisi = {int(k): int(v) for k, v in komposisi.items() if int(v) > 0}
    if not komposisi:
        raise DataTidakValid("Isi jumlah soal untuk sedikitnya satu kategori.",
                             code=KodeSeleksi.UJIAN_TIDAK_VALID)
    kategori = {k.pk: k for k in KategoriSoal.objects.filter(pk__in=komposisi)}
    bank = bank_untuk_ujian(rekrutmen=rekrutmen)
    kurang = [f"{kategori[k].nama if k in kategori else k}: ada {len(bank.get(k, []))}, "
              f"perlu {n}" for k, n in komposisi.items()
              if k not in kategori or len(bank.get(k, [])) < n]
    if kurang:
        raise DataTidakValid("Soal di bank tidak cukup: " + "; ".join(kurang) + ".",
                             code=KodeSeleksi.SOAL_KURANG)
    with transaction.atomic():
        u = Ujian.objects.create(rekrutmen=rekrutmen, nama=nama.strip(),
                                 durasi_menit=durasi_menit, dibuka=dibuka, ditutup=ditutup,
                                 benih=secrets.token_hex(16))
        KomposisiUjian.objects.bulk_create(
            [KomposisiUjian(ujian=u, kategori_id=k, jumlah=n) for k, n in komposisi.items()])
        audit_catat(akun=akun, aksi="seleksi.ujian.buat", objek=u,
                    wilayah_kode=rekrutmen.wilayah_id,
                    sesudah={"rekrutmen": rekrutmen.pk, "durasi_menit": durasi_menit,
                             "dibuka": dibuka, "ditutup": ditutup,
                             "komposisi": {str(k): n for k, n in komposisi.items()}})
    return u


def _kode_baru() -> str:
    return "".join(secrets.choice(HURUF_KODE) for _ in range(8))


def kode_terbitkan(*, akun, ujian: Ujian, pendaftar_id: int | None = None
                   ) -> list[tuple[Pendaftar, str]]:
    """Issue one-time login codes: to every MS applicant of the round without one, or
    again to one applicant (a lost card, a locked code, a new phone). Codes are shown
    once and kept only as hashes; a new code ends the candidate's old login."""
    Cakupan.dari(akun).wajib_mengelola(ujian.rekrutmen.wilayah_id,
                                       "Hanya KPU penyelenggara yang menerbitkan kode.")
    peserta = pendaftar_seleksi_qs(akun=akun, rekrutmen=ujian.rekrutmen)
    if pendaftar_id is not None:
        peserta = peserta.filter(pk=pendaftar_id)
        if not peserta.exists():
            raise DataTidakValid("Pendaftar ini tidak memenuhi syarat untuk ujian ini.",
                                 code=KodeSeleksi.TIDAK_MEMENUHI_SYARAT)
    else:
        peserta = peserta.exclude(sesi_cat__ujian=ujian)
    keluar = []
    with transaction.atomic():
        lama = {s.pendaftar_id: s for s in SesiCAT.objects.select_for_update()
                .filter(ujian=ujian, pendaftar__in=peserta)}
        for p in peserta.order_by("wilayah_tugas_id", "nama"):
            kode = _kode_baru()
            s = lama.get(p.pk)
            if s is not None and s.selesai:
                raise Konflik(KodeSeleksi.SUDAH_SELESAI, f"{p.nomor} sudah menyelesaikan "
                              "ujian; kode baru tidak diperlukan.")
            if s is None:
                SesiCAT.objects.create(ujian=ujian, pendaftar=p, kode_hash=_hash(kode))
            else:
                s.kode_hash, s.kode_dipakai, s.gagal_masuk, s.token_hash = (
                    _hash(kode), False, 0, "")
                s.save(update_fields=["kode_hash", "kode_dipakai", "gagal_masuk", "token_hash"])
            keluar.append((p, kode))
        audit_catat(akun=akun, aksi="seleksi.kode.terbitkan", objek=ujian,
                    wilayah_kode=ujian.rekrutmen.wilayah_id,
                    sesudah={"pendaftar": [p.nomor for p, _ in keluar],
                             "ulang": pendaftar_id is not None})
    return keluar


# --- The candidate's test --------------------------------------------------------------------

def peserta_masuk(*, nomor: str, kode: str) -> tuple[SesiCAT, str]:
    """Log a candidate in with the registration number and the one-time code; returns the
    session and a fresh token (its hash is stored; the browser keeps it in a cookie)."""
    nomor, kode = nomor.strip().upper(), kode.strip().upper()
    salah = DataTidakValid("Nomor pendaftaran atau kode masuk salah.",
                           code=KodeSeleksi.KODE_SALAH)
    with transaction.atomic():
        s = (SesiCAT.objects.select_for_update(of=("self",))
             .select_related("ujian__rekrutmen__pemilu", "pendaftar")
             .filter(pendaftar__nomor=nomor).order_by("-ujian__dibuka").first())
        if s is None:
            raise salah
        maks = parameter_seleksi(s.ujian.rekrutmen.pemilu, "seleksi_gagal_masuk_maks")
        if s.gagal_masuk >= maks:
            raise Konflik(KodeSeleksi.KODE_TERKUNCI, "Kode masuk dikunci karena salah "
                          f"{maks} kali; minta kode baru kepada panitia.")
        if s.kode_dipakai or not hmac.compare_digest(s.kode_hash, _hash(kode)):
            s.gagal_masuk += 1
            s.save(update_fields=["gagal_masuk"])
            gagal = True
        else:
            gagal = False
            if s.pendaftar.status != StatusPendaftar.MEMENUHI_SYARAT:
                raise SimpulError(KodeSeleksi.TIDAK_MEMENUHI_SYARAT, TIDAK_MS, status=403)
            token = secrets.token_urlsafe(32)
            s.kode_dipakai, s.token_hash = True, _hash(token)
            s.save(update_fields=["kode_dipakai", "token_hash"])
            audit_catat(akun=None, aksi="seleksi.cat.masuk", objek=s,
                        wilayah_kode=s.pendaftar.wilayah_tugas_id,
                        sesudah={"nomor": nomor, "ujian": s.ujian_id})
    if gagal:
        raise salah
    return s, token


def _kunci_sesi(sesi: SesiCAT) -> SesiCAT:
    return (SesiCAT.objects.select_for_update(of=("self",))
            .select_related("ujian__rekrutmen__pemilu", "pendaftar").get(pk=sesi.pk))


def sesi_mulai(*, sesi: SesiCAT, sekarang: datetime | None = None) -> SesiCAT:
    """Start the test (or return the one already started: pressing start twice, or after a
    dropped connection, resumes the same test with the same deadline)."""
    sekarang = sekarang or timezone.now()
    with transaction.atomic():
        s = _kunci_sesi(sesi)
        if s.mulai is not None:
            return s
        if s.pendaftar.status != StatusPendaftar.MEMENUHI_SYARAT:
            raise SimpulError(KodeSeleksi.TIDAK_MEMENUHI_SYARAT, TIDAK_MS, status=403)
        _terkunci(s.ujian.rekrutmen_id)
        u = s.ujian
        if sekarang < u.dibuka:
            raise Konflik(KodeSeleksi.UJIAN_BELUM_DIBUKA,
                          f"Ujian dibuka {timezone.localtime(u.dibuka):%d-%m-%Y %H:%M}.")
        if sekarang >= u.ditutup:
            raise Konflik(KodeSeleksi.UJIAN_DITUTUP, "Waktu ujian sudah ditutup.")
        komposisi = dict(u.komposisi.values_list("kategori_id", "jumlah"))
        try:
            s.susunan = susun_soal(benih=benih_peserta(u.benih, s.pendaftar.nomor),
                                   bank=bank_untuk_ujian(rekrutmen=u.rekrutmen),
                                   komposisi=komposisi)
        except ValueError:
            raise Konflik(KodeSeleksi.SOAL_KURANG, "Bank soal berubah dan tidak lagi cukup; "
                          "hubungi panitia.") from None
        s.mulai, s.jumlah_soal = sekarang, len(s.susunan)
        s.tenggat = tenggat_sesi(sekarang, u.durasi_menit, u.ditutup)
        s.save(update_fields=["susunan", "mulai", "tenggat", "jumlah_soal"])
        audit_catat(akun=None, aksi="seleksi.cat.mulai", objek=s,
                    wilayah_kode=s.pendaftar.wilayah_tugas_id,
                    sesudah={"nomor": s.pendaftar.nomor, "soal": [b["s"] for b in s.susunan],
                             "tenggat": s.tenggat})
    return s


@dataclass(frozen=True)
class HasilSimpan:
    nomor: int
    pilihan: int | None
    ulangan: bool  # True: this key was already applied; nothing was changed
    diterima: datetime


def _batas(s: SesiCAT) -> datetime:
    return s.tenggat + timedelta(
        seconds=parameter_seleksi(s.ujian.rekrutmen.pemilu, "seleksi_toleransi_detik"))


def jawaban_simpan(*, sesi: SesiCAT, nomor: int, pilihan: int | None, kunci: str,
                   urutan: int, sekarang: datetime | None = None) -> HasilSimpan:
    """Save one click. The idempotency key makes a retried save (the connection dropped
    before the answer came back) a no-op that answers as the first time did, even after the
    deadline; `urutan` (the browser's click counter) keeps a late older save from
    overwriting a newer one. After the deadline a new answer is refused
    (`seleksi.waktu_habis`) and the test is scored as it stood."""
    sekarang = sekarang or timezone.now()
    kunci = (kunci or "").strip()
    if not kunci or len(kunci) > 64:
        raise DataTidakValid("Kunci idempoten wajib (1–64 karakter).",
                             code=KodeSeleksi.JAWABAN_TIDAK_VALID)
    with transaction.atomic():
        s = _kunci_sesi(sesi)
        log = LogJawaban.objects.filter(sesi=s, kunci=kunci).first()
        if log is not None:
            if (log.nomor, log.pilihan) != (nomor, pilihan):
                raise Konflik(KodeSeleksi.KUNCI_BENTROK, "Kunci ini sudah dipakai untuk "
                              "jawaban lain.")
            return HasilSimpan(log.nomor, log.pilihan, True, log.diterima)
        if s.mulai is None:
            raise Konflik(KodeSeleksi.BELUM_MULAI, "Tes belum dimulai.")
        habis = sekarang > _batas(s)
        if not habis and s.selesai is None:
            _periksa_jawaban(s, nomor, pilihan, urutan)
            LogJawaban.objects.create(sesi=s, kunci=kunci, nomor=nomor, pilihan=pilihan,
                                      urutan=urutan, diterima=sekarang)
            j, dibuat = Jawaban.objects.get_or_create(
                sesi=s, nomor=nomor,
                defaults={"pilihan": pilihan, "urutan": urutan, "diterima": sekarang})
            if not dibuat and urutan > j.urutan:
                j.pilihan, j.urutan, j.diterima = pilihan, urutan, sekarang
                j.save(update_fields=["pilihan", "urutan", "diterima"])
            return HasilSimpan(nomor, pilihan, False, sekarang)
    if habis:
        sesi_selesaikan(sesi=s, sebab="tenggat", sekarang=sekarang)
        raise Konflik(KodeSeleksi.WAKTU_HABIS, "Waktu ujian sudah habis; jawaban ini tidak "
                      "disimpan. Jawaban sebelumnya sudah dinilai.",
                      details={"tenggat": s.tenggat.isoformat()})
    raise Konflik(KodeSeleksi.SUDAH_SELESAI, "Ujian sudah dikirim; jawaban tidak dapat "
                  "diubah.")


def _periksa_jawaban(s: SesiCAT, nomor: int, pilihan: int | None, urutan: int) -> None:
    if not 1 <= nomor <= s.jumlah_soal:
        raise DataTidakValid(f"Nomor soal 1 sampai {s.jumlah_soal}.",
                             code=KodeSeleksi.JAWABAN_TIDAK_VALID)
    if pilihan is not None and not 0 <= pilihan < len(s.susunan[nomor - 1]["p"]):
        raise DataTidakValid("Pilihan tidak ada pada soal ini.",
                             code=KodeSeleksi.JAWABAN_TIDAK_VALID)
    if urutan < 0:
        raise DataTidakValid("Urutan tidak valid.", code=KodeSeleksi.JAWABAN_TIDAK_VALID)


def sesi_selesaikan(*, sesi: SesiCAT, sebab: str = "kirim",
                    sekarang: datetime | None = None) -> SesiCAT:
    """Score the test and lock it: on the candidate's submit, or once the deadline has
    passed. A second call (double submit, a retry, the deadline sweep) returns the result
    already recorded and changes nothing."""
    sekarang = sekarang or timezone.now()
    with transaction.atomic():
        s = _kunci_sesi(sesi)
        if s.selesai is not None:
            return s
        if s.mulai is None:
            raise Konflik(KodeSeleksi.BELUM_MULAI, "Tes belum dimulai.")
        if sebab == "tenggat" and sekarang <= _batas(s):
            return s
        lembar = jawaban_sesi(s)
        kunci = dict(Soal.objects.filter(pk__in=[b["s"] for b in s.susunan])
                     .values_list("pk", "kunci"))
        s.benar = hitung_benar(s.susunan, lembar, kunci)
        s.nilai = nilai_cat(s.benar, s.jumlah_soal)
        s.selesai, s.sebab_selesai = min(sekarang, _batas(s)), sebab
        s.sidik_jawaban = sidik_lembar(lembar)
        s.save(update_fields=["benar", "nilai", "selesai", "sebab_selesai", "sidik_jawaban"])
        audit_catat(akun=None, aksi="seleksi.cat.selesai", objek=s,
                    wilayah_kode=s.pendaftar.wilayah_tugas_id,
                    sesudah={"nomor": s.pendaftar.nomor, "sebab": sebab, "benar": s.benar,
                             "jumlah_soal": s.jumlah_soal, "nilai": s.nilai,
                             "dijawab": sum(p is not None for p in lembar.values()),
                             "sidik_jawaban": s.sidik_jawaban})
    return s


def sesi_periksa_tenggat(*, sesi: SesiCAT, sekarang: datetime | None = None) -> SesiCAT:
    """Score a test whose time ran out without a submit (any read of it does this)."""
    sekarang = sekarang or timezone.now()
    if sesi.mulai and not sesi.selesai and sekarang > _batas(sesi):
        return sesi_selesaikan(sesi=sesi, sebab="tenggat", sekarang=sekarang)
    return sesi


def ujian_tutup_kedaluwarsa(*, ujian: Ujian, sekarang: datetime | None = None) -> int:
    """Score every test of the exam whose deadline has passed; returns how many."""
    sekarang = sekarang or timezone.now()
    n = 0
    for s in SesiCAT.objects.filter(ujian=ujian, mulai__isnull=False, selesai__isnull=True,
                                    tenggat__lt=sekarang).select_related(
                                        "ujian__rekrutmen__pemilu", "pendaftar"):
        if sesi_selesaikan(sesi=s, sebab="tenggat", sekarang=sekarang).selesai:
            n += 1
    return n


def kedaluwarsa_tutup_semua(*, sekarang: datetime | None = None) -> dict[int, int]:
    """Score every test in every exam whose deadline passed without a submit: the periodic
    job (`simpul seleksi tutup-kedaluwarsa`), so results do not wait for someone to open a
    page. Returns {exam id: tests scored}; running it again scores nothing twice."""
    sekarang = sekarang or timezone.now()
    ujian_ids = (SesiCAT.objects.filter(mulai__isnull=False, selesai__isnull=True,
                                        tenggat__lt=sekarang)
                 .values_list("ujian_id", flat=True).distinct())
    return {u.pk: ujian_tutup_kedaluwarsa(ujian=u, sekarang=sekarang)
            for u in Ujian.objects.filter(pk__in=list(ujian_ids)).order_by("pk")}


# --- Interview, ranking, announcement --------------------------------------------------------

def wawancara_catat(*, akun, pendaftar_id: int, nilai,
                    catatan: str = "") -> NilaiWawancara:
    """A panel member's score for a candidate in their territory (outside it the candidate
    looks missing): once per member, 0–100, audited."""
    pendaftar = wawancara_ambil(akun=akun, pendaftar_id=pendaftar_id)
    cakupan = Cakupan.dari(akun)
    if not penguji_boleh(peran=cakupan.peran, badan=pendaftar.rekrutmen.badan):
        raise Dilarang("Peran Anda bukan penguji wawancara untuk seleksi ini.")
    try:
        nilai = Decimal(str(nilai).replace(",", "."))
    except InvalidOperation:
        nilai = None
    if nilai is None or not nilai.is_finite() or not nilai_wawancara_sah(nilai):
        raise DataTidakValid("Nilai wawancara 0 sampai 100, paling banyak dua desimal.",
                             code=KodeSeleksi.NILAI_TIDAK_VALID)
    try:
        with transaction.atomic():
            _terkunci(pendaftar.rekrutmen_id)
            n = NilaiWawancara.objects.create(pendaftar=pendaftar, penguji=akun, nilai=nilai,
                                              catatan=catatan.strip()[:500])
            audit_catat(akun=akun, aksi="seleksi.wawancara.catat", objek=n,
                        wilayah_kode=pendaftar.wilayah_tugas_id,
                        sesudah={"pendaftar": pendaftar.nomor, "nilai": nilai,
                                 "catatan": n.catatan})
    except IntegrityError:
        raise Konflik(KodeSeleksi.WAWANCARA_GANDA, "Anda sudah memberi nilai wawancara "
                      "untuk pendaftar ini; setiap penguji menilai satu kali.") from None
    return n


def _isi_pengumuman(akun, rekrutmen: Rekrutmen) -> dict:
    r = peringkat_rekrutmen(akun=akun, rekrutmen=rekrutmen)

    def angka(x):
        return None if x is None else str(x)

    return {
        "rekrutmen": rekrutmen.nama, "badan": rekrutmen.badan,
        "pemilu": rekrutmen.pemilu.nama, "wilayah": rekrutmen.wilayah.nama,
        "bobot_cat": r.bobot_cat, "bobot_wawancara": r.bobot_wawancara,
        "kursi": r.kursi, "cadangan": r.cadangan,
        "daftar": [{"kode": kode, "nama": nama, "calon": [
            {"peringkat": c.peringkat, "nomor": c.nomor, "nama": c.nama, "nik": c.nik_samar,
             "cat": angka(c.nilai_cat), "wawancara": angka(c.nilai_wawancara),
             "akhir": angka(c.akhir), "keterangan": c.keterangan, "catatan": c.catatan}
            for c in calon]} for kode, nama, calon in r.wilayah],
    }


def pengumuman_terbitkan(*, akun, rekrutmen: Rekrutmen, nomor_surat: str,
                         sekarang: datetime | None = None) -> Pengumuman:
    """Publish the result: score tests whose time ran out, refuse while a test is still
    running, freeze the ranking (NIK masked) with its hash. Scores are locked afterwards."""
    Cakupan.dari(akun).wajib_mengelola(rekrutmen.wilayah_id, "Hanya KPU penyelenggara "
                                       "rekrutmen yang mengumumkan hasil.")
    if not nomor_surat.strip():
        raise DataTidakValid("Nomor surat pengumuman wajib.", code=KodeSeleksi.BELUM_LENGKAP)
    sekarang = sekarang or timezone.now()
    for u in rekrutmen.ujian.all():
        ujian_tutup_kedaluwarsa(ujian=u, sekarang=sekarang)
    with transaction.atomic():
        # The round's row lock first: a second publication, a test starting or an
        # interview score waits here, so the checks below still hold at the insert.
        _terkunci(rekrutmen.pk)
        berjalan = SesiCAT.objects.filter(ujian__rekrutmen=rekrutmen, mulai__isnull=False,
                                          selesai__isnull=True).count()
        if berjalan:
            raise Konflik(KodeSeleksi.BELUM_LENGKAP,
                          f"{berjalan} peserta masih mengerjakan CAT.")
        isi = _isi_pengumuman(akun, rekrutmen)
        sidik = _hash(json.dumps(isi, sort_keys=True, ensure_ascii=False))
        p = Pengumuman.objects.create(rekrutmen=rekrutmen, isi=isi, sidik=sidik,
                                      nomor_surat=nomor_surat.strip(), oleh=akun)
        audit_catat(akun=akun, aksi="seleksi.pengumuman.terbit", objek=p,
                    wilayah_kode=rekrutmen.wilayah_id,
                    sesudah={"nomor_surat": p.nomor_surat, "sidik": sidik,
                             "calon": sum(len(w["calon"]) for w in isi["daftar"])})
    return p


def pengumuman_pdf(*, akun, pengumuman: Pengumuman, alamat: str = "") -> bytes:
    """The announcement as PDF (WeasyPrint), from the frozen snapshot; each export is
    audited (the public download too, as the system account)."""
    pdf = pdf_render("seleksi/pengumuman_pdf.html", {"p": pengumuman, "isi": pengumuman.isi,
                                                     "alamat": alamat})
    with transaction.atomic():
        audit_catat(akun=akun if getattr(akun, "is_authenticated", False) else None,
                    aksi="seleksi.pengumuman.ekspor", objek=pengumuman,
                    wilayah_kode=pengumuman.rekrutmen.wilayah_id,
                    sesudah={"format": "pdf", "sidik": pengumuman.sidik,
                             "sha256_pdf": _hash_bytes(pdf)})
    return pdf
