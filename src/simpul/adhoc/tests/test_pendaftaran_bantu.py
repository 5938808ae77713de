"""Assisted registration (ANCHORS.md SIAKBA row 1): office staff register an applicant who
brought paper, in their own territory, audited and marked as assisted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from simpul.adhoc.models import Pendaftar
from simpul.adhoc.services import pendaftar_daftar
from simpul.core.errors import SimpulError
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.models import TPS

from .conftest import JPEG, NIK_BUDI, PDF, PNG

pytestmark = pytest.mark.django_db
KEDOPOK = "35.74.05.1005"


@pytest.fixture
def pps_kedopok(buat_akun, pilkada):
    return buat_akun(Peran.PPS, KEDOPOK, pilkada)


def test_pps_mendaftarkan_lewat_halaman_ditandai_dan_diaudit(client, rekrutmen_kpps,
                                                             pps_kedopok):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(pps_kedopok)
    halaman = client.get(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/bantu/")
    assert halaman.status_code == 200 and b'data-testid="bantu"' in halaman.content
    # Only the PPS's own kelurahan is offered as the work area.
    pilihan_tugas = halaman.context["form"].fields["kode_tugas"].choices
    assert [k for k, _ in pilihan_tugas] == [KEDOPOK]
    berkas = {k: SimpleUploadedFile(f"{k}.bin", v) for k, v in
              (("ktp", JPEG), ("ijazah", PDF), ("surat_sehat", PDF), ("surat_pernyataan", PNG))}
    kemarin = timezone.localdate() - timedelta(days=1)
    r = client.post(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/bantu/", {
        "kunci_idempoten": "bantu-1", "nik": NIK_BUDI, "nama": "Budi Santoso",
        "jenis_kelamin": "L", "tanggal_lahir": "1990-05-12", "alamat": "Jl. Mastrip 1",
        "kode_domisili": KEDOPOK, "kode_tugas": KEDOPOK, "pendidikan": "sma",
        "telepon": "081234567890", "periode_sebelumnya": "0", "bukan_anggota_partai": "on",
        "tidak_pernah_dipidana": "on", "berkas_kertas_diterima": kemarin.isoformat(),
        **berkas})
    p = Pendaftar.objects.get(nik=NIK_BUDI)
    assert r.status_code == 302 and r["Location"] == f"/adhoc/verifikasi/{p.pk}/"
    assert p.dibantu_oleh == pps_kedopok and p.berkas_kertas_diterima == kemarin
    a = AuditEntry.objects.get(aksi="adhoc.pendaftar.daftar", objek_id=str(p.pk))
    assert a.akun_username == pps_kedopok.username
    assert a.sesudah["dibantu_petugas"] is True
    assert a.sesudah["berkas_kertas_diterima"] == kemarin.isoformat()
    # Marked in the verifier's list and page, and on the applicant's status page.
    assert b'data-testid="lencana-dibantu"' in client.get("/adhoc/verifikasi/").content
    assert b'data-testid="dibantu"' in client.get(f"/adhoc/verifikasi/{p.pk}/").content
    client.logout()
    s = client.post("/adhoc/status/", {"nomor": p.nomor, "tanggal_lahir": "1990-05-12"})
    assert b'data-testid="dibantu"' in s.content and b"PPS" in s.content
    api = client.get("/api/v1/adhoc/pendaftar/status",
                     {"nomor": p.nomor, "tanggal_lahir": "1990-05-12"}).json()
    assert api["dibantu_oleh"]["peran"] == "pps"
    assert api["berkas_kertas_diterima"] == kemarin.isoformat()


def test_pendaftaran_publik_tidak_bertanda_dibantu(rekrutmen_kpps, isian):
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(),
                            berkas_kertas_diterima=timezone.localdate())
    assert p.dibantu_oleh is None and p.berkas_kertas_diterima is None


def test_pps_di_luar_wilayah_ditolak(rekrutmen_kpps, isian, buat_akun, pilkada):
    pps_lain = buat_akun(Peran.PPS, "35.74.05.1001", pilkada)
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, akun=pps_lain, **isian())
    assert e.value.code == "adhoc.pendaftaran_dibantu_tidak_valid" and e.value.status == 403
    assert not Pendaftar.objects.exists()


def test_peran_lain_tidak_boleh_mendaftarkan(rekrutmen_kpps, isian, buat_akun, pilkada):
    kpps = buat_akun(Peran.KPPS, KEDOPOK, pilkada,
                     tps=TPS.objects.filter(pemilu=pilkada, desa_id=KEDOPOK).first())
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, akun=kpps, **isian())
    assert e.value.status == 403
    assert not Pendaftar.objects.exists()


def test_berkas_kertas_dalam_masa_pendaftaran_dimasukkan_sesudah_tutup(
        rekrutmen_kpps, isian, pps_kedopok):
    """The paper's date counts: received on the last day, entered two days later (inside
    the default 3-day allowance) is accepted; five days later is refused by name."""
    akhir = rekrutmen_kpps.pendaftaran_selesai
    p, baru = pendaftar_daftar(rekrutmen=rekrutmen_kpps, akun=pps_kedopok, **isian(),
                               berkas_kertas_diterima=akhir,
                               hari_ini=akhir + timedelta(days=2))
    assert baru and p.berkas_kertas_diterima == akhir
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, akun=pps_kedopok,
                         **isian(kunci_idempoten="k2", nik="3574055205900002",
                                 jenis_kelamin="P", tanggal_lahir=p.tanggal_lahir),
                         berkas_kertas_diterima=akhir, hari_ini=akhir + timedelta(days=5))
    assert e.value.code == "adhoc.pendaftaran_ditutup"


def test_berkas_kertas_sesudah_tutup_ditolak(rekrutmen_kpps, isian, pps_kedopok):
    akhir = rekrutmen_kpps.pendaftaran_selesai
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, akun=pps_kedopok, **isian(),
                         berkas_kertas_diterima=akhir + timedelta(days=1),
                         hari_ini=akhir + timedelta(days=1))
    assert e.value.code == "adhoc.pendaftaran_ditutup"
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=rekrutmen_kpps, akun=pps_kedopok, **isian(),
                         berkas_kertas_diterima=timezone.localdate() + timedelta(days=1))
    assert e.value.code == "adhoc.pendaftaran_dibantu_tidak_valid"


def test_api_pendaftaran_dibantu(client, rekrutmen_kpps, buat_akun):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    r = client.post(f"/api/v1/adhoc/rekrutmen/{rekrutmen_kpps.pk}/pendaftar-dibantu", {
        "kunci_idempoten": "api-bantu", "nik": NIK_BUDI, "nama": "Budi Santoso",
        "jenis_kelamin": "L", "tanggal_lahir": "1990-05-12", "alamat": "Jl. Mastrip 1",
        "kode_domisili": KEDOPOK, "kode_tugas": KEDOPOK, "pendidikan": "sma",
        "telepon": "081234567890", "bukan_anggota_partai": True, "tidak_pernah_dipidana": True,
        **{k: SimpleUploadedFile(f"{k}.bin", v) for k, v in
           (("ktp", JPEG), ("ijazah", PDF), ("surat_sehat", PDF), ("surat_pernyataan", PNG))}})
    assert r.status_code == 201, r.content
    assert r.json()["dibantu_oleh"]["peran"] == "kpu_kab_operator"
