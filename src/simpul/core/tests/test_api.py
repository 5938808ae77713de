import json

import pytest
from django.test import Client

from simpul.core.models import AuditEntry, TokenAPI
from simpul.core.roles import Peran

pytestmark = pytest.mark.django_db


def test_dokumen_openapi(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    spek = r.json()
    assert spek["info"]["version"] == "1"
    assert "/api/v1/wilayah/{kode}" in spek["paths"]
    assert "/api/v1/pemilu/{pemilu_id}/tps/impor" in spek["paths"]


def test_tanpa_masuk_401_dengan_kode(client):
    r = client.get("/api/v1/wilayah/35")
    assert r.status_code == 401
    assert r.json()["code"] == "tidak_terautentikasi"


def test_token_api(buat_akun, pemilu):
    akun = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    _, kunci = TokenAPI.terbitkan(akun=akun, nama="integrasi")
    c = Client()
    r = c.get("/api/v1/wilayah/35.74", HTTP_AUTHORIZATION=f"Bearer {kunci}")
    assert r.status_code == 200 and r.json()["wilayah"]["nama"] == "Kota Probolinggo"
    assert c.get("/api/v1/wilayah/35.74", HTTP_AUTHORIZATION="Bearer salah").status_code == 401
    # A token writes without CSRF (no cookie involved) and is audited as its account.
    r = c.post(f"/api/v1/pemilu/{pemilu.pk}/tps", json.dumps(
        {"kode_desa": "35.74.05.1005", "nomor": 40}), content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {kunci}")
    assert r.status_code == 200
    assert AuditEntry.objects.order_by("-seq").first().akun_username == akun.username
    TokenAPI.objects.update(dicabut=True)
    assert c.get("/api/v1/wilayah/35.74", HTTP_AUTHORIZATION=f"Bearer {kunci}").status_code == 401


def test_sesi_menulis_wajib_csrf(buat_akun, pemilu):
    c = Client(enforce_csrf_checks=True)
    c.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    r = c.post(f"/api/v1/pemilu/{pemilu.pk}/tps", json.dumps(
        {"kode_desa": "35.74.05.1005", "nomor": 41}), content_type="application/json")
    assert r.status_code == 403


def test_galat_validasi_berkode(client, buat_akun, pemilu):
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    r = client.post(f"/api/v1/pemilu/{pemilu.pk}/tps", json.dumps({"nomor": "satu"}),
                    content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "data_tidak_valid"
    r = client.post(f"/api/v1/pemilu/{pemilu.pk}/tps", json.dumps(
        {"kode_desa": "35.74.05.1005", "nomor": 42, "jumlah_pemilih": 5000}),
        content_type="application/json")
    assert r.status_code == 422
    assert r.json() == {"code": "tps.melebihi_maks_pemilih",
                        "message": "5000 pemilih melebihi batas 300 per TPS."}


def test_impor_tps_lewat_api(client, buat_akun, pemilu):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    berkas = SimpleUploadedFile("tps.csv", b"kode_desa,nomor\n35.74.05.1005,43\nx,1\n")
    r = client.post(f"/api/v1/pemilu/{pemilu.pk}/tps/impor", {"berkas": berkas})
    assert r.status_code == 200
    assert r.json()["dibuat"] == 1 and r.json()["galat"][0]["baris"] == 3
