from datetime import date, timedelta

import pytest
from django.utils import timezone

from simpul.adhoc.services import pendaftar_daftar, pendaftar_putuskan, rekrutmen_buat
from simpul.core.roles import Peran
from simpul.seleksi.models import KategoriSoal
from simpul.seleksi.services import kode_terbitkan, soal_impor, ujian_buat

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
KEDOPOK, JREBENG_KULON = "35.74.05.1005", "35.74.05.1001"
KADEMANGAN_KEL = "35.74.01.1008"  # kecamatan Kademangan, outside a Kedopok PPK's territory
KOLOM = "kategori,pertanyaan,pilihan_a,pilihan_b,pilihan_c,pilihan_d,pilihan_e,kunci\n"


def csv_bank(per_kategori: int = 4) -> bytes:
    baris = [KOLOM]
    for k in KategoriSoal.objects.all():
        for i in range(per_kategori):
            baris.append(f'"{k.nama}","Soal {k.nama} nomor {i}?","benar {i}","salah a{i}",'
                         f'"salah b{i}","salah c{i}",,A\n')
    return "".join(baris).encode()


@pytest.fixture(autouse=True)
def media_sementara(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def operator_kota(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


@pytest.fixture
def rekrutmen_pps(operator_kota, pemilu):
    hari_ini = timezone.localdate()
    return rekrutmen_buat(akun=operator_kota, pemilu=pemilu, badan="pps", kode_wilayah="35.74",
                          nama="Rekrutmen PPS Pemilu 2024 Kota Probolinggo",
                          pengumuman=hari_ini - timedelta(days=3),
                          pendaftaran_mulai=hari_ini - timedelta(days=1),
                          pendaftaran_selesai=hari_ini + timedelta(days=5))


@pytest.fixture
def daftarkan(rekrutmen_pps, operator_kota):
    """Register an applicant through the ad hoc service; MS (decided by the operator)
    unless `ms=False`."""
    urut = iter(range(1, 10_000))

    def buat(nama: str = "Peserta", desa: str = KEDOPOK, ms: bool = True, rekrutmen=None):
        i = next(urut)
        lahir = date(1990, 5, i % 28 + 1)
        nik = f"357405{lahir:%d%m%y}{i:04d}"
        p, _ = pendaftar_daftar(
            rekrutmen=rekrutmen or rekrutmen_pps, kunci_idempoten=f"kunci-{i}-{nik}", nik=nik,
            nama=f"{nama} {i}", jenis_kelamin="L", tanggal_lahir=lahir, alamat="Jl. Mastrip",
            kode_domisili=desa, kode_tugas=desa, pendidikan="sma", telepon="081234567890",
            bukan_anggota_partai=True, tidak_pernah_dipidana=True,
            berkas={"ktp": JPEG, "ijazah": PDF, "surat_sehat": PDF, "surat_pernyataan": PDF})
        if ms:
            p = pendaftar_putuskan(akun=operator_kota, pendaftar_id=p.pk, keputusan="ms",
                                   alasan="berkas lengkap")
        return p

    return buat


@pytest.fixture
def bank(operator_kota):
    return soal_impor(akun=operator_kota, data=csv_bank(), nama_berkas="bank.csv")


@pytest.fixture
def ujian(operator_kota, rekrutmen_pps, bank):
    sekarang = timezone.now()
    return ujian_buat(akun=operator_kota, rekrutmen=rekrutmen_pps, nama="CAT PPS",
                      durasi_menit=10, dibuka=sekarang - timedelta(hours=1),
                      ditutup=sekarang + timedelta(hours=2),
                      komposisi={k.pk: 2 for k in KategoriSoal.objects.all()})


@pytest.fixture
def peserta(ujian, daftarkan, operator_kota):
    """An MS applicant with a login code: (pendaftar, kode)."""
    p = daftarkan()
    [(_, kode)] = kode_terbitkan(akun=operator_kota, ujian=ujian, pendaftar_id=p.pk)
    return p, kode
