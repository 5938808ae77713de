import io
from datetime import date

import pytest
from openpyxl import Workbook

from simpul.core.errors import DataTidakValid, Dilarang, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.models import TPS, Pemilu
from simpul.pemilu.rules import PARAMETER_BAWAAN
from simpul.pemilu.services import pemilu_buat, tps_impor, tps_simpan

pytestmark = pytest.mark.django_db
KEDOPOK = "35.74.05.1005"


def test_demo_memuat_jumlah_tps_dari_seed(pemilu, pilkada):
    assert TPS.objects.filter(pemilu=pemilu).count() == 669
    assert TPS.objects.filter(pemilu=pilkada).count() == 328
    assert TPS.objects.filter(pemilu=pemilu).values("desa").distinct().count() == 29
    assert TPS.objects.filter(pemilu=pemilu, desa_id=KEDOPOK).count() == 13
    for p in (pemilu, pilkada):
        assert not TPS.objects.filter(pemilu=p, jumlah_pemilih__gt=p.maks_pemilih_per_tps)


def test_maks_pemilih_per_tps_rules_md_bagian_3(pemilu, pilkada):
    """RULES.md §3: 300 per TPS for Pemilu 2024, 600 for Pilkada 2024; a parameter."""
    assert pemilu.maks_pemilih_per_tps == 300 == PARAMETER_BAWAAN["pemilu"]["maks_pemilih_per_tps"]
    assert pilkada.maks_pemilih_per_tps == 600
    pilkada.parameter = {"maks_pemilih_per_tps": 500}
    assert pilkada.maks_pemilih_per_tps == 500


def test_pemilu_nasional_hanya_oleh_kpu_ri(buat_akun):
    with pytest.raises(Dilarang):
        pemilu_buat(akun=buat_akun(Peran.KPU_PROVINSI, "35"), nama="Pemilu 2029",
                    jenis="pemilu", tanggal_pemungutan=date(2029, 2, 14))
    p = pemilu_buat(akun=buat_akun(Peran.KPU_RI), nama="Pemilu 2029", jenis="pemilu",
                    tanggal_pemungutan=date(2029, 2, 14))
    assert p.cakupan is None
    assert AuditEntry.objects.filter(aksi="pemilu.buat", objek_id=str(p.pk)).exists()


def test_pilkada_oleh_kpu_wilayahnya_saja(buat_akun):
    kota = buat_akun(Peran.KPU_KAB_KOMISIONER, "35.74")
    p = pemilu_buat(akun=kota, nama="Pilwali 2029", jenis="pilkada",
                    tanggal_pemungutan=date(2029, 11, 27), cakupan_kode="35.74")
    assert p.cakupan_id == "35.74"
    with pytest.raises(TidakDitemukan):
        pemilu_buat(akun=kota, nama="Pilbup 2029", jenis="pilkada",
                    tanggal_pemungutan=date(2029, 11, 27), cakupan_kode="35.13")
    with pytest.raises(DataTidakValid) as e:
        pemilu_buat(akun=kota, nama="X", jenis="pilkada", tanggal_pemungutan=date(2029, 1, 1),
                    cakupan_kode="35.74.05")
    assert e.value.code == "pemilu.cakupan_tidak_valid"
    assert not Pemilu.objects.filter(nama="Pilbup 2029").exists()


