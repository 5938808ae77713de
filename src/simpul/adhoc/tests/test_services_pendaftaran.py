from datetime import date, timedelta

import pytest
from django.utils import timezone

from simpul.adhoc.errors import KodeAdhoc
from simpul.adhoc.models import AnggotaPartai, Berkas, Pendaftar
from simpul.adhoc.rules import berkas_periksa
from simpul.adhoc.services import Konflik, pendaftar_daftar, rekrutmen_buat
from simpul.core.errors import DataTidakValid, SimpulError
from simpul.core.models import AuditEntry

from .conftest import JPEG, NIK_BUDI, PDF, PNG, berkas_lengkap

pytestmark = pytest.mark.django_db


def test_berkas_jenis_dari_isi_ukuran_dan_keutuhan():
    assert berkas_periksa(PDF).mime == "application/pdf"
    assert berkas_periksa(JPEG).mime == "image/jpeg"
    assert berkas_periksa(PNG).mime == "image/png"
    assert berkas_periksa(b"").kode == "adhoc.berkas_kosong"
    assert berkas_periksa(b"MZ\x90\x00 executable").kode == "adhoc.berkas_jenis_salah"
    assert berkas_periksa(b"GIF89a....").kode == "adhoc.berkas_jenis_salah"
    assert berkas_periksa(PDF, maks_byte=10).kode == "adhoc.berkas_terlalu_besar"
    assert berkas_periksa(PDF[:-7]).kode == "adhoc.berkas_rusak"
    assert berkas_periksa(JPEG[:-2]).kode == "adhoc.berkas_rusak"
    assert berkas_periksa(PNG[:-12]).kode == "adhoc.berkas_rusak"


def test_daftar_membuat_nomor_tanda_terima_syarat_dan_audit(rekrutmen_kpps, isian):
    p, baru = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    assert baru and p.nomor.startswith("KPPS-") and len(p.nomor) == 13
    assert {b.jenis for b in p.berkas.all()} == {"ktp", "ijazah", "surat_sehat",
                                                 "surat_pernyataan"}
    assert all(len(b.sha256) == 64 and b.berkas.read() for b in p.berkas.all())
    assert [h["syarat"] for h in p.hasil_syarat] == [
        "nik", "usia", "domisili", "pendidikan", "kesehatan", "pernyataan", "partai",
        "pidana", "periode"]
    assert all(h["hasil"] == "lulus" for h in p.hasil_syarat), p.hasil_syarat
    entri = AuditEntry.objects.order_by("-seq").first()
    assert entri.aksi == "adhoc.pendaftar.daftar" and entri.sesudah["nomor"] == p.nomor
    assert entri.sesudah["dibantu_petugas"] is False


def test_klik_ganda_atau_kirim_ulang_tidak_membuat_dua(rekrutmen_kpps, isian):
    p1, baru1 = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    p2, baru2 = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    assert (baru1, baru2) == (True, False) and p1.pk == p2.pk
    assert Pendaftar.objects.filter(nik=NIK_BUDI).count() == 1
    assert Berkas.objects.filter(pendaftar=p1).count() == 4


def test_kunci_sama_nik_lain_ditolak(rekrutmen_kpps, isian):
    pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    with pytest.raises(Konflik) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(nik="3574051205900002"))
    assert e.value.code == KodeAdhoc.KUNCI_BENTROK


def test_satu_nik_satu_pendaftaran_per_pemilu(rekrutmen_kpps, operator_kota, pilkada, isian):
    pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    hari_ini = timezone.localdate()
    lain = rekrutmen_buat(akun=operator_kota, pemilu=pilkada, badan="pps", kode_wilayah="35.74",
                          nama="PPS", pengumuman=hari_ini, pendaftaran_mulai=hari_ini,
                          pendaftaran_selesai=hari_ini)
    with pytest.raises(Konflik) as e:
        pendaftar_daftar(rekrutmen=lain, **isian(kunci_idempoten="kunci-lain"))
    assert e.value.code == KodeAdhoc.PENDAFTAR_GANDA and e.value.status == 409
    assert "satu kali per pemilu" in e.value.message


