"""The same model on Splink's Spark backend (local Spark, Java 17) finds the same pairs
as on DuckDB: the model trained on DuckDB is handed to Spark, which does the blocking,
the term-frequency tables and the scoring with its own SQL and Splink's Scala
similarity functions. (Training on Spark as well agrees too, but takes minutes on a
shared two-core machine: see docs/ganda.md.)"""

import jellyfish
import polars as pl
import pytest

from simpul.ganda.mesin import AMBANG_PROBABILITAS, deteksi, siapkan, spark_lokal
from simpul.pemilih.sintetis import Derau, penduduk_buat

DESA = ["35.74.01.1001", "35.74.03.1001", "35.74.05.1005", "35.74.05.1006"]
KUNCI = ["unique_id_l", "unique_id_r"]
# Comparisons with a Jaro-Winkler level, and their thresholds.
JARO_WINKLER = {"nama": (0.92, 0.8), "tempat_lahir": (0.9,), "alamat": (0.9,)}


@pytest.fixture(scope="module")
def spark():
    s = spark_lokal(partisi=1)
    yield s
    s.stop()


@pytest.mark.spark
def test_spark_menemukan_pasangan_yang_sama_dengan_duckdb(spark):
    daftar, _ = penduduk_buat(desa=DESA, jumlah=500, seed=8,
                              derau=Derau.dari_teks("salah_ketik=0.05,tukar=0.03,ganda=0.08"))
    daftar = daftar.rename({"id_rekam": "unique_id"})
    duck = deteksi(daftar, backend="duckdb", u_semua_pasangan=True, ambang=None)
    spk = deteksi(daftar, backend="spark", spark=spark, model=duck.model, ambang=None)
    assert duck.perbandingan == spk.perbandingan

    # Blocking is equality on the same prepared columns: the same candidate pairs.
    gamma = [f"gamma_{p}" for p in duck.perbandingan]
    a = duck.pasangan.select(*KUNCI, "match_weight", "match_probability", *gamma)
    b = spk.pasangan.select(*KUNCI, "match_weight", "match_probability", *gamma)
    assert len(a) > 300
    assert a.select(KUNCI).equals(b.select(KUNCI))

    j = a.join(b, on=KUNCI, suffix="_spark")
    sama = pl.all_horizontal([pl.col(g) == pl.col(f"{g}_spark") for g in gamma])
    # Where every comparison fell in the same level, the weights are the same.
    s = j.filter(sama)
    assert s["match_weight"].to_list() == pytest.approx(s["match_weight_spark"].to_list(),
                                                        abs=1e-6)
    # Where a level differs it is a Jaro-Winkler level near its threshold: Splink's Scala
    # Jaro-Winkler differs slightly from DuckDB's (which agrees with jellyfish).
    siap = siapkan(daftar)
    nilai = {k: dict(zip(siap["unique_id"], siap[k], strict=True)) for k in JARO_WINKLER}
    beda = j.filter(~sama)
    assert len(beda) <= 0.01 * len(j)
    for r in beda.iter_rows(named=True):
        kolom = [p for p in duck.perbandingan if r[f"gamma_{p}"] != r[f"gamma_{p}_spark"]]
        assert set(kolom) <= set(JARO_WINKLER), kolom
        for p in kolom:
            jw = jellyfish.jaro_winkler_similarity(nilai[p][r["unique_id_l"]],
                                                   nilai[p][r["unique_id_r"]])
            assert min(abs(jw - t) for t in JARO_WINKLER[p]) < 0.02

    # Above the review threshold, the same pairs.
    atas = AMBANG_PROBABILITAS
    pa = set(j.filter(pl.col("match_probability") >= atas).select(KUNCI).iter_rows())
    pb = set(j.filter(pl.col("match_probability_spark") >= atas).select(KUNCI).iter_rows())
    assert len(pa) >= 20
    assert pa ^ pb <= set(beda.select(KUNCI).iter_rows())
    assert len(pa ^ pb) <= 1