@pytest.fixture
def operator(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


def test_simpan_tps_mencatat_sebelum_dan_sesudah(operator, pemilu):
    tps = tps_simpan(akun=operator, pemilu=pemilu, kode_desa=KEDOPOK, nomor=1,
                     alamat="Balai RW 03", jumlah_pemilih=250)
    entri = AuditEntry.objects.order_by("-seq").first()
    assert entri.aksi == "tps.ubah" and entri.objek_id == str(tps.pk)
    assert entri.sesudah["alamat"] == "Balai RW 03" and entri.sebelum["alamat"] != "Balai RW 03"


@pytest.mark.parametrize(("ubah", "kode"), [
    ({"kode_desa": "35.74.05"}, "tps.desa_tidak_valid"),
    ({"kode_desa": "35.74.05.9999"}, "tps.desa_tidak_valid"),
    ({"nomor": 0}, "tps.berkas_tidak_valid"),
    ({"lintang": -7.75}, "tps.koordinat_tidak_valid"),
    ({"lintang": 51.5, "bujur": -0.1}, "tps.koordinat_tidak_valid"),
    ({"jumlah_pemilih": 301}, "tps.melebihi_maks_pemilih"),
])
def test_tps_salah_ditolak_dengan_kode(operator, pemilu, ubah, kode):
    data = {"kode_desa": KEDOPOK, "nomor": 70, "jumlah_pemilih": 200, **ubah}
    sebelum = TPS.objects.count()
    with pytest.raises((DataTidakValid, TidakDitemukan)) as e:
        tps_simpan(akun=operator, pemilu=pemilu, **data)
    assert e.value.code in (kode, "tidak_ditemukan")
    if data["kode_desa"].startswith("35.74.05.1005"):
        assert e.value.code == kode
    assert TPS.objects.count() == sebelum


def _csv(*baris: str) -> bytes:
    return "\n".join(["kode_desa,nomor,alamat,lintang,bujur,jumlah_pemilih", *baris]).encode()


def test_impor_csv_baris_baik_masuk_baris_buruk_dilaporkan(operator, pemilu):
    data = _csv(
        f"{KEDOPOK},14,Jl. Anggrek,-7.7712,113.1934,280",   # 2 new
        f"{KEDOPOK},1,Balai RW 01,,,240",                    # 3 update
        "35.74.05.9999,1,,,,100",                            # 4 unknown desa
        f"{KEDOPOK},15,,abc,113.19,100",                     # 5 not a number
        f"{KEDOPOK},14,Jl. Anggrek,-7.7712,113.1934,280",   # 6 duplicate of line 2
        "35.13.01.2001,1,,,,100",                            # 7 outside territory
        f"{KEDOPOK},16,,,,999",                              # 8 over the maximum
    )
    hasil = tps_impor(akun=operator, pemilu=pemilu, data=data, nama_berkas="tps.csv")
    assert (hasil.dibuat, hasil.diubah) == (1, 1)
    assert sorted({g.baris for g in hasil.galat}) == [4, 5, 6, 7, 8]
    kode = {g.baris: g.kode for g in hasil.galat}
    assert kode[4] == "tps.desa_tidak_valid" and kode[6] == "tps.nomor_ganda"
    assert kode[7] == "tps.di_luar_cakupan_pemilu" and kode[8] == "tps.melebihi_maks_pemilih"
    assert TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=14).alamat == "Jl. Anggrek"
    # Same file again: nothing changes and no new audit entry.
    jumlah_audit = AuditEntry.objects.count()
    lagi = tps_impor(akun=operator, pemilu=pemilu, data=data, nama_berkas="tps.csv")
    assert (lagi.dibuat, lagi.diubah, lagi.tetap) == (0, 0, 2)
    assert AuditEntry.objects.count() == jumlah_audit


def test_impor_xlsx(operator, pemilu):
    buku = Workbook()
    lembar = buku.active
    lembar.append(["kode_desa", "nomor", "alamat", "jumlah_pemilih"])
    lembar.append([KEDOPOK, 20, "Musala", 150])
    lembar.append([KEDOPOK, "dua satu", "", 150])
    isi = io.BytesIO()
    buku.save(isi)
    hasil = tps_impor(akun=operator, pemilu=pemilu, data=isi.getvalue(), nama_berkas="t.xlsx")
    assert hasil.dibuat == 1 and [g.baris for g in hasil.galat] == [3]


@pytest.mark.parametrize(("isi", "nama", "pesan"), [
    (b"", "tps.csv", "kosong"),
    (b"kode,nomor\n1,2\n", "tps.csv", "Kolom wajib"),
    ("kode_desa,nomor,alamat\n35.74.05.1005,30,Jalan Kenari Prob\u00f3\n".encode("latin-1"),
     "tps.csv", "UTF-8"),
    (b"PK\x03\x04rusak", "tps.xlsx", "rusak"),
    (b"%PDF-1.4", "tps.pdf", "csv atau .xlsx"),
])
def test_berkas_tps_tidak_terbaca_ditolak(operator, pemilu, isi, nama, pesan):
    with pytest.raises(DataTidakValid, match=pesan) as e:
        tps_impor(akun=operator, pemilu=pemilu, data=isi, nama_berkas=nama)
    assert e.value.code == "tps.berkas_tidak_valid"


def test_badan_ad_hoc_tidak_boleh_mengubah_tps(buat_akun, pemilu):
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    with pytest.raises(Dilarang):
        tps_simpan(akun=pps, pemilu=pemilu, kode_desa=KEDOPOK, nomor=1)
    with pytest.raises(Dilarang):
        tps_impor(akun=pps, pemilu=pemilu, data=_csv(f"{KEDOPOK},1,,,,1"), nama_berkas="a.csv")
