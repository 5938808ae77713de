"""Benchmark: Splink (DuckDB) dedupe of generated voters, with precision and recall
against the generator's truth. Goal (issue 5): 1 million voters in under 3 minutes and
8 GB.

The voters are generated first (not timed in the dedupe figure) over the desa of a
region read from the shipped region file; duplicates are placed in other desa, so the
run finds duplicates across regions.

    .venv/bin/python bench/ganda_splink.py [--jumlah 1000000] [--wilayah 35]
"""

import argparse
import csv
import logging
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    from simpul.ganda.akurasi import akurasi_hitung, sintetis_kebenaran
    from simpul.ganda.mesin import AMBANG_PROBABILITAS, deteksi
    from simpul.pemilih.sintetis import Derau, penduduk_buat

    ap = argparse.ArgumentParser()
    ap.add_argument("--jumlah", type=int, default=1_000_000)
    ap.add_argument("--wilayah", default="35", help="kode wilayah (bawaan: Jawa Timur)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--noise", default="salah_ketik=0.03,tukar=0.02,hilang=0.03,"
                                       "pindah=0.02,meninggal=0.01,ganda=0.02")
    ap.add_argument("--ambang", type=float, default=AMBANG_PROBABILITAS)
    a = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)

    berkas = Path(__file__).resolve().parents[1] / "src/simpul/wilayah/data/wilayah.csv"
    with open(berkas, encoding="utf-8") as f:
        desa = [r[0] for r in csv.reader(f) if r[0].startswith(a.wilayah + ".")
                and len(r[0]) == 13]
    t = time.perf_counter()
    daftar, benar = penduduk_buat(desa=desa, jumlah=a.jumlah, seed=a.seed,
                                  derau=Derau.dari_teks(a.noise))
    t_buat = time.perf_counter() - t
    print(f"rekaman: {len(daftar):,} di {len(desa):,} desa/kelurahan "
          f"(dibuat dalam {t_buat:.1f} s)", flush=True)

    t = time.perf_counter()
    hasil = deteksi(daftar.rename({"id_rekam": "unique_id"}), ambang=a.ambang)
    t_ganda = time.perf_counter() - t
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    akurasi = akurasi_hitung(hasil.pasangan, sintetis_kebenaran(benar))
    print(f"deteksi ganda (latih + prediksi, DuckDB): {t_ganda:.1f} s; "
          f"memori puncak proses: {puncak:.2f} GB")
    print(f"pasangan: {akurasi.prediksi:,} di atas ambang {a.ambang}; pasangan benar: "
          f"{akurasi.pasangan_benar:,}; benar ditemukan: {akurasi.benar_positif:,}")
    print(f"presisi {akurasi.presisi:.4f}  recall {akurasi.recall:.4f}  F1 {akurasi.f1:.4f}")


if __name__ == "__main__":
    main()
