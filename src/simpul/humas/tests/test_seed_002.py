"""Seed 002's semester I 2022 tables, reproduced from the demo log. The expected numbers
are read from `seed_002_tabel.txt`, the seed's own table lines copied verbatim."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from simpul.core.errors import TidakDitemukan
from simpul.humas.demo import demo_humas
from simpul.humas.rules import periode
from simpul.humas.selectors import rekap

TABEL = Path(__file__).with_name("seed_002_tabel.txt").read_text().splitlines()


def _angka(sel: str) -> int:
    return 0 if sel.strip() in ("", "-") else int(sel)


def tabel_seed() -> tuple[dict[str, list[list[int]]], list[tuple[str, list[int], str]]]:
    bulanan: dict[str, list[list[int]]] = {}
    evaluasi = []
    bulan = None
    for baris in TABEL:
        sel = baris.split("\t")
        if baris.startswith("Bulan "):
            bulan = baris.removeprefix("Bulan ")
            bulanan[bulan] = []
        elif baris.startswith("NO\tMEDIA"):
            bulan = None
        elif sel[0].rstrip(".").isdigit() and bulan:
            bulanan[bulan].append([_angka(s) for s in (sel[2:] + [""] * 5)[:5]])
        elif sel[0].rstrip(".").isdigit():
            evaluasi.append((sel[1], [_angka(s) for s in sel[2:8]], sel[8]))
    return bulanan, evaluasi


@pytest.fixture
def log_seed(staf_kota):
    hasil = demo_humas(akun=staf_kota)
    assert hasil.galat == []
    return hasil


def test_tabel_seed_terbaca():
    bulanan, evaluasi = tabel_seed()
    assert list(bulanan) == ["Januari 2022", "Februari 2022", "Maret 2022", "April 2022",
                             "Mei 2022", "Juni 2022"]
    assert all(len(t) == 11 for t in bulanan.values())
    assert len(evaluasi) == 4 and evaluasi[0][1] == [79, 72, 88, 120, 121, 127]


def test_rekap_demo_sama_dengan_tabel_seed_002(log_seed, staf_kota):
    bulanan, evaluasi = tabel_seed()
    r = rekap(akun=staf_kota, kantor_kode="35.74", periode=periode("semester", 2022, 1))
    assert [k.singkatan for k in r["kolom"]] == ["IG", "TWITTER", "FB", "YOUTUBE", "TIKTOK"]
    assert {t.nama: [angka for _, angka in t.baris] for t in r["bulanan"]} == bulanan
    assert [b.media for b in r["evaluasi"]] == [e[0] for e in evaluasi]
    assert [b.per_bulan for b in r["evaluasi"]] == [e[1] for e in evaluasi]
    assert [b.keterangan for b in r["evaluasi"]] == [e[2] for e in evaluasi]
    assert [nama for nama, _ in r["gabungan"]][:2] == ["Foto Berita", "KPU Flash"]
    assert r["gabungan"][0][1] == [384, 369, 366, 0, 0]


def test_demo_impor_ulang_tidak_mengubah(log_seed, staf_kota):
    ulang = demo_humas(akun=staf_kota)
    assert (ulang.publikasi_baru, ulang.dibuat, ulang.diubah) == (0, 0, 0)
    assert ulang.tetap == log_seed.dibuat


def test_rekap_jumlah_kueri_tetap(log_seed, staf_kota, staf_jatim):
    p = periode("semester", 2022, 1)
    rekap(akun=staf_jatim, kantor_kode="35", periode=p)  # warm per-connection caches
    with CaptureQueriesContext(connection) as kosong:
        rekap(akun=staf_jatim, kantor_kode="35.13", periode=p)
    with CaptureQueriesContext(connection) as penuh:
        rekap(akun=staf_jatim, kantor_kode="35.74", periode=p)
    assert len(penuh) == len(kosong) <= 4


def test_rekap_dibaca_tingkat_atas_tidak_oleh_kantor_sebelah(log_seed, staf_jatim, staf_kab):
    p = periode("triwulan", 2022, 2)
    r = rekap(akun=staf_jatim, kantor_kode="35.74", periode=p)
    assert [b.per_bulan for b in r["evaluasi"]][0] == [120, 121, 127]
    with pytest.raises(TidakDitemukan):
        rekap(akun=staf_kab, kantor_kode="35.74", periode=p)


def test_halaman_rekap_dengan_grafik(client, log_seed, staf_kota):
    client.force_login(staf_kota)
    r = client.get("/humas/rekap/?periode=semester&nomor=1&tahun=2022")
    isi = r.content.decode()
    assert r.status_code == 200
    assert "<svg" in isi and "Grup Bakohumas KPU Provinsi Jawa Timur" in isi
    assert client.get("/humas/rekap/?periode=triwulan&nomor=7&tahun=2022").status_code == 422
    api = client.get("/api/v1/humas/rekap?periode=bulan&nomor=4&tahun=2022&kantor=35.74").json()
    assert api["evaluasi"][0]["per_bulan"] == [120]
