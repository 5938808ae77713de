"""TPS mapping as a pure function over plain data (no database): voters in, a TPS number
per voter and the reason for every TPS out.

Rules (RULES.md §3, KPU to DPR Komisi II, 15 May 2024, secondary): at most the election's
`maks_pemilih_per_tps` voters per TPS; a desa/kelurahan is never merged with another in
one TPS; a family (one KK) is never split across TPS. Keeping an RT together is not a
found rule (RULES.md §3: unverified), so it is a preference: voters are laid out house by
house in (RW, RT, KK) order and each TPS takes one contiguous stretch, so an RT spans
consecutive TPS at most; an RT is cut only when no cut at RT boundaries reaches the
minimum number of TPS.

Per desa the number of TPS is the least any contiguous layout allows: greedy next-fit
over the KK sequence is optimal for that (every TPS filled as far as the cap lets), and
the `f` table below counts it for every suffix. Cuts are then chosen one TPS at a time
among the positions that keep the rest feasible, nearest to an even share of what is
left, RT boundaries first, so TPS come out balanced instead of 300, 300, …, 41.
"""

from dataclasses import dataclass

import numpy as np
import polars as pl

TANPA_RT = 9_999  # RT/RW 000 or empty: mapped after the numbered RTs of the RW, flagged


def _angka(kolom: str) -> pl.Expr:
    nilai = pl.col(kolom).cast(pl.Utf8).str.strip_chars().cast(pl.Int32, strict=False)
    return pl.when(nilai.is_null() | (nilai == 0)).then(TANPA_RT).otherwise(nilai)


def _suffix_bins(p: np.ndarray, batas: np.ndarray, maks: int) -> np.ndarray:
    """f[i] = least number of TPS for the items from cut `batas[i]` to the end, cutting
    only at positions in `batas` (prefix sums `p` over KKs); a huge value when an item
    between two allowed cuts is larger than the cap."""
    n = len(batas)
    f = np.zeros(n, dtype=np.int64)
    nilai = p[batas]
    jangkau = np.searchsorted(nilai, nilai + maks, side="right") - 1
    tak_hingga = 1 << 40
    for i in range(n - 2, -1, -1):
        j = jangkau[i]
        f[i] = tak_hingga if j <= i else 1 + f[j]
    return f


def _potong_desa(ukuran: np.ndarray, awal_rt: np.ndarray, maks: int) -> tuple[np.ndarray, int]:
    """Cut one desa's KK sequence into TPS. Returns (TPS index per KK, RT cuts made).

    `ukuran[k]` voters in KK k; `awal_rt[k]` True where KK k starts a new RT. A KK larger
    than the cap gets a TPS of its own (the caller reports it)."""
    m = len(ukuran)
    p = np.concatenate(([0], np.cumsum(ukuran)))
    semua = np.arange(m + 1)
    f = _suffix_bins(p, semua, maks)
    # A KK over the cap: f says "impossible"; give it a TPS alone by forcing cuts around it.
    besar = np.flatnonzero(ukuran > maks)
    if len(besar):
        f = np.zeros(m + 1, dtype=np.int64)
        jangkau = np.searchsorted(p, p + maks, side="right") - 1
        for i in range(m - 1, -1, -1):
            f[i] = 1 + f[max(jangkau[i], i + 1)]
    batas_rt = np.flatnonzero(np.concatenate((awal_rt[:m], [True])))
    batas_rt[0] = 0
    f_rt = _suffix_bins(p, batas_rt, maks) if len(batas_rt) else np.array([0])
    rt_di = np.full(m + 1, -1, dtype=np.int64)
    rt_di[batas_rt] = np.arange(len(batas_rt))

    k_total = int(f[0])
    tps = np.empty(m, dtype=np.int32)
    i, nomor, belah = 0, 0, 0
    while i < m:
        sisa_tps = k_total - nomor
        if sisa_tps <= 1:
            tps[i:] = nomor
            break
        hi = int(np.searchsorted(p, p[i] + maks, side="right")) - 1
        hi = max(hi, i + 1)
        kandidat = np.arange(i + 1, hi + 1)
        layak = kandidat[f[kandidat] <= sisa_tps - 1]
        target = p[i] + (p[m] - p[i]) / sisa_tps
        di_rt = layak[rt_di[layak] >= 0]
        # RT boundaries from which the rest still fits without cutting another RT first,
        # then any RT boundary, then any KK boundary (an RT cut).
        bersih = di_rt[f_rt[rt_di[di_rt]] <= sisa_tps - 1]
        pilihan = bersih if len(bersih) else (di_rt if len(di_rt) else layak)
        c = int(pilihan[np.argmin(np.abs(p[pilihan] - target))])
        if rt_di[c] < 0:
            belah += 1
        tps[i:c] = nomor
        nomor += 1
        i = c
    return tps, belah


