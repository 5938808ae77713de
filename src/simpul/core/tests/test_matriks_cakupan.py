"""Every role against every page and endpoint: nobody reads or writes outside their
territory, and nothing outside leaks through counts, search results or error text."""

import json

import pytest

from simpul.core.roles import PERAN_KPU, Peran
from simpul.core.scope import di_bawah
from simpul.pemilu.models import TPS

pytestmark = pytest.mark.django_db

KEDOPOK = "35.74.05.1005"
# Targets from the inside out: a kelurahan, its kecamatan, a sibling kecamatan, the kota,
# the neighbouring kabupaten, the province, another province.
TARGET = [KEDOPOK, "35.74.05", "35.74.01", "35.74", "35.13", "35.13.01", "35", "36"]
AKAR = {
    Peran.KPU_RI: None, Peran.KPU_PROVINSI: "35", Peran.KPU_KAB_KOMISIONER: "35.74",
    Peran.KPU_KAB_OPERATOR: "35.74", Peran.PPK: "35.74.05", Peran.PPS: KEDOPOK,
    Peran.KPPS: KEDOPOK, Peran.PANTARLIH: KEDOPOK,
}


def _boleh_baca(peran, kode) -> bool:
    return peran in AKAR and di_bawah(kode, AKAR[peran])


@pytest.fixture
def sasaran_tps(pemilu):
    return {
        "sendiri": TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1),
        "tetangga": TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2),
        "kecamatan_lain": TPS.objects.filter(pemilu=pemilu, desa_id__startswith="35.74.01.")
        .first(),
    }


@pytest.mark.parametrize("peran", list(Peran))
def test_halaman_dan_api_wilayah(client, akun_per_peran, peran, pemilu):
    client.force_login(akun_per_peran[peran])
    for kode in TARGET:
        for url in (f"/wilayah/{kode}/?pemilu={pemilu.pk}", f"/api/v1/wilayah/{kode}"):
            r = client.get(url)
            if peran == Peran.PUBLIK:
                assert r.status_code == 403, url
            elif _boleh_baca(peran, kode):
                assert r.status_code == 200, url
            else:
                assert r.status_code == 404, (peran, url)
                # The refusal names nothing of what lies there.
                teks = r.content.decode()
                assert "Kademangan" not in teks and "TPS 0" not in teks


@pytest.mark.parametrize("peran", list(Peran))
def test_akar_dasbor_hanya_menghitung_wilayah_sendiri(client, akun_per_peran, peran, pemilu):
    client.force_login(akun_per_peran[peran])
    r = client.get(f"/api/v1/wilayah/?pemilu={pemilu.pk}")
    if peran == Peran.PUBLIK:
        assert r.status_code == 403
        return
    data = r.json()
    akar = AKAR[peran]
    assert (data["wilayah"] or {}).get("kode") == akar
    for anak in data["anak"]:
        assert di_bawah(anak["kode"], akar)
    jumlah_tps = sum(a["tps"] for a in data["anak"])
    if peran in (Peran.KPU_RI, Peran.KPU_PROVINSI):
        assert jumlah_tps == 669  # only Kota Probolinggo has TPS in the demo
    elif peran == Peran.PPK:
        assert jumlah_tps == TPS.objects.filter(pemilu=pemilu,
                                                desa_id__startswith="35.74.05.").count()
    # desa-level roles have no child regions; their TPS list is checked below


@pytest.mark.parametrize("peran", list(Peran))
def test_tps_dan_pencarian(client, akun_per_peran, peran, sasaran_tps, pemilu):
    client.force_login(akun_per_peran[peran])
    for nama, tps in sasaran_tps.items():
        if peran in (Peran.KPPS, Peran.PANTARLIH):
            boleh = nama == "sendiri"
        else:
            boleh = _boleh_baca(peran, tps.desa_id)
        for url in (f"/tps/{tps.pk}/", f"/api/v1/pemilu/tps/{tps.pk}"):
            r = client.get(url)
            assert r.status_code == (200 if boleh else 404), (peran, url)
    r = client.get("/api/v1/wilayah/cari", {"q": "Kademangan"})
    if peran == Peran.PUBLIK:
        assert r.status_code == 403
    else:
        kode = [w["kode"] for w in r.json()]
        assert all(di_bawah(k, AKAR[peran]) for k in kode)
        assert bool(kode) == _boleh_baca(peran, "35.74.01")
    r = client.get(f"/api/v1/pemilu/{pemilu.pk}/tps", {"desa": KEDOPOK})
    if peran == Peran.PUBLIK:
        assert r.status_code == 403
    else:
        nomor = [t["nomor"] for t in r.json()]
        assert nomor == ([1] if peran in (Peran.KPPS, Peran.PANTARLIH) else list(range(1, 14)))


