"""The TPS mapping algorithm (pure, `pemetaan.py`) checked exhaustively on small cases
against brute force, and its invariants on random larger ones. RULES.md §3 (KPU to DPR
Komisi II, 15 May 2024): cap per TPS, no desa mixed, no family split."""

import itertools
import random

import polars as pl
import pytest

from simpul.pemilih.pemetaan import pindah_periksa, tps_petakan


def _bangun(desa_kk: dict[str, list[tuple[int, int, int]]]) -> pl.DataFrame:
    """desa → [(rw, rt, KK size)] in house order; KK numbers increase in that order."""
    baris, nid = [], 0
    for desa, kks in desa_kk.items():
        for k, (rw, rt, n) in enumerate(kks):
            for _ in range(n):
                nid += 1
                baris.append({"id": nid, "desa": desa, "rw": f"{rw:03d}", "rt": f"{rt:03d}",
                              "nkk": f"{desa}{k:05d}"})
    return pl.DataFrame(baris)


def _brute(kks: list[tuple[int, int, int]], maks: int) -> tuple[int, int]:
    """Least TPS over every contiguous cut of the KK sequence, then least RT cuts."""
    m = len(kks)
    terbaik = None
    for pola in itertools.product((0, 1), repeat=m - 1):
        segmen, isi = [], kks[0][2]
        belah = 0
        for j, potong in enumerate(pola, start=1):
            if potong:
                segmen.append(isi)
                isi = 0
                belah += kks[j][:2] == kks[j - 1][:2]
            isi += kks[j][2]
        segmen.append(isi)
        if max(segmen) > maks:
            continue
        kunci = (len(segmen), belah)
        terbaik = kunci if terbaik is None or kunci < terbaik else terbaik
    return terbaik


def _invarian(df: pl.DataFrame, hasil, maks: int) -> None:
    p = df.join(hasil.penempatan, on=["id", "desa"])
    assert len(p) == len(df) and p["nomor"].null_count() == 0
    # A KK is never split inside a desa.
    assert p.group_by("desa", "nkk").agg(pl.col("nomor").n_unique())["nomor"].max() == 1
    # Cap, unless a single KK is larger than the cap (reported).
    isi = p.group_by("desa", "nomor").agg(pl.len().alias("n"), pl.col("nkk").n_unique().alias("k"))
    assert isi.filter((pl.col("n") > maks) & (pl.col("k") > 1)).is_empty()
    # TPS numbers run 1..k in each desa, and every RT lies on consecutive numbers.
    for _, g in isi.group_by("desa"):
        assert sorted(g["nomor"].to_list()) == list(range(1, len(g) + 1))
    rt = p.group_by("desa", "rw", "rt").agg(pl.col("nomor").min().alias("a"),
                                             pl.col("nomor").max().alias("b"),
                                             pl.col("nomor").n_unique().alias("n"))
    assert (rt["b"] - rt["a"] + 1 == rt["n"]).all()
    assert hasil.per_tps["pemilih"].sum() == len(df)


def test_pasal_rules3_jumlah_tps_minimum_dan_rt_utuh_bila_mungkin_brute_force():
    """RULES.md §3: as few TPS as the cap allows; no RT cut when a layout with that many
    TPS and no RT cut exists. Every case checked against brute force."""
    acak = random.Random(3)
    for _ in range(400):
        maks = acak.randint(2, 9)
        m = acak.randint(1, 10)
        kks, rw, rt = [], 1, 1
        for _ in range(m):
            if acak.random() < 0.35:
                rt += 1
            if acak.random() < 0.1:
                rw, rt = rw + 1, 1
            kks.append((rw, rt, acak.randint(1, maks)))
        df = _bangun({"35.74.05.1005": kks})
        hasil = tps_petakan(df, maks=maks)
        _invarian(df, hasil, maks)
        k_min, belah_min = _brute(kks, maks)
        assert len(hasil.per_tps) == k_min, (kks, maks)
        belah = sum(t["kode"] == "pemetaan.rt_terbelah" for t in hasil.temuan)
        assert (belah == 0) == (belah_min == 0), (kks, maks)


def test_desa_tidak_dicampur_dan_kk_lintas_desa_dilaporkan():
    """RULES.md §3: do not merge desa/kelurahan in one TPS."""
    df = _bangun({"35.74.05.1005": [(1, 1, 2)], "35.74.05.1006": [(1, 1, 1)]})
    df = df.with_columns(pl.lit("K").alias("nkk"))  # one KK number in two desa
    hasil = tps_petakan(df, maks=300)
    assert sorted(hasil.per_tps.select("desa", "nomor").rows()) == [
        ("35.74.05.1005", 1), ("35.74.05.1006", 1)]
    assert [t["kode"] for t in hasil.temuan] == ["pemetaan.kk_lintas_desa"]


