import pytest

from simpul.adhoc.models import Pendaftar

from .conftest import JPEG, NIK_BUDI, PDF, PNG

pytestmark = pytest.mark.django_db


def _post_berkas(**ubah):
    from django.core.files.uploadedfile import SimpleUploadedFile

    isi = {"ktp": JPEG, "ijazah": PDF, "surat_sehat": PDF, "surat_pernyataan": PNG, **ubah}
    return {k: SimpleUploadedFile(f"{k}.bin", v) for k, v in isi.items()}


def _isian(**ubah):
    data = {"kunci_idempoten": "k-halaman-1", "nik": NIK_BUDI, "nama": "Budi Santoso",
            "jenis_kelamin": "L", "tanggal_lahir": "1990-05-12", "alamat": "Jl. Mastrip 1",
            "kode_domisili": "35.74.05.1005", "kode_tugas": "35.74.05.1005",
            "pendidikan": "sma", "telepon": "081234567890", "periode_sebelumnya": "0",
            "bukan_anggota_partai": "on", "tidak_pernah_dipidana": "on", "melek_it": "on"}
    data.update(ubah)
    return data


def test_formulir_publik_tanpa_login_dengan_batas_berkas(client, rekrutmen_kpps):
    r = client.get(f"/adhoc/daftar/{rekrutmen_kpps.pk}/")
    assert r.status_code == 200
    assert b'accept="application/pdf,image/jpeg,image/png' in r.content
    assert b'name="kunci_idempoten"' in r.content and b"Kedopok" in r.content
    assert b"Rekrutmen KPPS" in client.get("/adhoc/daftar/").content


def test_daftar_lewat_halaman_lalu_cek_status(client, rekrutmen_kpps):
    r = client.post(f"/adhoc/daftar/{rekrutmen_kpps.pk}/", {**_isian(), **_post_berkas()})
    assert r.status_code == 302
    p = Pendaftar.objects.get(nik=NIK_BUDI)
    assert p.nomor in r["Location"]
    s = client.post("/adhoc/status/", {"nomor": p.nomor.lower(), "tanggal_lahir": "1990-05-12"})
    assert s.status_code == 200 and b"Diajukan" in s.content
    assert NIK_BUDI.encode() not in s.content and b"3574**********01" in s.content
    assert b"SHA-256" in s.content
    salah = client.post("/adhoc/status/", {"nomor": p.nomor, "tanggal_lahir": "1990-05-13"})
    assert b"tidak cocok" in salah.content


def test_kirim_ulang_halaman_tidak_menggandakan(client, rekrutmen_kpps):
    for _ in range(2):
        r = client.post(f"/adhoc/daftar/{rekrutmen_kpps.pk}/", {**_isian(), **_post_berkas()})
        assert r.status_code == 302
    assert Pendaftar.objects.count() == 1


def test_halaman_menampilkan_galat_bernama(client, rekrutmen_kpps):
    r = client.post(f"/adhoc/daftar/{rekrutmen_kpps.pk}/",
                    {**_isian(), **_post_berkas(ktp=b"GIF89a" + b"\x00" * 10)})
    assert r.status_code == 422 and b'data-kode="adhoc.berkas_jenis_salah"' in r.content
    assert b"Budi Santoso" in r.content  # what was typed is kept
    assert not Pendaftar.objects.exists()


def test_api_daftar_ulang_dan_ganda(client, rekrutmen_kpps):
    url = f"/api/v1/adhoc/rekrutmen/{rekrutmen_kpps.pk}/pendaftar"
    pertama = client.post(url, {**_isian(kunci_idempoten="api-1"), **_post_berkas()})
    assert pertama.status_code == 201, pertama.content
    assert pertama.json()["nik"] == "3574**********01"
    ulang = client.post(url, {**_isian(kunci_idempoten="api-1"), **_post_berkas()})
    assert ulang.status_code == 200 and ulang.json()["nomor"] == pertama.json()["nomor"]
    ganda = client.post(url, {**_isian(kunci_idempoten="api-2"), **_post_berkas()})
    assert ganda.status_code == 409 and ganda.json()["code"] == "adhoc.pendaftar_ganda"
    nik = client.post(url, {**_isian(kunci_idempoten="api-3", nik="123"), **_post_berkas()})
    assert nik.status_code == 422 and nik.json()["code"] == "nik.panjang"
    st = client.get("/api/v1/adhoc/pendaftar/status",
                    {"nomor": pertama.json()["nomor"], "tanggal_lahir": "1990-05-12"})
    assert st.status_code == 200 and len(st.json()["syarat"]) == 9
    assert client.get("/api/v1/adhoc/pendaftar/status",
                      {"nomor": "PPS-XXXX", "tanggal_lahir": "1990-05-12"}).status_code == 404
