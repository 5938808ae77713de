"""The Splink model on DuckDB: generated voters with noise, explanations, two lists."""

import math
from datetime import date

import polars as pl
import pytest

from simpul.ganda.akurasi import akurasi_hitung, sintetis_kebenaran
from simpul.ganda.mesin import deteksi, siapkan
from simpul.pemilih.sintetis import Derau, penduduk_buat

DESA = ["35.74.01.1001", "35.74.01.1002", "35.74.03.1001", "35.74.05.1005", "35.74.05.1006"]
DERAU = "salah_ketik=0.05,tukar=0.03,hilang=0.05,pindah=0.02,ganda=0.04"


@pytest.fixture(scope="module")
def populasi():
    daftar, benar = penduduk_buat(desa=DESA, jumlah=6000, seed=21,
                                  derau=Derau.dari_teks(DERAU))
    return daftar.rename({"id_rekam": "unique_id"}), sintetis_kebenaran(benar)


@pytest.fixture(scope="module")
def hasil(populasi):
    return deteksi(populasi[0])


def test_pemilih_ganda_sintetis_ditemukan_dengan_presisi_dan_recall_tinggi(populasi, hasil):
    a = akurasi_hitung(hasil.pasangan, populasi[1])
    assert a.pasangan_benar > 150
    assert a.presisi >= 0.95, a
    assert a.recall >= 0.9, a


def test_bobot_parsial_penjelasan_dijumlah_dengan_prior_sama_dengan_bobot_pasangan(hasil):
    lam = hasil.model["probability_two_random_records_match"]
    prior = math.log2(lam / (1 - lam))
    for baris in hasil.pasangan.head(50).iter_rows(named=True):
        penjelasan = hasil.penjelasan(baris)
        assert [p["perbandingan"] for p in penjelasan] == hasil.perbandingan
        assert sum(p["bobot"] for p in penjelasan) + prior == pytest.approx(
            baris["match_weight"], abs=0.02)


def test_penjelasan_menyebut_tingkat_yang_cocok(populasi, hasil):
    data = populasi[0]
    nik = dict(zip(data["unique_id"], data["nik"], strict=True))
    nama = dict(zip(data["unique_id"], data["nama"], strict=True))
    dilihat = set()
    for baris in hasil.pasangan.iter_rows(named=True):
        p = {x["perbandingan"]: x for x in hasil.penjelasan(baris)}
        a, b = baris["unique_id_l"], baris["unique_id_r"]
        sama_nik = nik[a] == nik[b]
        assert (p["nik"]["keterangan"] == "NIK sama") == sama_nik
        if nama[a] == nama[b]:
            assert p["nama"]["keterangan"] == "Nama sama persis"
            assert p["nama"]["bobot"] > 0
        dilihat.add(sama_nik)
    assert dilihat == {True, False}


def test_lintas_wilayah_hanya_pasangan_antar_dua_daftar(populasi):
    data, benar = populasi
    a = data.filter(pl.col("kode_desa").str.starts_with("35.74.01"))
    b = data.filter(~pl.col("kode_desa").str.starts_with("35.74.01"))
    h = deteksi(a, df_lain=b)
    ids_a, ids_b = set(a["unique_id"]), set(b["unique_id"])
    assert len(h.pasangan) > 20
    for kiri, kanan in h.pasangan.select("unique_id_l", "unique_id_r").iter_rows():
        assert (kiri in ids_a) != (kanan in ids_a) and (kiri in ids_b) != (kanan in ids_b)
    assert akurasi_hitung(h.pasangan, benar).presisi >= 0.95


def test_model_terlatih_dipakai_ulang_memberi_pasangan_sama(populasi, hasil):
    ulang = deteksi(populasi[0], model=hasil.model)
    assert ulang.pasangan.select("unique_id_l", "unique_id_r").equals(
        hasil.pasangan.select("unique_id_l", "unique_id_r"))


def test_siapkan_menormalkan_dan_rt_rw_000_dianggap_kosong():
    df = pl.DataFrame({"unique_id": [1, 2], "nik": ["3574-0512 0590 0001", ""],
                       "nama": ["  budi   santoso, s.pd", "Ani"],
                       "tanggal_lahir": ["1990-05-12", "bukan tanggal"],
                       "rt": ["000", "3"], "rw": ["000", "02"], "kode_desa": ["", "35.74.05.1005"]})
    s = siapkan(df)
    assert s["nik"].to_list() == ["3574051205900001", None]
    assert s["nama"].to_list() == ["BUDI SANTOSO S PD", "ANI"]
    assert s["nama_urut"][0] == "BUDI PD S SANTOSO"
    assert s["tanggal_lahir"].to_list() == [date(1990, 5, 12), None]
    assert s["tgl_tukar"][0] == "19901205"
    assert s["rt_rw"].to_list() == [None, "3/02"]
    assert s["kode_desa"][0] is None and s["kode_kec"][1] == "35.74.05"


def test_kolom_wajib_tidak_ada_ditolak():
    with pytest.raises(ValueError, match="tanggal_lahir"):
        siapkan(pl.DataFrame({"unique_id": [1], "nama": ["A"]}))


def test_backend_tidak_dikenal_ditolak(populasi):
    with pytest.raises(ValueError, match="backend"):
        deteksi(populasi[0].head(10), backend="oracle")