def test_kk_melebihi_batas_satu_tps_sendiri_dilaporkan():
    df = _bangun({"35.74.05.1005": [(1, 1, 2), (1, 1, 5), (1, 2, 2)]})
    hasil = tps_petakan(df, maks=4)
    _invarian(df, hasil, 4)
    assert hasil.per_tps["pemilih"].to_list() == [2, 5, 2]
    assert "pemetaan.kk_melebihi_batas" in [t["kode"] for t in hasil.temuan]


def test_seimbang_bukan_penuh_lalu_sisa():
    """10 KK of 30 in one RT each with cap 300 → 1 TPS; 11 → 2 TPS of 180/150, not 300/30."""
    df = _bangun({"d": [(1, i, 30) for i in range(1, 12)]})
    hasil = tps_petakan(df, maks=300)
    assert sorted(hasil.per_tps["pemilih"].to_list()) == [150, 180]
    assert not hasil.temuan


def test_acak_besar_invarian_dan_alasan():
    acak = random.Random(9)
    desa = {}
    for d in range(5):
        kks, rt = [], 1
        for _ in range(acak.randint(50, 400)):
            rt += acak.random() < 0.05
            kks.append((1 + rt // 12, rt % 12 or 12, acak.choice([1, 1, 2, 2, 2, 3, 4, 5])))
        desa[f"35.74.05.{1001 + d}"] = kks
    df = _bangun(desa).sample(fraction=1.0, shuffle=True, seed=1)  # input order is irrelevant
    hasil = tps_petakan(df, maks=300)
    _invarian(df, hasil, 300)
    for d, kks in desa.items():
        n = sum(k[2] for k in kks)
        assert len(hasil.per_tps.filter(pl.col("desa") == d)) >= -(-n // 300)
    assert all("KK utuh" in a and "batas 300" in a for a in hasil.per_tps["alasan"])


def test_rt_kosong_ditempatkan_terakhir_dan_dilaporkan():
    df = pl.DataFrame({"id": [1, 2, 3], "desa": ["d"] * 3, "rw": ["001", "000", "001"],
                       "rt": ["002", "000", "001"], "nkk": ["b", "c", "a"]})
    hasil = tps_petakan(df, maks=1)
    urut = dict(hasil.penempatan.select("id", "nomor").rows())
    assert urut == {3: 1, 1: 2, 2: 3}
    assert [t["kode"] for t in hasil.temuan] == ["pemetaan.rt_kosong"]


def test_maks_tidak_valid():
    with pytest.raises(ValueError):
        tps_petakan(_bangun({"d": [(1, 1, 1)]}), maks=0)


@pytest.mark.parametrize(("kw", "kode"), [
    ({"desa_tujuan": "35.74.05.1006"}, "pemetaan.desa_campur"),
    ({"jumlah_tujuan": 299}, "pemetaan.melebihi_batas"),
    ({"anggota_kk": 3}, "pemetaan.kk_terpisah"),
    ({"rt_tujuan": {("001", "005")}}, "pemetaan.rt_tidak_bersambung"),
    ({"sama_tps": True}, "pemetaan.tps_sama"),
])
def test_pindah_periksa_rules3(kw, kode):
    """RULES.md §3: cap, no desa mixed, a family moves as a unit; RT spread is a warning."""
    dasar = {"maks": 300, "jumlah_tujuan": 200, "jumlah_pindah": 2,
             "desa_asal": "35.74.05.1005", "desa_tujuan": "35.74.05.1005", "anggota_kk": 2,
             "rt_tujuan": {("001", "002")}, "rt_keluarga": ("001", "002")}
    assert pindah_periksa(**dasar) == []
    cek = pindah_periksa(**{**dasar, **kw})
    assert [c.kode for c in cek] == [kode]
    assert cek[0].galat == (kode != "pemetaan.rt_tidak_bersambung")


def test_tanpa_pemilih_tanpa_tps():
    kosong = pl.DataFrame(schema={"id": pl.Int64, "desa": pl.Utf8, "rw": pl.Utf8,
                                  "rt": pl.Utf8, "nkk": pl.Utf8})
    hasil = tps_petakan(kosong, maks=300)
    assert hasil.penempatan.is_empty() and hasil.per_tps.is_empty() and not hasil.temuan