@dataclass(frozen=True)
class HasilPemetaan:
    penempatan: pl.DataFrame  # id, desa, nomor (1-based TPS number in its desa)
    rincian: pl.DataFrame  # desa, nomor, rw, rt, pemilih, kk, sebagian: why each TPS holds whom
    per_tps: pl.DataFrame  # desa, nomor, pemilih, kk, rt_awal, rt_akhir, alasan
    temuan: list[dict]  # named findings: kk_melebihi_batas, kk_lintas_desa, rt_terbelah, rt_kosong


def _tiga(x: int) -> str:
    return "000" if x == TANPA_RT else f"{x:03d}"


def _label_rt(rw: int, rt: int) -> str:
    return f"RW {_tiga(rw)}/RT {_tiga(rt)}"


def tps_petakan(pemilih: pl.DataFrame, *, maks: int) -> HasilPemetaan:
    """Map voters to TPS numbers per desa. `pemilih` has columns id, desa, rw, rt, nkk
    (strings for the codes); `maks` is the election's cap per TPS."""
    if maks < 1:
        raise ValueError("maks_pemilih_per_tps harus ≥ 1")
    df = pemilih.select(
        pl.col("id"), pl.col("desa").cast(pl.Utf8), pl.col("nkk").cast(pl.Utf8),
        _angka("rw").alias("rw_i"), _angka("rt").alias("rt_i"))
    temuan: list[dict] = []
    lintas = (df.group_by("nkk").agg(pl.col("desa").n_unique().alias("n"))
              .filter(pl.col("n") > 1))
    for r in lintas.head(1000).iter_rows(named=True):
        temuan.append({"kode": "pemetaan.kk_lintas_desa", "nkk": r["nkk"],
                       "pesan": f"Satu KK tercatat di {r['n']} desa/kelurahan; desa tidak "
                                "dicampur, jadi KK ini terbagi per desa."})
    # One unit per (desa, KK), placed at the first house of the family in (RW, RT) order.
    kk = (df.group_by("desa", "nkk")
          .agg(pl.len().alias("n"), pl.col("rw_i").min().alias("rw_i"),
               pl.col("rt_i").sort_by(["rw_i", "rt_i"]).first().alias("rt_i"))
          .sort("desa", "rw_i", "rt_i", "nkk"))
    desa = kk["desa"].to_numpy()
    ukuran = kk["n"].to_numpy().astype(np.int64)
    rw = kk["rw_i"].to_numpy()
    rt = kk["rt_i"].to_numpy()
    baru_desa = np.concatenate(([True], desa[1:] != desa[:-1]))
    awal_rt = baru_desa | np.concatenate(([True], (rw[1:] != rw[:-1]) | (rt[1:] != rt[:-1])))
    awal = np.flatnonzero(baru_desa)
    akhir = np.concatenate((awal[1:], [len(kk)]))
    nomor = np.empty(len(kk), dtype=np.int32)
    for a, b in zip(awal, akhir, strict=True):
        t, belah = _potong_desa(ukuran[a:b], awal_rt[a:b], maks)
        nomor[a:b] = t + 1
        for k in np.flatnonzero(ukuran[a:b] > maks):
            temuan.append({"kode": "pemetaan.kk_melebihi_batas", "desa": desa[a],
                           "nkk": kk["nkk"][int(a + k)],
                           "pesan": f"Satu KK berisi {int(ukuran[a + k])} pemilih, melebihi "
                                    f"batas {maks} per TPS; KK tidak dipecah, TPS-nya "
                                    "melebihi batas."})
    kk = kk.with_columns(pl.Series("nomor", nomor))
    penempatan = (df.select("id", "desa", "nkk")
                  .join(kk.select("desa", "nkk", "nomor"), on=["desa", "nkk"], how="left")
                  .select("id", "desa", "nomor"))
    rincian = (kk.group_by("desa", "nomor", "rw_i", "rt_i")
               .agg(pl.col("n").sum().alias("pemilih"), pl.len().alias("kk"))
               .sort("desa", "nomor", "rw_i", "rt_i"))
    tps_per_rt = rincian.group_by("desa", "rw_i", "rt_i").agg(pl.len().alias("n_tps"))
    rincian = (rincian.join(tps_per_rt, on=["desa", "rw_i", "rt_i"])
               .with_columns((pl.col("n_tps") > 1).alias("sebagian"))
               .drop("n_tps").rename({"rw_i": "rw", "rt_i": "rt"})
               .sort("desa", "nomor", "rw", "rt"))
    for r in (tps_per_rt.filter(pl.col("n_tps") > 1).sort("desa", "rw_i", "rt_i")
              .iter_rows(named=True)):
        temuan.append({"kode": "pemetaan.rt_terbelah", "desa": r["desa"],
                       "pesan": f"{_label_rt(r['rw_i'], r['rt_i'])} terbagi ke {r['n_tps']} "
                                "TPS berurutan (tidak muat dalam jumlah TPS minimum tanpa "
                                "dipotong)."})
    kosong = kk.filter((pl.col("rw_i") == TANPA_RT) | (pl.col("rt_i") == TANPA_RT))
    if len(kosong):
        for r in (kosong.group_by("desa").agg(pl.col("n").sum()).sort("desa")
                  .iter_rows(named=True)):
            temuan.append({"kode": "pemetaan.rt_kosong", "desa": r["desa"],
                           "pesan": f"{r['n']} pemilih dengan RT/RW 000 atau kosong "
                                    "ditempatkan setelah RT bernomor."})
    per_tps = (rincian.group_by("desa", "nomor", maintain_order=True)
               .agg(pl.col("pemilih").sum(), pl.col("kk").sum(),
                    pl.col("rw").first().alias("rw_awal"), pl.col("rt").first().alias("rt_awal"),
                    pl.col("rw").last().alias("rw_akhir"), pl.col("rt").last().alias("rt_akhir"),
                    pl.col("sebagian").first().alias("awal_sebagian"),
                    pl.col("sebagian").last().alias("akhir_sebagian")))
    alasan = [
        _alasan(r, maks) for r in per_tps.iter_rows(named=True)]
    per_tps = per_tps.with_columns(pl.Series("alasan", alasan, dtype=pl.Utf8))
    return HasilPemetaan(penempatan, rincian, per_tps, temuan)