@pytest.mark.parametrize("nik, kode", [
    ("357405120590", "nik.panjang"),
    ("35740512059000AB", "nik.bukan_angka"),
    ("3574053205900001", "nik.tanggal_tidak_mungkin"),  # 32nd of May
    ("9974051205900001", "nik.wilayah_tidak_dikenal"),
    ("3574051205900000", "nik.nomor_urut_nol"),
])
def test_nik_salah_ditolak_dengan_kode(rekrutmen_kpps, isian, nik, kode):
    with pytest.raises(DataTidakValid) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(nik=nik))
    assert e.value.code == kode
    assert not Pendaftar.objects.exists()


def test_nik_perempuan_tanggal_plus_40_diterima(rekrutmen_kpps, isian):
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(
        nik="3574055205900001", nama="Siti", jenis_kelamin="P"))
    assert p.hasil_syarat[0]["hasil"] == "lulus"


def test_nik_jenis_kelamin_beda_diterima_untuk_ditinjau(rekrutmen_kpps, isian):
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(jenis_kelamin="P"))
    assert p.hasil_syarat[0]["hasil"] == "perlu_ditinjau"


def test_di_bawah_umur_pada_hari_pemungutan_ditolak(rekrutmen_kpps, isian, pilkada):
    """PKPU 8/2022 Pasal 35 ayat (1) huruf b: 17 on polling day (27-11-2024)."""
    lahir = date(2007, 11, 28)
    with pytest.raises(DataTidakValid) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(
            nik="3574052811070001", tanggal_lahir=lahir))
    assert e.value.code == KodeAdhoc.USIA_KURANG and "16 tahun" in e.value.message


@pytest.mark.parametrize("jenis, isi, kode", [
    ("ktp", b"GIF89a" + b"\x00" * 20, "adhoc.berkas_jenis_salah"),
    ("ijazah", PDF + b"\x00" * (2 * 1024 * 1024), "adhoc.berkas_terlalu_besar"),
    ("surat_sehat", PDF[:-7], "adhoc.berkas_rusak"),
])
def test_berkas_salah_ditolak_dan_tidak_ada_yang_tersimpan(rekrutmen_kpps, isian, jenis, isi,
                                                            kode):
    berkas = {**berkas_lengkap(), jenis: isi}
    with pytest.raises(DataTidakValid) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(berkas=berkas))
    assert e.value.code == kode and e.value.details == {"berkas": jenis}
    assert not Pendaftar.objects.exists() and not Berkas.objects.exists()


def test_berkas_wajib_kurang(rekrutmen_kpps, isian):
    berkas = berkas_lengkap()
    del berkas["surat_sehat"]
    with pytest.raises(DataTidakValid) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(berkas=berkas))
    assert e.value.code == KodeAdhoc.BERKAS_KURANG and "sehat" in e.value.message


def test_pendaftaran_di_luar_jadwal(rekrutmen_kpps, isian):
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, hari_ini=timezone.localdate()
                         + timedelta(days=6), **isian())
    assert e.value.code == KodeAdhoc.PENDAFTARAN_DITUTUP


@pytest.mark.parametrize("ubah, kode", [
    ({"kode_tugas": "35.13.01.2001"}, KodeAdhoc.WILAYAH_TUGAS),
    ({"kode_tugas": "35.74.05"}, KodeAdhoc.WILAYAH_TUGAS),  # KPPS apply for a kelurahan
    ({"kode_domisili": "35.74.99.9999"}, KodeAdhoc.DOMISILI),
    ({"telepon": "12345"}, KodeAdhoc.TELEPON),
    ({"pendidikan": "tk"}, KodeAdhoc.PENDIDIKAN),
])
def test_isian_lain_yang_salah(rekrutmen_kpps, isian, ubah, kode):
    with pytest.raises(DataTidakValid) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(**ubah))
    assert e.value.code == kode


def test_daftar_anggota_partai_menandai_untuk_ditinjau(rekrutmen_kpps, isian, pilkada):
    """PKPU 8/2022 Pasal 35 ayat (1) huruf e, against an uploaded SIPOL-like list."""
    AnggotaPartai.objects.create(pemilu=pilkada, nik="", nama="BUDI SANTOSO",
                                 nama_baku="budi santoso", tanggal_lahir=date(1990, 5, 12),
                                 partai="Partai Uji", sumber="sipol.csv baris 7")
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    partai = next(h for h in p.hasil_syarat if h["syarat"] == "partai")
    assert partai["hasil"] == "perlu_ditinjau"
    assert partai["bukti"][0]["sumber"] == "sipol.csv baris 7"
