import pytest

from simpul.core.roles import Peran

pytestmark = pytest.mark.django_db


def test_halaman_rencana_kota_probolinggo(client, buat_akun, pilkada):
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    r = client.get(f"/adhoc/rencana/{pilkada.pk}/35.74/")
    assert r.status_code == 200
    assert b'data-testid="kursi-kpps">2.296<' in r.content
    assert b"Kedopok" in r.content


def test_halaman_rencana_di_luar_wilayah_404(client, buat_akun, pemilu):
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"))
    assert client.get(f"/adhoc/rencana/{pemilu.pk}/35.13/").status_code == 404


def test_api_rencana_dan_xlsx(client, buat_akun, pemilu):
    client.force_login(buat_akun(Peran.KPU_KAB_KOMISIONER, "35.13"))
    r = client.get(f"/api/v1/adhoc/rencana/{pemilu.pk}", {"kode": "35.13"})
    assert r.status_code == 200
    assert r.json()["total"]["kursi"]["pps"] == 990
    x = client.get(f"/api/v1/adhoc/rencana/{pemilu.pk}/xlsx", {"kode": "35.13"})
    assert x.status_code == 200 and x.content[:2] == b"PK"


def test_api_wilayah_di_luar_pemilu_kode_galat(client, buat_akun, pilkada):
    client.force_login(buat_akun(Peran.KPU_PROVINSI, "35"))
    r = client.get(f"/api/v1/adhoc/rencana/{pilkada.pk}", {"kode": "35.13"})
    assert r.status_code == 422 and r.json()["code"] == "adhoc.rencana_di_luar_pemilu"
