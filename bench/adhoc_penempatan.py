"""Benchmark: KPPS placement at national scale (about 823,000 TPS, 5.76 million seats).

On the real region tree (the packaged wilayah.csv: ~83,700 desa/kelurahan in ~7,280
kecamatan and 514 kab/kota), synthetic TPS are spread over the desa, and synthetic verified
applicants per desa: on average 1.1 times the seats, a share of desa short of applicants,
40 % IT-literate. The placement (`simpul.adhoc.penempatan.tempatkan_larik`, the code the
service runs) is done per kab/kota in a loop, as KPU Kab/Kota would, and the national total
is reported with the time of the placement alone and the peak memory of the process.

    .venv/bin/python bench/adhoc_penempatan.py [--tps 823000] [--kab N] [--benih 2024]
"""

import argparse
import csv
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from simpul.adhoc.penempatan import TANPA, tempatkan_larik  # noqa: E402

WILAYAH = Path(__file__).resolve().parents[1] / "src/simpul/wilayah/data/wilayah.csv"


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tps", type=int, default=823_000)
    ap.add_argument("--kab", type=int, default=0, help="only the first N kab/kota (0: all)")
    ap.add_argument("--benih", type=int, default=2024)
    ap.add_argument("--kursi", type=int, default=7)
    ap.add_argument("--min-it", type=int, default=2)
    arg = ap.parse_args()
    rng = np.random.default_rng(arg.benih)

    with WILAYAH.open(newline="", encoding="utf-8") as f:
        desa = sorted(r["kode"] for r in csv.DictReader(f)
                      if r["tingkat"] in ("desa", "kelurahan"))
    kab_desa = Counter(k[:5] for k in desa)
    kab = sorted(kab_desa)[: arg.kab or None]
    n_desa_total = len(desa)
    # TPS per desa: every desa at least one, the rest in proportion to random weights.
    bobot = rng.gamma(2.0, 1.0, n_desa_total)
    tps_per_desa = 1 + rng.multinomial(max(arg.tps - n_desa_total, 0), bobot / bobot.sum())
    print(f"{n_desa_total:,} desa/kelurahan, {len(kab_desa)} kab/kota; "
          f"{int(tps_per_desa.sum()):,} TPS; {arg.kursi} KPPS per TPS, {arg.min_it} melek IT")

    awal = 0
    total = Counter()
    waktu_tempat = 0.0
    t_mulai = time.perf_counter()
    for k in sorted(kab_desa):
        n = kab_desa[k]
        kode = desa[awal: awal + n]
        tps_d = tps_per_desa[awal: awal + n]
        awal += n
        if k not in kab:
            continue
        kec_kode = {c: i for i, c in enumerate(sorted({".".join(x.split(".")[:3]) for x in kode}))}
        d_kec = np.array([kec_kode[".".join(x.split(".")[:3])] for x in kode]) + n
        u_rumah = np.repeat(np.arange(n), tps_d)
        u_sekitar = d_kec[u_rumah]
        n_unit = u_rumah.size
        # Applicants: 1.1 × the seats on average; one desa in eight is short (0.6 ×).
        faktor = np.where(rng.random(n) < 0.125, 0.6, 1.1)
        p_per_desa = rng.poisson(tps_d * arg.kursi * faktor)
        p_rumah = np.repeat(np.arange(n), p_per_desa)
        m = p_rumah.size
        t = time.perf_counter()
        h = tempatkan_larik(
            u_rumah=u_rumah, u_sekitar=u_sekitar, u_kursi=np.full(n_unit, arg.kursi),
            u_min_it=np.full(n_unit, arg.min_it), u_terisi=np.zeros(n_unit),
            u_terisi_it=np.zeros(n_unit), p_rumah=p_rumah, p_sekitar=d_kec[p_rumah],
            p_it=rng.random(m) < 0.4, p_urutan=rng.permutation(m),
            jumlah_grup=n + len(kec_kode))
        waktu_tempat += time.perf_counter() - t
        total["tps"] += n_unit
        total["kursi"] += n_unit * arg.kursi
        total["pelamar"] += m
        total["ditempatkan"] += int((h.unit != TANPA).sum())
        total["dari_sekitar"] += int(((h.unit != TANPA) & (h.jarak == 1)).sum())
        total["ketua"] += int(h.ketua.sum())
        total["tps_kurang"] += int(((h.terisi < arg.kursi) | (h.it < arg.min_it)).sum())
        total["tps_kurang_it"] += int((h.it < arg.min_it).sum())
        total["kab"] += 1
    semua = time.perf_counter() - t_mulai
    print(f"kab/kota: {total['kab']}, TPS {total['tps']:,}, kursi {total['kursi']:,}, "
          f"pelamar {total['pelamar']:,}")
    print(f"ditempatkan {total['ditempatkan']:,} ({total['dari_sekitar']:,} dari desa sekitar), "
          f"ketua {total['ketua']:,}; TPS tidak penuh/kurang IT {total['tps_kurang']:,} "
          f"(kurang IT {total['tps_kurang_it']:,})")
    print(f"waktu penempatan: {waktu_tempat:.2f} s "
          f"({total['kursi'] / waktu_tempat / 1e6:.2f} juta kursi/s); "
          f"dengan pembangkitan data: {semua:.2f} s; RSS puncak {_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
