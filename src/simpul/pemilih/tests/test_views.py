import pytest
from django.urls import reverse

from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilih.errors import KodePemilih
from simpul.pemilih.models import ImporPemilih, Pemilih

from .test_impor import baris, berkas

pytestmark = pytest.mark.usefixtures("celery_langsung")


@pytest.fixture
def operator(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


def _unggah(client, pemilu, data, nama="dp4.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("pemilih-impor"), {
        "pemilu": pemilu.pk, "sumber": "dp4", "berkas": SimpleUploadedFile(nama, data)})


def test_halaman_impor_antre_lalu_kemajuan_dan_laporan(client, operator, pemilu,
                                                       django_capture_on_commit_callbacks):
    client.force_login(operator)
    assert client.get(reverse("pemilih-impor")).status_code == 200
    data = berkas([baris(1), baris(2), baris(3, nik="12345")])
    with django_capture_on_commit_callbacks(execute=True):
        r = _unggah(client, pemilu, data)
    impor = ImporPemilih.objects.get()
    assert r.status_code == 302 and r.url == reverse("pemilih-impor-status", args=[impor.pk])
    halaman = client.get(r.url)
    assert halaman.status_code == 200 and b"<progress" in halaman.content
    assert "nik.panjang" in halaman.content.decode()
    status = client.get(reverse("api-v1:pemilih_impor_status", args=[impor.pk])).json()
    assert (status["status"], status["persen"], status["dibuat"], status["galat"]) == (
        "selesai", 100, 2, 1)
    laporan = client.get(reverse("pemilih-impor-temuan", args=[impor.pk]))
    assert laporan["Content-Type"].startswith("text/csv")
    teks = laporan.content.decode("utf-8-sig").splitlines()
    assert teks[0] == "baris,jenis,kode,pesan" and teks[1].startswith("4,galat,nik.panjang,")
    assert AuditEntry.objects.filter(aksi="pemilih.impor_temuan_ekspor").exists()


def test_status_sedang_berjalan_menampilkan_persen(client, operator, pemilu):
    client.force_login(operator)
    impor = ImporPemilih.objects.create(pemilu=pemilu, akun=operator, wilayah_kode="35.74",
                                        nama_berkas="x.csv", sha256="0" * 64,
                                        status="berjalan", jumlah_baris=200, diproses=50)
    d = client.get(reverse("api-v1:pemilih_impor_status", args=[impor.pk])).json()
    assert (d["status"], d["persen"]) == ("berjalan", 25)
    assert 'value="25"' in client.get(reverse("pemilih-impor-status",
                                              args=[impor.pk])).content.decode()


def test_api_impor_202_dan_galat_bernama(client, operator, pemilu,
                                         django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(operator)
    url = reverse("api-v1:pemilih_impor")
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"pemilu_id": pemilu.pk,
                              "berkas": SimpleUploadedFile("dp4.csv", berkas([baris(1)]))})
    assert r.status_code == 202 and r.json()["status"] == "antre"
    assert Pemilih.objects.filter(pemilu=pemilu).count() == 1
    r = client.post(url, {"pemilu_id": pemilu.pk, "berkas": SimpleUploadedFile("k.csv", b"")})
    assert r.status_code == 422 and r.json()["code"] == KodePemilih.BERKAS_TIDAK_VALID


def test_berkas_terlalu_besar_ditolak_di_halaman(client, operator, pemilu, settings):
    settings.SIMPUL_PEMILIH_BATAS_BYTE = 100
    client.force_login(operator)
    r = _unggah(client, pemilu, berkas([baris(i) for i in range(1, 5)]))
    assert r.status_code == 200 and "terlalu besar" in r.content.decode()
    assert not ImporPemilih.objects.exists()


def test_impor_orang_lain_di_luar_wilayah_tidak_terlihat(client, operator, buat_akun, pemilu):
    impor = ImporPemilih.objects.create(pemilu=pemilu, akun=operator, wilayah_kode="35.74",
                                        nama_berkas="x.csv", sha256="0" * 64)
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.73"))
    assert client.get(reverse("pemilih-impor-status", args=[impor.pk])).status_code == 404
    assert client.get(reverse("pemilih-impor-temuan", args=[impor.pk])).status_code == 404
