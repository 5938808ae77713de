"""Benchmark: generate a synthetic voter list (DP4-like) with noise, as CSV.

Pure numpy/Polars, no database: the desa codes of Kota Probolinggo (35.74) are read from
the shipped region file. Goal (issue 5): 1 million voters in under 60 s.

    .venv/bin/python bench/pemilih_generate.py [--jumlah 1000000] [--keluar /tmp/p.csv]
"""

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    from simpul.pemilih.sintetis import Derau, penduduk_buat, tulis

    berkas_wilayah = Path(__file__).resolve().parents[1] / "src/simpul/wilayah/data/wilayah.csv"

    ap = argparse.ArgumentParser()
    ap.add_argument("--jumlah", type=int, default=1_000_000)
    ap.add_argument("--wilayah", default="35.74")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--noise", default="0.02")
    ap.add_argument("--keluar", default="/tmp/pemilih_bench.csv")
    a = ap.parse_args()
    with open(berkas_wilayah, encoding="utf-8") as f:
        desa = [r[0] for r in csv.reader(f) if r[0].startswith(a.wilayah + ".")
                and len(r[0]) == 13]
    t = time.perf_counter()
    daftar, benar = penduduk_buat(desa=desa, jumlah=a.jumlah, seed=a.seed,
                                  derau=Derau.dari_teks(a.noise), nama_kota="Probolinggo")
    t_buat = time.perf_counter() - t
    tulis(daftar, a.keluar)
    tulis(benar, a.keluar.replace(".csv", ".kebenaran.csv"))
    t_total = time.perf_counter() - t
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rekaman: {len(daftar):,} di {len(desa)} desa/kelurahan, "
          f"{daftar['nik'].n_unique():,} NIK unik, {daftar['nama'].n_unique():,} nama unik, "
          f"{daftar['nkk'].n_unique():,} KK")
    print(f"buat: {t_buat:.1f} s; buat + tulis CSV: {t_total:.1f} s "
          f"({len(daftar) / t_total:,.0f} rekaman/s); memori puncak: {puncak:,.0f} MB")
    print(f"berkas: {a.keluar} ({Path(a.keluar).stat().st_size / 2**20:,.0f} MB)")


if __name__ == "__main__":
    main()
