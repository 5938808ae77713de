import json

from simpul.core.roles import Peran
from simpul.ganda.models import PasanganGanda

from .conftest import KSATRIAN


def test_halaman_antrean_dan_banding_nik_utuh_untuk_kpu(client, pasangan, operator_kota):
    client.force_login(operator_kota)
    r = client.get("/ganda/")
    assert r.status_code == 200 and f'data-pasangan="{pasangan.pk}"' in r.content.decode()
    r = client.get(f"/ganda/{pasangan.pk}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert pasangan.pemilih_a.nik in html and "Nama beda 1 huruf" in html and "+9,10" in html


def test_ppk_melihat_nik_tersamar(client, pasangan, buat_akun, pemilu):
    client.force_login(buat_akun(Peran.PPK, "35.74.05", pemilu))
    html = client.get(f"/ganda/{pasangan.pk}/").content.decode()
    assert pasangan.pemilih_a.nik not in html and pasangan.pemilih_a.nkk not in html
    assert pasangan.pemilih_a.nik[:4] + "*" * 10 in html


def test_putusan_lewat_halaman_dan_galat_bernama(client, pasangan, operator_kota):
    client.force_login(operator_kota)
    r = client.post(f"/ganda/{pasangan.pk}/", {"keputusan": "ditolak", "alasan": ""})
    assert r.status_code == 422 and 'data-kode="ganda.alasan_wajib"' in r.content.decode()
    r = client.post(f"/ganda/{pasangan.pk}/", {"keputusan": "dikonfirmasi"})
    assert r.status_code == 302
    assert PasanganGanda.objects.get(pk=pasangan.pk).status == "dikonfirmasi"


def test_halaman_pasangan_di_luar_wilayah_404(client, pasangan, pps_kedopok, buat_akun,
                                              pemilu):
    client.force_login(pps_kedopok)  # Kedopok only; the second voter is in Ksatrian
    assert client.get(f"/ganda/{pasangan.pk}/").status_code == 404
    assert f'data-pasangan="{pasangan.pk}"' not in client.get("/ganda/").content.decode()
    client.force_login(buat_akun(Peran.PPS, KSATRIAN, pemilu))
    assert client.get(f"/ganda/{pasangan.pk}/").status_code == 404


def test_api_daftar_rinci_dan_putusan(client, pasangan, operator_kota, buat_akun, pemilu):
    client.force_login(operator_kota)
    r = client.get("/api/v1/ganda/pasangan")
    assert r.status_code == 200 and [p["id"] for p in r.json()] == [pasangan.pk]
    r = client.get(f"/api/v1/ganda/pasangan/{pasangan.pk}")
    body = r.json()
    assert body["penjelasan"][1]["keterangan"] == "Nama beda 1 huruf"
    nik = body["banding"][0]
    assert nik["label"] == "NIK" and nik["a"] == pasangan.pemilih_a.nik and not nik["sama"]
    r = client.post(f"/api/v1/ganda/pasangan/{pasangan.pk}/putusan",
                    json.dumps({"keputusan": "ditolak"}), content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "ganda.alasan_wajib"
    r = client.post(f"/api/v1/ganda/pasangan/{pasangan.pk}/putusan",
                    json.dumps({"keputusan": "dikonfirmasi", "alasan": "sama"}),
                    content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "dikonfirmasi"
    assert r.json()["pemilih_dicoret_id"] == pasangan.pemilih_b_id

    client.force_login(buat_akun(Peran.PPK, "35.74.01", pemilu))
    assert client.get(f"/api/v1/ganda/pasangan/{pasangan.pk}").status_code == 404
    assert client.get("/api/v1/ganda/pasangan?status=dikonfirmasi").json() == []


def test_api_pindai_ditolak_untuk_pps_dan_data_sedikit(client, pps_kedopok, operator_kota,
                                                       pemilu):
    client.force_login(pps_kedopok)
    r = client.post("/api/v1/ganda/pindai", json.dumps({"pemilu_id": pemilu.pk}),
                    content_type="application/json")
    assert r.status_code == 403 and r.json()["code"] == "dilarang"
    client.force_login(operator_kota)
    r = client.post("/api/v1/ganda/pindai", json.dumps({"pemilu_id": pemilu.pk}),
                    content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "ganda.data_terlalu_sedikit"
