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
