import pytest
from django.conf import settings
from django.test import Client

from simpul.core.roles import Peran

pytestmark = pytest.mark.django_db


def test_sandi_di_hash_dan_sesi_aman(buat_akun):
    akun = buat_akun(Peran.PPK, "35.74.05")
    assert akun.password.startswith(("pbkdf2_", "argon2", "scrypt"))
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE


def test_masuk_dibatasi_setelah_gagal_berulang(buat_akun):
    akun = buat_akun(Peran.PPK, "35.74.05")
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        r = c.post("/masuk/", {"username": akun.username, "password": "salah"})
        assert r.status_code == 200 and "salah" in r.content.decode()
    assert c.post("/masuk/", {"username": akun.username, "password": "x"}).status_code == 429
    r = c.post("/masuk/", {"username": akun.username, "password": "Rahasia-Uji-123"})
    assert r.status_code == 429
    assert "Terlalu banyak percobaan" in r.content.decode()


def test_masuk_berhasil_ke_dasbor_wilayahnya(buat_akun, pemilu):
    akun = buat_akun(Peran.PPK, "35.74.05", pemilu)
    c = Client()
    r = c.post("/masuk/", {"username": akun.username, "password": "Rahasia-Uji-123"})
    assert r.status_code == 302
    r = c.get(r.url)
    teks = r.content.decode()
    assert r.status_code == 200 and "Kedopok" in teks and "Kecamatan" in teks


def test_halaman_berbahasa_indonesia_dan_inggris(client, buat_akun, pemilu):
    client.force_login(buat_akun(Peran.PPK, "35.74.05", pemilu))
    assert "Keluar" in client.get("/dasbor/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/dasbor/"})
    assert "Log out" in client.get("/dasbor/").content.decode()


def test_pencarian_halaman(client, buat_akun):
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    teks = client.get("/cari/", {"q": "kedopok"}).content.decode()
    assert "35.74.05.1005" in teks and "35.74.05" in teks
    teks = client.get("/cari/", {"q": "35.13"}).content.decode()
    assert "35.13.01" not in teks
