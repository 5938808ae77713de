"""A KPU Provinsi (or KPU RI) sees the recap of every office below it, per office x
month, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from simpul.core.errors import TidakDitemukan
from simpul.core.roles import Peran
from simpul.humas.rules import periode, rekap_kantor
from simpul.humas.selectors import rekap_lintas_kantor
from simpul.humas.services import publikasi_simpan

T2 = periode("triwulan", 2022, 2)


def _catat(akun, tanggal, judul, kanal):
    return publikasi_simpan(akun=akun, tanggal=tanggal, jenis_konten="Foto Berita", judul=judul,
                            unggahan=[{"kanal": k, "tautan": t} for k, t in kanal])


def _ig(kode):
    return ("instagram", f"https://www.instagram.com/p/{kode}/")


def test_rekap_kantor_aturan_hitung():
    baris, total = rekap_kantor(
        [("35", "Prov"), ("35.74", "Kota"), ("35.13", "Kab")],
        [("35.74", 4, 2), ("35.74", 5, 1), ("33.01", 4, 9), ("35.13", 1, 5)],
        [("35.74", 4, "instagram", 2), ("35.74", 4, "facebook", 1), ("35.74", 5, "tiktok", 1)],
        bulan=[4, 5, 6], kolom=["instagram", "facebook"], medsos=frozenset({"instagram",
                                                                           "tiktok"}))
    kota = baris[1]
    assert (kota.publikasi, kota.unggahan, kota.per_kanal, kota.medsos) == (
        [2, 1, 0], [3, 1, 0], [2, 1], 3)
    assert baris[0].jumlah_publikasi == 0 and baris[2].jumlah_publikasi == 0
    assert total.publikasi == [2, 1, 0] and total.jumlah_unggahan == 4


def test_provinsi_melihat_semua_kantor_di_bawahnya(staf_kota, staf_kab, staf_jatim,
                                                   buat_akun):
    staf_jateng = buat_akun(Peran.KPU_KAB_OPERATOR, "33.01")
    _catat(staf_kota, "2022-04-02", "A", [_ig("A1"), ("facebook", "https://www.facebook.com/k/1")])
    _catat(staf_kota, "2022-05-03", "B", [_ig("B1")])
    _catat(staf_kab, "2022-06-04", "C", [_ig("C1")])
    _catat(staf_jatim, "2022-04-05", "D", [_ig("D1")])
    _catat(staf_jateng, "2022-04-06", "E", [_ig("E1")])
    _catat(staf_kota, "2022-07-01", "Di luar periode", [_ig("F1")])
    r = rekap_lintas_kantor(akun=staf_jatim, periode=T2)
    kode = [b.kode for b in r["baris"]]
    assert kode[0] == "35" and r["baris"][0].nama == "KPU Provinsi Jawa Timur"
    assert len(kode) == 39 and "33.01" not in kode
    per = {b.kode: b for b in r["baris"]}
    assert per["35.74"].publikasi == [1, 1, 0] and per["35.74"].jumlah_unggahan == 3
    assert per["35.74"].nama == "KPU Kota Probolinggo"
    assert per["35.13"].publikasi == [0, 0, 1] and per["35"].publikasi == [1, 0, 0]
    assert r["total"].publikasi == [2, 1, 1] and r["belum_mencatat"] == 36
    # KPU RI sees every office of the country; the city only itself.
    ri = rekap_lintas_kantor(akun=buat_akun(Peran.KPU_RI, None), periode=T2)
    assert ri["baris"][0].nama == "KPU RI" and ri["total"].publikasi == [3, 1, 1]
    assert len(ri["baris"]) > 500
    narrowed = rekap_lintas_kantor(akun=buat_akun(Peran.KPU_RI, None), periode=T2,
                                   kantor_kode="33")
    assert narrowed["total"].publikasi == [1, 0, 0]
    kota = rekap_lintas_kantor(akun=staf_kota, periode=T2)
    assert [b.kode for b in kota["baris"]] == ["35.74"]
    with pytest.raises(TidakDitemukan):
        rekap_lintas_kantor(akun=staf_jatim, periode=T2, kantor_kode="33")


def test_jumlah_query_tetap(staf_kota, staf_kab, staf_jatim):
    rekap_lintas_kantor(akun=staf_jatim, periode=T2)  # the account's own lookups, once
    with CaptureQueriesContext(connection) as kosong:
        rekap_lintas_kantor(akun=staf_jatim, periode=T2)
    for i in range(6):
        _catat(staf_kota if i % 2 else staf_kab, f"2022-0{4 + i % 3}-1{i}", f"J{i}",
               [_ig(f"Q{i}"), ("x", f"https://x.com/kpu/status/{i}")])
    with CaptureQueriesContext(connection) as penuh:
        r = rekap_lintas_kantor(akun=staf_jatim, periode=T2)
    assert r["total"].jumlah_publikasi == 6 and r["total"].jumlah_unggahan == 12
    assert len(penuh) == len(kosong) <= 5


def test_halaman_csv_dan_api(client, staf_kota, staf_jatim):
    _catat(staf_kota, "2022-04-02", "A", [_ig("A1")])
    client.force_login(staf_jatim)
    url = reverse("humas-rekap-kantor") + "?periode=triwulan&nomor=2&tahun=2022"
    isi = client.get(url).content.decode()
    assert "KPU Kota Probolinggo" in isi and "KPU Kabupaten Probolinggo" in isi
    csv = client.get(url + "&bentuk=csv").content.decode().splitlines()
    assert csv[0].lstrip("\ufeff").startswith("kode,kantor,APR,MEI,JUN,publikasi,unggahan")
    assert any(b.startswith("35.74,KPU Kota Probolinggo,1,0,0,1,1") for b in csv)
    r = client.get("/api/v1/humas/rekap-kantor?periode=triwulan&nomor=2&tahun=2022").json()
    kota = next(b for b in r["baris"] if b["kode"] == "35.74")
    assert kota["publikasi"] == [1, 0, 0] and kota["per_kanal"]["instagram"] == 1
    assert r["total"]["media_sosial"] == 1
