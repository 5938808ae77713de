"""Eligibility rules of PKPU 8/2022 Pasal 35 ayat (1) (RULES.md §2), one test per rule."""

from datetime import date

from simpul.adhoc.rules import (
    AnggotaPartai,
    Hasil,
    HasilSyarat,
    hasil_akhir,
    nama_baku,
    syarat_domisili,
    syarat_kesehatan,
    syarat_nik,
    syarat_partai,
    syarat_pendidikan,
    syarat_periode,
    syarat_pernyataan,
    syarat_pidana,
    syarat_usia,
    usia_pada,
)
from simpul.core.nik import nik_periksa

HARI_H = date(2024, 11, 27)


def test_pasal_35_ayat_1_huruf_a_nik_struktur():
    lahir = date(1990, 5, 12)
    baik = syarat_nik(nik_periksa("3574055205900001", tanggal_lahir=lahir, jenis_kelamin="P",
                                  kecamatan_ada=lambda k: k == "35.74.05"))
    assert baik.hasil == Hasil.LULUS
    pendek = syarat_nik(nik_periksa("35740552059000"))
    assert pendek.hasil == Hasil.TIDAK_LULUS and "16 angka" in pendek.alasan
    huruf = syarat_nik(nik_periksa("35740552059O0001"))
    assert huruf.hasil == Hasil.TIDAK_LULUS and "angka" in huruf.alasan
    tanggal = syarat_nik(nik_periksa("3574059913900001"))
    assert tanggal.hasil == Hasil.TIDAK_LULUS and "tanggal" in tanggal.alasan
    wilayah = syarat_nik(nik_periksa("9974055205900001", kecamatan_ada=lambda k: False))
    assert wilayah.hasil == Hasil.TIDAK_LULUS and "wilayah" in wilayah.alasan
    # A man's NIK for a woman: a mismatch for the verifier, not a refusal.
    beda = syarat_nik(nik_periksa("3574051205900001", tanggal_lahir=lahir, jenis_kelamin="P"))
    assert beda.hasil == Hasil.DITINJAU


def test_pasal_35_ayat_1_huruf_b_usia_minimal_17_pada_hari_pemungutan():
    assert usia_pada(date(2007, 11, 27), HARI_H) == 17
    assert usia_pada(date(2007, 11, 28), HARI_H) == 16
    pas = syarat_usia(lahir=date(2007, 11, 27), acuan=HARI_H, badan="pps")
    assert pas.hasil == Hasil.LULUS
    muda = syarat_usia(lahir=date(2007, 11, 28), acuan=HARI_H, badan="pps")
    assert muda.hasil == Hasil.TIDAK_LULUS and "minimal 17" in muda.alasan


def test_pasal_35_ayat_1_huruf_b_kpps_diutamakan_55_hanya_penanda():
    tua = syarat_usia(lahir=date(1960, 1, 1), acuan=HARI_H, badan="kpps")
    assert (tua.hasil, tua.bendera) == (Hasil.LULUS, "usia_di_atas_diutamakan")
    assert syarat_usia(lahir=date(1960, 1, 1), acuan=HARI_H, badan="pps").bendera == ""
    wajib = syarat_usia(lahir=date(1960, 1, 1), acuan=HARI_H, badan="kpps",
                        kpps_maks_wajib=True)
    assert wajib.hasil == Hasil.TIDAK_LULUS


def test_pasal_35_ayat_1_huruf_f_domisili_di_wilayah_kerja():
    assert syarat_domisili(domisili_kode="35.74.05.1005",
                           wilayah_kerja_kode="35.74.05").hasil == Hasil.LULUS
    assert syarat_domisili(domisili_kode="35.74.05.1005",
                           wilayah_kerja_kode="35.74.05.1005").hasil == Hasil.LULUS
    luar = syarat_domisili(domisili_kode="35.74.01.1001", wilayah_kerja_kode="35.74.05",
                           nama_wilayah_kerja="Kedopok")
    assert luar.hasil == Hasil.TIDAK_LULUS and "Kedopok" in luar.alasan
    # 35.74.05 must not match 35.74.050...: a prefix is only a whole segment.
    assert syarat_domisili(domisili_kode="35.74.051", wilayah_kerja_kode="35.74.05"
                           ).hasil == Hasil.TIDAK_LULUS


