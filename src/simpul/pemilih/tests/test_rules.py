from datetime import date

from simpul.pemilih.rules import (
    KATEGORI_TMS_AWAL,
    cukup_umur,
    pemilih_periksa,
    rt_rw_kosong,
    usia_pada,
)

from .conftest import nik_untuk

HARI_INI = date(2024, 1, 1)
PEMUNGUTAN = date(2024, 2, 14)


def _periksa(**kw):
    nilai = {"nik": nik_untuk(date(1990, 5, 12)), "nkk": "3574050101000001", "nama": "Budi",
             "tanggal_lahir": date(1990, 5, 12), "jenis_kelamin": "L", "status_kawin": "S",
             "rt": "001", "rw": "002", "tanggal_pemungutan": PEMUNGUTAN,
             "kecamatan_ada": lambda k: k == "35.74.05", "hari_ini": HARI_INI, **kw}
    return {t.kode: t for t in pemilih_periksa(**nilai)}


def test_rekaman_benar_tanpa_temuan():
    assert _periksa() == {}


def test_nik_permendagri_108_2019_tanggal_perempuan_ditambah_40():
    nik = nik_untuk(date(1990, 5, 12), perempuan=True)
    assert _periksa(nik=nik, jenis_kelamin="P") == {}
    temuan = _periksa(nik=nik, jenis_kelamin="L")
    assert temuan["nik.jenis_kelamin_beda"].galat is False


def test_tanggal_lahir_beda_dari_nik_adalah_peringatan_bukan_perbaikan():
    temuan = _periksa(tanggal_lahir=date(1990, 12, 5))
    assert set(temuan) == {"nik.tanggal_lahir_beda"}
    assert temuan["nik.tanggal_lahir_beda"].galat is False


def test_nik_salah_adalah_galat():
    assert _periksa(nik="2")["nik.panjang"].galat
    assert _periksa(nik="35740512059O0001")["nik.bukan_angka"].galat
    assert _periksa(nik="9974051205900001")["nik.wilayah_tidak_dikenal"].galat
    assert _periksa(nik="3574053205900001")["nik.tanggal_tidak_mungkin"].galat


def test_tanggal_tidak_mungkin_dan_kolom_wajib():
    temuan = _periksa(tanggal_lahir=date(2030, 1, 1), nik=nik_untuk(date(1990, 5, 12)))
    assert temuan["pemilih.tanggal_lahir_tidak_mungkin"].galat
    assert _periksa(tanggal_lahir=None)["pemilih.tanggal_lahir_tidak_valid"].galat
    assert _periksa(nama=" ")["pemilih.nama_kosong"].galat
    assert _periksa(nkk="123")["nkk.tidak_valid"].galat
    assert _periksa(jenis_kelamin="X")["pemilih.jenis_kelamin_tidak_valid"].galat
    assert _periksa(status_kawin="Z")["pemilih.status_kawin_tidak_valid"].galat
    assert _periksa(rt="1a")["pemilih.rt_rw_tidak_valid"].galat


def test_rt_rw_000_adalah_peringatan():
    """ANCHORS.md (SIDALIH data): RT 00/RW 00 is flagged, not refused."""
    assert _periksa(rt="000")["pemilih.rt_rw_kosong"].galat is False
    assert rt_rw_kosong("00") and rt_rw_kosong("") and not rt_rw_kosong("010")


def test_uu_7_2017_pasal_198_usia_17_atau_pernah_kawin():
    lahir = date(2007, 3, 1)  # 16 on 14 Feb 2024
    assert usia_pada(lahir, PEMUNGUTAN) == 16
    assert not cukup_umur(lahir, "B", PEMUNGUTAN)
    assert cukup_umur(lahir, "S", PEMUNGUTAN)
    assert cukup_umur(lahir, "P", PEMUNGUTAN)
    assert cukup_umur(date(2007, 2, 14), "B", PEMUNGUTAN)
    temuan = _periksa(nik=nik_untuk(lahir), tanggal_lahir=lahir, status_kawin="B")
    assert temuan["pemilih.di_bawah_umur"].galat is False


def test_kategori_tms_rules_md_4_tanpa_kode_angka():
    kode = [k for k, _, _ in KATEGORI_TMS_AWAL]
    assert "meninggal" in kode and "hak_pilih_dicabut" in kode and len(kode) == 9
    assert not any(k.isdigit() for k in kode)
