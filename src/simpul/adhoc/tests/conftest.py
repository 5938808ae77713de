from datetime import date, timedelta

import pytest
from django.utils import timezone

from simpul.adhoc.services import rekrutmen_buat
from simpul.core.roles import Peran

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
NIK_BUDI = "3574051205900001"  # Kedopok's kecamatan 35.74.05, man born 12-05-1990


def berkas_lengkap() -> dict[str, bytes]:
    return {"ktp": JPEG, "ijazah": PDF, "surat_sehat": PDF, "surat_pernyataan": PNG}


@pytest.fixture(autouse=True)
def media_sementara(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def cache_bersih():
    """The status lookup counts per client in the cache; each test starts from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def operator_kota(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


@pytest.fixture
def rekrutmen_kpps(operator_kota, pilkada):
    hari_ini = timezone.localdate()
    return rekrutmen_buat(akun=operator_kota, pemilu=pilkada, badan="kpps",
                          kode_wilayah="35.74", nama="Rekrutmen KPPS Pilkada 2024",
                          pengumuman=hari_ini - timedelta(days=3),
                          pendaftaran_mulai=hari_ini - timedelta(days=1),
                          pendaftaran_selesai=hari_ini + timedelta(days=5))


@pytest.fixture
def isian():
    def buat(**ubah):
        data = dict(kunci_idempoten="kunci-uji-1", nik=NIK_BUDI, nama="Budi Santoso",
                    jenis_kelamin="L", tanggal_lahir=date(1990, 5, 12),
                    alamat="Jl. Mastrip 1", kode_domisili="35.74.05.1005",
                    kode_tugas="35.74.05.1005", pendidikan="sma", telepon="081234567890",
                    email="budi@example.org", bukan_anggota_partai=True,
                    tidak_pernah_dipidana=True, melek_it=True, berkas=berkas_lengkap())
        data.update(ubah)
        return data
    return buat


@pytest.fixture
def pelamar_ms():
    """Make verified (MS) applicants of a round in a desa quickly (bulk, no uploads): the
    registration path itself is tested in test_services_pendaftaran."""
    from simpul.adhoc.models import Pendaftar, StatusPendaftar

    nomor = iter(range(1, 1_000_000))

    def buat(rekrutmen, desa: str, n: int, *, it: int = 0, tugas: str | None = None):
        baris = []
        for i in range(n):
            k = next(nomor)
            baris.append(Pendaftar(
                rekrutmen=rekrutmen, pemilu_id=rekrutmen.pemilu_id, nomor=f"UJI-{k:07d}",
                kunci_idempoten=f"uji-{k}", nik=f"357405010190{k:04d}", nama=f"Pelamar {k}",
                jenis_kelamin="L", tanggal_lahir=date(1990, 1, 1), alamat="Jl. Uji",
                domisili_id=desa, wilayah_tugas_id=tugas or desa, pendidikan="sma",
                telepon="081234567890", bukan_anggota_partai=True, tidak_pernah_dipidana=True,
                melek_it=i < it, status=StatusPendaftar.MEMENUHI_SYARAT))
        return Pendaftar.objects.bulk_create(baris)

    return buat