@pytest.mark.parametrize("peran", list(Peran))
def test_menulis_tps(client, akun_per_peran, peran, pemilu):
    client.force_login(akun_per_peran[peran])
    for kode in (KEDOPOK, "35.74.01.1001", "35.13.01.2001"):
        r = client.post(f"/api/v1/pemilu/{pemilu.pk}/tps",
                        json.dumps({"kode_desa": kode, "nomor": 90, "jumlah_pemilih": 100}),
                        content_type="application/json")
        if peran not in PERAN_KPU:
            assert r.status_code in (403, 404), (peran, kode)
            assert not TPS.objects.filter(desa_id=kode, nomor=90).exists()
        elif di_bawah(kode, AKAR[peran]):
            assert r.status_code == 200, (peran, kode, r.content)
        else:
            assert r.status_code == 404, (peran, kode)
            assert r.json()["code"] == "tidak_ditemukan"
            assert not TPS.objects.filter(desa_id=kode, nomor=90).exists()


def test_operator_kabupaten_lain_tidak_melihat_apa_pun_di_kota(client, buat_akun, pemilu):
    akun = buat_akun(Peran.KPU_KAB_OPERATOR, "35.13")
    client.force_login(akun)
    data = client.get(f"/api/v1/wilayah/?pemilu={pemilu.pk}").json()
    assert data["wilayah"]["kode"] == "35.13"
    assert sum(a["tps"] for a in data["anak"]) == 0
    assert len(data["anak"]) == 24
    assert client.get(f"/api/v1/pemilu/{pemilu.pk}/tps", {"desa": KEDOPOK}).status_code == 404


def test_akun_tanpa_wilayah_tidak_melihat_apa_pun(client, buat_akun, pemilu):
    """A PPK account missing its kecamatan must not fall back to the whole country."""
    client.force_login(buat_akun(Peran.PPK, None, pemilu))
    assert client.get("/api/v1/wilayah/35").status_code == 403
    assert client.get("/api/v1/pemilu/").json() == []


def test_admin_terbatas_wilayah(client, buat_akun):
    from django.contrib.auth.models import Permission

    akun = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74", is_staff=True)
    akun.user_permissions.set(Permission.objects.filter(codename__in=["view_wilayah",
                                                                      "view_tps"]))
    client.force_login(akun)
    r = client.get("/admin/wilayah/wilayah/", {"q": "Kraksaan"})  # a kecamatan of 35.13
    assert r.status_code == 200 and "35.13." not in r.content.decode()
    r = client.get("/admin/wilayah/wilayah/", {"q": "Kedopok"})
    assert "35.74.05.1005" in r.content.decode()
    r = client.get("/admin/wilayah/wilayah/35.13/change/")
    assert r.status_code in (302, 404)


@pytest.mark.parametrize(("peran", "wilayah", "pakai_pemilu", "pakai_tps", "pesan"), [
    (Peran.PPK, KEDOPOK, True, False, "kecamatan"),
    (Peran.KPU_PROVINSI, "35.74", False, False, "provinsi"),
    (Peran.PPS, KEDOPOK, False, False, "satu pemilu"),
    (Peran.KPPS, KEDOPOK, True, False, "satu TPS"),
    (Peran.PPS, KEDOPOK, True, True, "Hanya KPPS"),
])
def test_penugasan_akun_harus_sesuai_peran(buat_akun, pemilu, peran, wilayah, pakai_pemilu,
                                           pakai_tps, pesan):
    from django.core.exceptions import ValidationError

    from simpul.core.scope import Cakupan

    tps = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1) if pakai_tps else None
    akun = buat_akun(peran, wilayah, pemilu if pakai_pemilu else None, tps)
    with pytest.raises(ValidationError, match=pesan):
        akun.full_clean()
    assert not Cakupan.dari(akun).aktif


def test_tps_kpps_harus_di_desanya(buat_akun, pemilu):
    from django.core.exceptions import ValidationError

    tps_lain = TPS.objects.filter(pemilu=pemilu, desa_id__startswith="35.74.01.").first()
    akun = buat_akun(Peran.KPPS, KEDOPOK, pemilu, tps_lain)
    with pytest.raises(ValidationError, match="TPS harus berada"):
        akun.full_clean()
    akun_per_peran_benar = buat_akun(Peran.KPPS, tps_lain.desa_id, pemilu, tps_lain)
    akun_per_peran_benar.full_clean()
