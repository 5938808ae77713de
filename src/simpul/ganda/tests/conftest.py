from datetime import date, timedelta

import pytest

from simpul.core.roles import Peran
from simpul.ganda.models import PasanganGanda, PemindaianGanda
from simpul.pemilih.models import Pemilih
from simpul.pemilih.sintetis import Derau, penduduk_buat
from simpul.pemilu.demo import KEDOPOK
from simpul.wilayah.models import Wilayah

KSATRIAN = "35.74.05.1006"  # same kecamatan (Kedopok) as KEDOPOK
LUAR_KEC = "35.74.01.1001"


def nik_untuk(tanggal: date, *, perempuan: bool = False, kecamatan: str = "357405",
              urut: int = 1) -> str:
    hari = tanggal.day + (40 if perempuan else 0)
    return f"{kecamatan}{hari:02d}{tanggal.month:02d}{tanggal.year % 100:02d}{urut:04d}"


@pytest.fixture
def operator_kota(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


@pytest.fixture
def pps_kedopok(buat_akun, pemilu):
    return buat_akun(Peran.PPS, KEDOPOK, pemilu)


@pytest.fixture
def buat_pemilih(pemilu):
    """A voter of Pemilu 2024 made directly (test set-up only)."""
    nomor = iter(range(1, 10_000))

    def buat(**kw) -> Pemilih:
        urut = next(nomor)
        lahir = kw.pop("tanggal_lahir", date(1990, 5, 12))
        nilai = {"pemilu": pemilu, "nik": nik_untuk(lahir, urut=urut),
                 "nkk": f"3574050101{urut:06d}", "nama": f"WARGA {urut}",
                 "tanggal_lahir": lahir, "jenis_kelamin": "L", "status_kawin": "S",
                 "alamat": "JL. ANGGREK 3", "rt": "001", "rw": "002", "desa_id": KEDOPOK,
                 **kw}
        return Pemilih.objects.create(**nilai)

    return buat


@pytest.fixture
def pasangan(buat_pemilih, pemilu):
    """One pair awaiting review: the same man listed in Kedopok and, later, Ksatrian."""
    a = buat_pemilih(nama="BUDI SANTOSO", tanggal_lahir=date(1990, 5, 12))
    b = buat_pemilih(nama="BUDI SANTOSA", tanggal_lahir=date(1990, 5, 12), desa_id=KSATRIAN)
    Pemilih.objects.filter(pk=b.pk).update(dibuat=a.dibuat + timedelta(days=3))
    run = PemindaianGanda.objects.create(pemilu=pemilu, ambang=0.9)
    return PasanganGanda.objects.create(
        pemilu=pemilu, pemilih_a=a, pemilih_b=b, pemindaian=run, bobot=12.5,
        probabilitas=0.9998,
        penjelasan=[{"perbandingan": "nik", "tingkat": 0, "keterangan": "NIK berbeda",
                     "bobot": -1.2},
                    {"perbandingan": "nama", "tingkat": 5, "keterangan": "Nama beda 1 huruf",
                     "bobot": 9.1}])


@pytest.fixture
def daftar_sintetis(pemilu):
    """~1,200 generated voters with duplicates across Kota Probolinggo's kelurahan, put
    in the database; returns the truth as {pemilih id: person}."""
    desa = sorted(Wilayah.objects.filter(kode__startswith="35.74.", tingkat="kelurahan")
                  .values_list("kode", flat=True))
    daftar, benar = penduduk_buat(desa=desa, jumlah=1200, seed=5, nama_kota="Probolinggo",
                                  derau=Derau.dari_teks("salah_ketik=0.05,ganda=0.05"))
    # One NIK per election is enforced by the database: a duplicate with the same NIK
    # is refused at import, so only the ones with another NIK reach the list.
    daftar = daftar.join(benar.select("id_rekam", "id_entitas"), on="id_rekam")
    daftar = daftar.unique(subset="nik", keep="first", maintain_order=True)
    dibuat = Pemilih.objects.bulk_create([
        Pemilih(pemilu=pemilu, nik=r["nik"], nkk=r["nkk"], nama=r["nama"],
                tempat_lahir=r["tempat_lahir"], tanggal_lahir=r["tanggal_lahir"],
                jenis_kelamin=r["jenis_kelamin"], status_kawin=r["status_kawin"],
                alamat=r["alamat"], rt=r["rt"], rw=r["rw"], desa_id=r["kode_desa"])
        for r in daftar.iter_rows(named=True)])
    return {p.pk: e for p, e in zip(dibuat, daftar["id_entitas"], strict=True)}
