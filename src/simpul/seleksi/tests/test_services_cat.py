"""The CAT through its services: bank import, exam, login, answers, deadline, submit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from simpul.adhoc.services import pendaftar_putuskan
from simpul.core.errors import DataTidakValid, Dilarang, SimpulError
from simpul.core.models import AuditEntry
from simpul.seleksi.models import Jawaban, KategoriSoal, LogJawaban, SesiCAT, Soal
from simpul.seleksi.services import (
    jawaban_simpan,
    kode_terbitkan,
    peserta_masuk,
    sesi_mulai,
    sesi_periksa_tenggat,
    sesi_selesaikan,
    soal_impor,
    ujian_buat,
    ujian_tutup_kedaluwarsa,
)

from .conftest import KOLOM, csv_bank


def _kunci_benar(s: SesiCAT) -> dict[int, int]:
    """The screen position of the correct option of each question (test oracle)."""
    kunci = dict(Soal.objects.values_list("pk", "kunci"))
    return {n: b["p"].index(kunci[b["s"]]) for n, b in enumerate(s.susunan, start=1)}


def _mulai(peserta):
    p, kode = peserta
    s, token = peserta_masuk(nomor=p.nomor, kode=kode)
    return sesi_mulai(sesi=s), token


# --- Question bank ---------------------------------------------------------------------------

def test_impor_soal_menyimpan_baris_sah_dan_melaporkan_baris_salah(operator_kota):
    data = (KOLOM + '"Wawasan Kebangsaan","Lambang negara?",Garuda,Banteng,Rajawali,Elang,,A\n'
            '"Kategori Asing","Soal?",a,b,c,d,,A\n'
            '"Wawasan Kebangsaan","Tiga pilihan?",a,b,c,,,A\n'
            '"Wawasan Kebangsaan","Lambang  NEGARA?",x,y,z,w,,B\n'
            '"Pancasila dan UUD 1945","Sila ke-3?",Ketuhanan,Kemanusiaan,Persatuan,Kerakyatan,'
            'Keadilan,C\n').encode()
    hasil = soal_impor(akun=operator_kota, data=data, nama_berkas="soal.csv")
    assert hasil.dibuat == 2
    assert hasil.sudah_ada == [5]  # same text as line 2 once normalised
    assert [g["baris"] for g in hasil.galat] == [3, 4]
    assert "tidak dikenal" in hasil.galat[0]["galat"][0]
    assert Soal.objects.get(teks="Sila ke-3?").kunci == 2
    assert Soal.objects.get(teks="Sila ke-3?").wilayah_id == "35.74"
    assert AuditEntry.objects.filter(aksi="seleksi.soal.impor").exists()
    # Importing the same file again adds nothing.
    lagi = soal_impor(akun=operator_kota, data=data, nama_berkas="soal.csv")
    assert lagi.dibuat == 0 and lagi.sudah_ada == [2, 5, 6]


def test_impor_soal_xlsx(operator_kota):
    import io

    from openpyxl import Workbook
    buku = Workbook()
    lembar = buku.active
    lembar.append(KOLOM.strip().split(","))
    lembar.append(["Ke-PPK/PPS-an", "Jumlah anggota PPS?", "1", "3", "5", "7", None, "B"])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    hasil = soal_impor(akun=operator_kota, data=keluaran.getvalue(), nama_berkas="soal.xlsx")
    assert hasil.dibuat == 1 and hasil.galat == []


def test_impor_soal_tanpa_kolom_wajib_ditolak_utuh(operator_kota):
    with pytest.raises(DataTidakValid) as e:
        soal_impor(akun=operator_kota, data=b"kategori,pertanyaan\nx,y\n", nama_berkas="s.csv")
    assert e.value.code == "seleksi.impor_soal_tidak_valid"


def test_impor_soal_hanya_kpu(buat_akun, pemilu):
    ppk = buat_akun("ppk", "35.74.05", pemilu)
    with pytest.raises(Dilarang):
        soal_impor(akun=ppk, data=csv_bank(), nama_berkas="bank.csv")


# --- Exam ------------------------------------------------------------------------------------

def test_ujian_menolak_soal_kurang_dan_badan_tanpa_cat(operator_kota, rekrutmen_pps, bank,
                                                       pilkada):
    sekarang = timezone.now()
    kategori = KategoriSoal.objects.first()
    with pytest.raises(DataTidakValid) as e:
        ujian_buat(akun=operator_kota, rekrutmen=rekrutmen_pps, nama="x", durasi_menit=10,
                   dibuka=sekarang, ditutup=sekarang + timedelta(hours=1),
                   komposisi={kategori.pk: 5})
    assert e.value.code == "seleksi.soal_kurang"
    rekrutmen_pps.badan = "kpps"
    with pytest.raises(DataTidakValid) as e:
        ujian_buat(akun=operator_kota, rekrutmen=rekrutmen_pps, nama="x", durasi_menit=10,
                   dibuka=sekarang, ditutup=sekarang + timedelta(hours=1),
                   komposisi={kategori.pk: 1})
    assert e.value.code == "seleksi.badan_tanpa_cat"


# --- Login and start -------------------------------------------------------------------------

def test_kode_sekali_pakai_dan_terkunci_setelah_salah_berulang(peserta, ujian, operator_kota):
    p, kode = peserta
    peserta_masuk(nomor=p.nomor, kode=kode.lower())
    with pytest.raises(DataTidakValid) as e:
        peserta_masuk(nomor=p.nomor, kode=kode)
    assert e.value.code == "seleksi.kode_masuk_salah"
    for _ in range(4):
        with pytest.raises(DataTidakValid):
            peserta_masuk(nomor=p.nomor, kode="SALAH123")
    with pytest.raises(SimpulError) as e:
        peserta_masuk(nomor=p.nomor, kode=kode)
    assert e.value.code == "seleksi.kode_masuk_terkunci"
    # A new code from the committee unlocks it.
    [(_, baru)] = kode_terbitkan(akun=operator_kota, ujian=ujian, pendaftar_id=p.pk)
    s, token = peserta_masuk(nomor=p.nomor, kode=baru)
    assert token and s.gagal_masuk == 0


def test_pendaftar_tidak_memenuhi_syarat_tidak_dapat_mulai(peserta, operator_kota, ujian,
                                                           daftarkan):
    p, kode = peserta
    s, _ = peserta_masuk(nomor=p.nomor, kode=kode)
    pendaftar_putuskan(akun=operator_kota, pendaftar_id=p.pk, keputusan="tms",
                       alasan="ijazah palsu")
    with pytest.raises(SimpulError) as e:
        sesi_mulai(sesi=s)
    assert e.value.code == "seleksi.tidak_memenuhi_syarat" and e.value.status == 403
    assert SesiCAT.objects.get(pk=s.pk).mulai is None
    # An applicant never found eligible gets no code at all.
    belum = daftarkan(ms=False)
    with pytest.raises(DataTidakValid) as e:
        kode_terbitkan(akun=operator_kota, ujian=ujian, pendaftar_id=belum.pk)
    assert e.value.code == "seleksi.tidak_memenuhi_syarat"


def test_mulai_dua_kali_melanjutkan_tes_yang_sama(peserta):
    s, _ = _mulai(peserta)
    lagi = sesi_mulai(sesi=s, sekarang=s.mulai + timedelta(minutes=3))
    assert (lagi.susunan, lagi.tenggat) == (s.susunan, s.tenggat)
    assert len(s.susunan) == 8 and s.tenggat == s.mulai + timedelta(minutes=10)
    assert AuditEntry.objects.filter(aksi="seleksi.cat.mulai").count() == 1


def test_susunan_peserta_dapat_diulang_dari_rahasia_ujian(peserta, daftarkan, operator_kota,
                                                          ujian):
    from simpul.seleksi.rules import benih_peserta, susun_soal
    from simpul.seleksi.selectors import bank_untuk_ujian
    s, _ = _mulai(peserta)
    komposisi = dict(ujian.komposisi.values_list("kategori_id", "jumlah"))
    assert s.susunan == susun_soal(benih=benih_peserta(ujian.benih, s.pendaftar.nomor),
                                   bank=bank_untuk_ujian(rekrutmen=ujian.rekrutmen),
                                   komposisi=komposisi)
    lain = daftarkan()
    [(_, kode)] = kode_terbitkan(akun=operator_kota, ujian=ujian, pendaftar_id=lain.pk)
    s2, _ = peserta_masuk(nomor=lain.nomor, kode=kode)
    assert sesi_mulai(sesi=s2).susunan != s.susunan


def test_ujian_belum_dibuka_atau_sudah_ditutup(peserta, ujian):
    p, kode = peserta
    s, _ = peserta_masuk(nomor=p.nomor, kode=kode)
    with pytest.raises(SimpulError) as e:
        sesi_mulai(sesi=s, sekarang=ujian.dibuka - timedelta(minutes=1))
    assert e.value.code == "seleksi.ujian_belum_dibuka"
    with pytest.raises(SimpulError) as e:
        sesi_mulai(sesi=s, sekarang=ujian.ditutup)
    assert e.value.code == "seleksi.ujian_ditutup"


# --- Answers ---------------------------------------------------------------------------------

def test_jawaban_setelah_waktu_habis_ditolak_dan_tes_dinilai(peserta):
    s, _ = _mulai(peserta)
    benar = _kunci_benar(s)
    jawaban_simpan(sesi=s, nomor=1, pilihan=benar[1], kunci="k1", urutan=1,
                   sekarang=s.tenggat - timedelta(seconds=1))
    with pytest.raises(SimpulError) as e:
        jawaban_simpan(sesi=s, nomor=2, pilihan=benar[2], kunci="k2", urutan=2,
                       sekarang=s.tenggat + timedelta(seconds=1))
    assert e.value.code == "seleksi.waktu_habis" and e.value.status == 409
    assert not Jawaban.objects.filter(sesi=s, nomor=2).exists()
    s.refresh_from_db()
    assert s.selesai == s.tenggat and s.sebab_selesai == "tenggat"
    assert s.benar == 1 and str(s.nilai) == "12.50"


def test_jawaban_diulang_tidak_diterapkan_dua_kali(peserta):
    s, _ = _mulai(peserta)
    t = s.mulai + timedelta(minutes=1)
    pertama = jawaban_simpan(sesi=s, nomor=3, pilihan=0, kunci="klik-1", urutan=1, sekarang=t)
    jawaban_simpan(sesi=s, nomor=3, pilihan=2, kunci="klik-2", urutan=2, sekarang=t)
    # The first save is retried (its answer was lost on the way back): no change.
    ulang = jawaban_simpan(sesi=s, nomor=3, pilihan=0, kunci="klik-1", urutan=1,
                           sekarang=t + timedelta(seconds=5))
    assert ulang.ulangan and not pertama.ulangan and ulang.diterima == pertama.diterima
    assert Jawaban.objects.get(sesi=s, nomor=3).pilihan == 2
    assert LogJawaban.objects.filter(sesi=s).count() == 2
    # The same key for a different answer is a clash, not a silent overwrite.
    with pytest.raises(SimpulError) as e:
        jawaban_simpan(sesi=s, nomor=3, pilihan=1, kunci="klik-1", urutan=3, sekarang=t)
    assert e.value.code == "seleksi.kunci_idempoten_bentrok"
    # A retry that arrives after the deadline still answers as the first time did.
    lambat = jawaban_simpan(sesi=s, nomor=3, pilihan=2, kunci="klik-2", urutan=2,
                            sekarang=s.tenggat + timedelta(minutes=1))
    assert lambat.ulangan


def test_simpan_lama_yang_terlambat_tidak_menimpa_yang_baru(peserta):
    s, _ = _mulai(peserta)
    t = s.mulai + timedelta(minutes=1)
    jawaban_simpan(sesi=s, nomor=1, pilihan=3, kunci="b", urutan=5, sekarang=t)
    jawaban_simpan(sesi=s, nomor=1, pilihan=1, kunci="a", urutan=4, sekarang=t)
    assert Jawaban.objects.get(sesi=s, nomor=1).pilihan == 3


def test_jawaban_tidak_valid(peserta):
    s, _ = _mulai(peserta)
    t = s.mulai + timedelta(minutes=1)
    for nomor, pilihan in ((0, 1), (9, 1), (1, 4), (1, 7)):
        with pytest.raises(DataTidakValid) as e:
            jawaban_simpan(sesi=s, nomor=nomor, pilihan=pilihan, kunci=f"x{nomor}{pilihan}",
                           urutan=1, sekarang=t)
        assert e.value.code == "seleksi.jawaban_tidak_valid"
    with pytest.raises(DataTidakValid):
        jawaban_simpan(sesi=s, nomor=1, pilihan=1, kunci="", urutan=1, sekarang=t)
    assert not LogJawaban.objects.filter(sesi=s).exists()


def test_melanjutkan_setelah_koneksi_putus(peserta, operator_kota):
    """The phone lost its connection after answer 4 (and the cookie with the page): the
    candidate logs in again with a new code and finds the same test, answers and deadline."""
    s, _ = _mulai(peserta)
    benar = _kunci_benar(s)
    t = s.mulai + timedelta(minutes=2)
    for n in range(1, 5):
        jawaban_simpan(sesi=s, nomor=n, pilihan=benar[n], kunci=f"k{n}", urutan=n, sekarang=t)
    from simpul.seleksi.selectors import jawaban_sesi, sesi_dari_token
    p = s.pendaftar
    [(_, baru)] = kode_terbitkan(akun=operator_kota, ujian=s.ujian, pendaftar_id=p.pk)
    s2, token = peserta_masuk(nomor=p.nomor, kode=baru)
    s2 = sesi_mulai(sesi=sesi_dari_token(token), sekarang=t + timedelta(minutes=1))
    assert s2.pk == s.pk and s2.susunan == s.susunan and s2.tenggat == s.tenggat
    assert jawaban_sesi(s2) == {n: benar[n] for n in range(1, 5)}
    for n in range(5, 9):
        jawaban_simpan(sesi=s2, nomor=n, pilihan=benar[n], kunci=f"k{n}", urutan=n,
                       sekarang=t + timedelta(minutes=2))
    hasil = sesi_selesaikan(sesi=s2, sekarang=t + timedelta(minutes=3))
    assert hasil.benar == 8 and str(hasil.nilai) == "100.00"


def test_kirim_dua_kali_hasil_sama_dan_tercatat_sekali(peserta):
    s, _ = _mulai(peserta)
    benar = _kunci_benar(s)
    t = s.mulai + timedelta(minutes=1)
    jawaban_simpan(sesi=s, nomor=1, pilihan=benar[1], kunci="a", urutan=1, sekarang=t)
    jawaban_simpan(sesi=s, nomor=2, pilihan=(benar[2] + 1) % 4, kunci="b", urutan=2, sekarang=t)
    pertama = sesi_selesaikan(sesi=s, sekarang=t + timedelta(seconds=10))
    kedua = sesi_selesaikan(sesi=s, sekarang=t + timedelta(seconds=11))
    assert (kedua.selesai, kedua.nilai, kedua.benar) == (pertama.selesai, pertama.nilai, 1)
    entri = AuditEntry.objects.filter(aksi="seleksi.cat.selesai", objek_id=str(s.pk))
    assert entri.count() == 1
    assert entri.get().sesudah["sidik_jawaban"] == pertama.sidik_jawaban
    assert entri.get().sesudah["nilai"] == "12.50"
    # Locked: no answer after submit, even within the time.
    with pytest.raises(SimpulError) as e:
        jawaban_simpan(sesi=s, nomor=3, pilihan=0, kunci="c", urutan=3, sekarang=t)
    assert e.value.code == "seleksi.sudah_selesai"


def test_tenggat_menilai_tes_tanpa_dikirim(peserta, ujian):
    s, _ = _mulai(peserta)
    assert sesi_periksa_tenggat(sesi=s, sekarang=s.tenggat).selesai is None
    assert ujian_tutup_kedaluwarsa(ujian=ujian, sekarang=s.tenggat + timedelta(seconds=1)) == 1
    s.refresh_from_db()
    assert s.sebab_selesai == "tenggat" and s.nilai is not None
    assert ujian_tutup_kedaluwarsa(ujian=ujian, sekarang=s.tenggat + timedelta(minutes=1)) == 0