def _alasan(r: dict, maks: int) -> str:
    awal = _label_rt(r["rw_awal"], r["rt_awal"]) + (" (sebagian)" if r["awal_sebagian"] else "")
    akhir = _label_rt(r["rw_akhir"], r["rt_akhir"]) + (
        " (sebagian)" if r["akhir_sebagian"] else "")
    rentang = awal if (r["rw_awal"], r["rt_awal"]) == (r["rw_akhir"], r["rt_akhir"]) \
        else f"{awal} s.d. {akhir}"
    return (f"{rentang}: {r['kk']} KK utuh, {r['pemilih']} pemilih (batas {maks}); "
            "urutan rumah RW→RT→KK, satu desa/kelurahan.")


# --- moving people by hand -----------------------------------------------------------------
@dataclass(frozen=True)
class CekPindah:
    kode: str
    pesan: str
    galat: bool


def pindah_periksa(*, maks: int, jumlah_tujuan: int, jumlah_pindah: int, desa_asal: str,
                   desa_tujuan: str, anggota_kk: int, rt_tujuan: set[tuple[str, str]],
                   rt_keluarga: tuple[str, str], sama_tps: bool = False) -> list[CekPindah]:
    """The constraint check staff see before a move is saved (RULES.md §3): the cap at the
    destination and mixing desa are errors; moving part of a family is an error (a family
    moves as a unit); landing in a TPS that holds none of the family's RT is a warning
    (the RT preference, unverified as a rule)."""
    cek: list[CekPindah] = []
    if sama_tps:
        cek.append(CekPindah("pemetaan.tps_sama", "Keluarga ini sudah di TPS tujuan.", True))
    if desa_asal != desa_tujuan:
        cek.append(CekPindah("pemetaan.desa_campur",
                             f"TPS tujuan di desa/kelurahan {desa_tujuan}, pemilih di "
                             f"{desa_asal}: satu TPS tidak menggabungkan desa/kelurahan.", True))
    if jumlah_tujuan + jumlah_pindah > maks:
        cek.append(CekPindah("pemetaan.melebihi_batas",
                             f"TPS tujuan akan berisi {jumlah_tujuan + jumlah_pindah} pemilih, "
                             f"melebihi batas {maks}.", True))
    if jumlah_pindah != anggota_kk:
        cek.append(CekPindah("pemetaan.kk_terpisah",
                             f"Hanya {jumlah_pindah} dari {anggota_kk} anggota KK yang "
                             "dipindah; satu keluarga tidak dipisah ke TPS lain.", True))
    if rt_tujuan and rt_keluarga not in rt_tujuan:
        cek.append(CekPindah("pemetaan.rt_tidak_bersambung",
                             f"TPS tujuan tidak memuat RW {rt_keluarga[0]}/RT {rt_keluarga[1]}; "
                             "RT keluarga ini akan tersebar.", False))
    return cek