def test_pasal_35_ayat_1_huruf_h_pendidikan_minimal_sma():
    assert syarat_pendidikan(pendidikan="sma").hasil == Hasil.LULUS
    assert syarat_pendidikan(pendidikan="s1").hasil == Hasil.LULUS
    assert syarat_pendidikan(pendidikan="smp").hasil == Hasil.TIDAK_LULUS
    assert syarat_pendidikan(pendidikan="tk").hasil == Hasil.DITINJAU
    assert syarat_pendidikan(pendidikan="smp", minimal="smp").hasil == Hasil.LULUS


def test_pasal_35_ayat_1_huruf_g_surat_keterangan_sehat():
    assert syarat_kesehatan(ada_surat_sehat=True).hasil == Hasil.LULUS
    assert syarat_kesehatan(ada_surat_sehat=False).hasil == Hasil.TIDAK_LULUS


def test_pasal_35_ayat_1_huruf_c_dan_d_surat_pernyataan():
    assert syarat_pernyataan(ada_surat_pernyataan=True).hasil == Hasil.LULUS
    assert syarat_pernyataan(ada_surat_pernyataan=False).hasil == Hasil.TIDAK_LULUS


def test_pasal_35_ayat_1_huruf_i_tidak_pernah_dipidana_5_tahun():
    assert syarat_pidana(menyatakan_tidak_pernah_dipidana=True).hasil == Hasil.LULUS
    assert syarat_pidana(menyatakan_tidak_pernah_dipidana=False).hasil == Hasil.TIDAK_LULUS


def test_pasal_35_ayat_1_huruf_e_anggota_partai_dicocokkan_nik_dan_nama_tanggal_lahir():
    lahir = date(1990, 5, 12)
    daftar = [
        AnggotaPartai("3574051205900001", "Budi S.", date(1990, 5, 12), "Partai A",
                      sumber="sipol.csv baris 2"),
        AnggotaPartai("3501010101800001", "SITI  Aminah", lahir, "Partai B",
                      keluar=date(2018, 1, 1), sumber="sipol.csv baris 3"),
        AnggotaPartai("3501010101800002", "Siti Aminah", date(1991, 1, 1), "Partai C"),
    ]
    nik = syarat_partai(nik="3574051205900001", nama="Budi Santoso", lahir=lahir, acuan=HARI_H,
                        menyatakan_bukan_anggota=True, anggota=daftar)
    assert nik.hasil == Hasil.DITINJAU and nik.bukti[0]["dasar"] == "NIK"
    assert "sipol.csv baris 2" in nik.alasan
    nama = syarat_partai(nik="3574055205900009", nama="Siti Aminah", lahir=lahir, acuan=HARI_H,
                         menyatakan_bukan_anggota=True, anggota=daftar)
    assert nama.hasil == Hasil.DITINJAU and len(nama.bukti) == 1
    assert nama.bukti[0]["dasar"] == "nama dan tanggal lahir"
    assert nama.bukti[0]["keluar_cukup_lama"] is True  # left in 2018, ≥ 5 years before
    bersih = syarat_partai(nik="3574055205900009", nama="Ani", lahir=lahir, acuan=HARI_H,
                           menyatakan_bukan_anggota=True, anggota=daftar)
    assert bersih.hasil == Hasil.LULUS
    mengaku = syarat_partai(nik="3574055205900009", nama="Ani", lahir=lahir, acuan=HARI_H,
                            menyatakan_bukan_anggota=False, anggota=[])
    assert mengaku.hasil == Hasil.TIDAK_LULUS


def test_nama_baku_untuk_pencocokan():
    assert nama_baku("  Sítí   AMINAH, S.Pd ") == "siti aminah s pd"


def test_periode_tanpa_batas_bawaan_karena_dihapus_pkpu_8_2022():
    """Not in PKPU 8/2022 Pasal 35 ayat (1): the 2-term limit was dropped."""
    assert syarat_periode(periode=3, batas=None).hasil == Hasil.LULUS
    assert syarat_periode(periode=2, batas=2).hasil == Hasil.TIDAK_LULUS
    assert syarat_periode(periode=1, batas=2).hasil == Hasil.LULUS


def test_hasil_akhir():
    lulus = HasilSyarat("a", Hasil.LULUS, "")
    tinjau = HasilSyarat("b", Hasil.DITINJAU, "")
    tolak = HasilSyarat("c", Hasil.TIDAK_LULUS, "")
    assert hasil_akhir([lulus]) == Hasil.LULUS
    assert hasil_akhir([lulus, tinjau]) == Hasil.DITINJAU
    assert hasil_akhir([tinjau, tolak, lulus]) == Hasil.TIDAK_LULUS
