"""The public check degrades, never goes blank (ANCHORS.md, kpu.go.id Feb 2024): when the
database or the shared cache fails, page and API answer a named 503 and point to the
static per-TPS lists."""

import json

import pytest
from django.core.cache import cache
from django.db import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("galat", [OperationalError("server closed the connection"),
                                   RedisConnectionError("Connection refused")])
def test_basis_data_atau_cache_tumbang_jawaban_503_bernama(client, buat_pemilih, monkeypatch,
                                                          galat):
    p = buat_pemilih()

    def tumbang(*a, **kw):
        raise galat

    monkeypatch.setattr("simpul.pemilih.cek.salinan_terbaru", tumbang)
    monkeypatch.setenv("SIMPUL_CEK_DPT_STATIS_URL", "https://statis.example/dpt/")
    r = client.post("/api/v1/pemilih/cek", json.dumps({"nik": p.nik}),
                    content_type="application/json")
    assert r.status_code == 503
    assert r.json()["code"] == "cek_dpt.tidak_tersedia"
    assert r.json()["details"]["coba_lagi_detik"] == 60
    r = client.post("/cek-dpt/", {"nik": p.nik})
    teks = r.content.decode()
    assert r.status_code == 503
    assert "cek_dpt.tidak_tersedia" in teks and "https://statis.example/dpt/" in teks
    assert p.nama not in teks


def test_tanpa_gangguan_jawaban_biasa(client, buat_pemilih):
    p = buat_pemilih()
    r = client.post("/api/v1/pemilih/cek", json.dumps({"nik": p.nik}),
                    content_type="application/json")
    assert r.status_code == 200 and r.json()["ditemukan"]


def _cek(client, nik, alamat):
    return client.post("/api/v1/pemilih/cek", json.dumps({"nik": nik}),
                       content_type="application/json", REMOTE_ADDR=alamat)


def test_anchors_dpt_enumerasi_tersebar_dari_banyak_alamat_memicu_satu_peringatan(
        client, buat_pemilih, settings):
    """ANCHORS.md (DPT, Nov 2023): a sweep spread over many addresses, each under its own
    limit, still raises one alert (and audit entry) per window; nobody is blocked."""
    from simpul.core.models import AuditEntry
    from simpul.pemilih.models import PeringatanCekDPT

    settings.SIMPUL_CEK_DPT_GAGAL_TERSEBAR = 6
    p = buat_pemilih()
    for i in range(4):  # ordinary people: found
        assert _cek(client, p.nik, f"10.0.0.{i}").json()["ditemukan"]
    for i in range(10):  # ten addresses, one made-up NIK each
        r = _cek(client, f"357405010170{i + 1:04d}", f"10.9.{i}.1")
        assert r.status_code == 200 and not r.json()["ditemukan"]
        assert PeringatanCekDPT.objects.count() == (1 if i >= 6 else 0), i
    alarm = PeringatanCekDPT.objects.get()
    assert (alarm.jenis, alarm.klien_sidik, alarm.jumlah_nik) == ("enumerasi_tersebar", "*", 7)
    assert AuditEntry.objects.filter(aksi="pemilih.cek_dpt_enumerasi_tersebar").count() == 1
    assert _cek(client, p.nik, "10.0.0.99").json()["ditemukan"]  # still served


def test_banyak_yang_tidak_terdaftar_tetapi_sebagian_besar_ditemukan_bukan_enumerasi(
        client, buat_pemilih, settings):
    from simpul.pemilih.models import PeringatanCekDPT

    settings.SIMPUL_CEK_DPT_GAGAL_TERSEBAR = 2
    p = buat_pemilih()
    for i in range(8):
        _cek(client, p.nik, f"10.1.0.{i}")
    for i in range(3):
        _cek(client, f"357405010170{i + 1:04d}", f"10.2.0.{i}")
    assert PeringatanCekDPT.objects.count() == 0  # 3 of 11 not found: under half
