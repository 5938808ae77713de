from datetime import date

import pytest

from simpul.core.errors import Dilarang, SimpulError, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilih.errors import KodePemilih
from simpul.pemilih.models import KategoriTMS, Pemilih, RiwayatPemilih, StatusPemilih
from simpul.pemilih.services import (
    KonflikVersi,
    pemilih_buat,
    pemilih_tandai_ms,
    pemilih_tandai_tms,
    pemilih_ubah,
)
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

from .conftest import nik_untuk


@pytest.fixture
def operator(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


def test_kategori_tms_terisi_dari_rules_md(db):
    assert KategoriTMS.objects.filter(kode="meninggal", aktif=True).exists()
    assert KategoriTMS.objects.count() >= 9


def test_buat_mencatat_riwayat_dan_audit(operator, pemilu, tps1):
    lahir = date(1985, 7, 3)
    p = pemilih_buat(akun=operator, pemilu=pemilu, nik=nik_untuk(lahir, perempuan=True),
                     nkk="3574050101000099", nama="Siti Aminah", tanggal_lahir=lahir,
                     jenis_kelamin="P", kode_desa=KEDOPOK, rt="003", rw="001", tps=tps1)
    assert p.versi == 1 and p.peringatan == []
    r = RiwayatPemilih.objects.get(pemilih=p)
    assert r.aksi == "pemilih.buat" and r.sebelum is None and r.sesudah["nama"] == "Siti Aminah"
    audit = AuditEntry.objects.filter(aksi="pemilih.buat", objek_id=str(p.pk)).get()
    assert "*" in audit.sesudah["nik"] and audit.sesudah["nik"] != p.nik


def test_buat_menyimpan_peringatan_tanggal_lahir_tidak_mengoreksi(operator, pemilu):
    nik = nik_untuk(date(1985, 7, 3))
    p = pemilih_buat(akun=operator, pemilu=pemilu, nik=nik, nkk="3574050101000099",
                     nama="Budi", tanggal_lahir=date(1985, 3, 7), jenis_kelamin="L",
                     kode_desa=KEDOPOK, rt="000", rw="001")
    assert p.tanggal_lahir == date(1985, 3, 7) and p.nik == nik
    assert set(p.peringatan) == {"nik.tanggal_lahir_beda", "pemilih.rt_rw_kosong"}


@pytest.mark.parametrize("ubah,kode", [
    ({"nik": "2"}, "nik.panjang"),
    ({"kode_desa": "35.74.05.9999"}, KodePemilih.DESA_TIDAK_VALID),
    ({"tanggal_lahir": date(2099, 1, 1)}, "pemilih.tanggal_lahir_tidak_mungkin"),
    ({"kode_desa": "35.73.01.1001"}, "tidak_ditemukan"),
])
def test_buat_menolak_data_salah(operator, pemilu, ubah, kode):
    nilai = {"nik": nik_untuk(date(1985, 7, 3)), "nkk": "3574050101000099", "nama": "Budi",
             "tanggal_lahir": date(1985, 7, 3), "jenis_kelamin": "L", "kode_desa": KEDOPOK}
    nilai.update(ubah)
    with pytest.raises(SimpulError) as e:
        pemilih_buat(akun=operator, pemilu=pemilu, **nilai)
    assert e.value.code == kode
    assert not Pemilih.objects.filter(nama="Budi").exists()


def test_desa_di_luar_cakupan_pilkada(buat_akun, pilkada):
    kpu_ri = buat_akun(Peran.KPU_RI)
    with pytest.raises(SimpulError) as e:
        pemilih_buat(akun=kpu_ri, pemilu=pilkada, nik=nik_untuk(date(1985, 7, 3)),
                     nkk="3574050101000099", nama="Budi", tanggal_lahir=date(1985, 7, 3),
                     jenis_kelamin="L", kode_desa="35.73.01.1001")
    assert e.value.code == KodePemilih.DI_LUAR_WILAYAH


def test_nik_ganda_dalam_satu_pemilu_ditolak(operator, pemilu, buat_pemilih):
    ada = buat_pemilih()
    with pytest.raises(SimpulError) as e:
        pemilih_buat(akun=operator, pemilu=pemilu, nik=ada.nik, nkk=ada.nkk, nama="Lain",
                     tanggal_lahir=ada.tanggal_lahir, jenis_kelamin="L", kode_desa=KEDOPOK)
    assert e.value.code == KodePemilih.NIK_GANDA


def test_ubah_menaikkan_versi_dan_mencatat_sebelum_sesudah(operator, buat_pemilih):
    p = buat_pemilih(nama="Ahmad")
    p2 = pemilih_ubah(akun=operator, pemilih_id=p.pk, versi=1, perubahan={"nama": "Achmad"},
                      alasan="salah ketik")
    assert p2.versi == 2 and p2.nama == "Achmad"
    r = RiwayatPemilih.objects.get(pemilih=p, aksi="pemilih.ubah")
    assert r.sebelum == {"nama": "Ahmad"} and r.sesudah == {"nama": "Achmad"}
    assert r.alasan == "salah ketik" and r.akun == operator and r.versi == 2
    assert AuditEntry.objects.filter(aksi="pemilih.ubah", objek_id=str(p.pk)).exists()


def test_dua_petugas_mengubah_bersamaan_tidak_ada_perubahan_hilang(operator, buat_akun,
                                                                 buat_pemilih):
    """Both officers opened version 1; the second save is refused, not applied on top."""
    pps = buat_akun(Peran.PPS, KEDOPOK, operator and buat_pemilih().pemilu)
    p = buat_pemilih(nama="Ahmad", alamat="Jl. Lama")
    pemilih_ubah(akun=operator, pemilih_id=p.pk, versi=1, perubahan={"nama": "Achmad"})
    with pytest.raises(KonflikVersi) as e:
        pemilih_ubah(akun=pps, pemilih_id=p.pk, versi=1, perubahan={"alamat": "Jl. Baru"})
    assert e.value.code == KodePemilih.KONFLIK_VERSI and e.value.status == 409
    p.refresh_from_db()
    assert (p.nama, p.alamat, p.versi) == ("Achmad", "Jl. Lama", 2)
    pemilih_ubah(akun=pps, pemilih_id=p.pk, versi=2, perubahan={"alamat": "Jl. Baru"})
    p.refresh_from_db()
    assert (p.nama, p.alamat, p.versi) == ("Achmad", "Jl. Baru", 3)


def test_tms_tanpa_kategori_ditolak(operator, buat_pemilih):
    p = buat_pemilih()
    for kategori in (None, ""):
        with pytest.raises(SimpulError) as e:
            pemilih_tandai_tms(akun=operator, pemilih_id=p.pk, versi=1, kategori=kategori)
        assert e.value.code == KodePemilih.TMS_TANPA_KATEGORI
    with pytest.raises(SimpulError) as e:
        pemilih_tandai_tms(akun=operator, pemilih_id=p.pk, versi=1, kategori="1")
    assert e.value.code == KodePemilih.KATEGORI_TIDAK_DIKENAL
    p.refresh_from_db()
    assert p.status == StatusPemilih.AKTIF and p.versi == 1


def test_tms_dengan_kategori_lalu_ms_lagi(operator, buat_pemilih):
    p = buat_pemilih()
    p = pemilih_tandai_tms(akun=operator, pemilih_id=p.pk, versi=1, kategori="meninggal",
                           alasan="surat kematian desa")
    assert p.status == StatusPemilih.TMS and p.kategori_tms.kode == "meninggal"
    p = pemilih_tandai_ms(akun=operator, pemilih_id=p.pk, versi=2)
    assert p.status == StatusPemilih.AKTIF and p.kategori_tms is None and p.versi == 3
    assert list(p.riwayat.values_list("aksi", flat=True)) == ["pemilih.tms", "pemilih.ms"]


def test_simpan_tanpa_perubahan_tidak_menaikkan_versi(operator, buat_pemilih):
    p = buat_pemilih(nama="Ahmad")
    p = pemilih_ubah(akun=operator, pemilih_id=p.pk, versi=1, perubahan={"nama": "Ahmad"})
    assert p.versi == 1 and not p.riwayat.exists()


def test_pantarlih_tidak_boleh_mengubah_pemilih_di_luar_tpsnya(buat_akun, pemilu, tps1,
                                                              buat_pemilih):
    pantarlih = buat_akun(Peran.PANTARLIH, KEDOPOK, pemilu, tps1)
    tps2 = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2)
    lain = buat_pemilih(tps=tps2)
    with pytest.raises(Dilarang):
        pemilih_ubah(akun=pantarlih, pemilih_id=lain.pk, versi=1, perubahan={"rt": "004"})
    sendiri = buat_pemilih()
    assert pemilih_ubah(akun=pantarlih, pemilih_id=sendiri.pk, versi=1,
                        perubahan={"rt": "004"}).rt == "004"


def test_di_luar_wilayah_dan_peran_tanpa_wewenang(buat_akun, pemilu, tps1, buat_pemilih):
    p = buat_pemilih()
    lain_kota = buat_akun(Peran.KPU_KAB_OPERATOR, "35.73")
    with pytest.raises(TidakDitemukan):
        pemilih_ubah(akun=lain_kota, pemilih_id=p.pk, versi=1, perubahan={"rt": "004"})
    kpps = buat_akun(Peran.KPPS, KEDOPOK, pemilu, tps1)
    with pytest.raises(Dilarang):
        pemilih_ubah(akun=kpps, pemilih_id=p.pk, versi=1, perubahan={"rt": "004"})
    with pytest.raises(SimpulError):
        pemilih_ubah(akun=buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"), pemilih_id=p.pk,
                     versi=1, perubahan={"status": "tms"})
