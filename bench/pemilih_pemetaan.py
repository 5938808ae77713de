"""Benchmark: TPS mapping of 1 million voters on PostgreSQL.

In its own database: the national region tree, the demo elections and a generated list
for Kota Probolinggo (imported once through the real import job; reused on later runs).
Then, in a fresh process so its peak memory is the mapping's own: the pure algorithm
alone on the voters read from PostgreSQL, and the whole service (`pemetaan_jalankan`:
COPY out with row locks, algorithm, TPS created, COPY in, one UPDATE of the voters that
move, a history row per change of TPS, the first placements on each TPS's detail) from no
voter on a TPS (the table packed and checkpointed as after an import; TPS rows a previous
run created are kept: fixed lists refer to them), then again (nothing moves).
Goal (issue 5): under 30 s.

    .venv/bin/python bench/pemilih_pemetaan.py [--db postgres://.../h11_bench] [--jumlah 1000000]
        [--putaran 3]
"""

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/h11_bench"


def _mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _django(url: str) -> None:
    import psycopg

    nama = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SIMPUL_MEDIA_ROOT", "/tmp/pemilih_bench_media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    import django

    django.setup()


def siapkan(jumlah: int) -> None:
    import io

    from django.core.management import call_command

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.pemilih.models import Pemilih
    from simpul.pemilih.services import impor_mulai
    from simpul.pemilih.sintetis import Derau, penduduk_buat
    from simpul.pemilu.demo import demo_pemilu
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import wilayah_impor

    call_command("migrate", verbosity=0)
    if not Wilayah.objects.exists():
        wilayah_impor()
    pemilu, _ = demo_pemilu()
    akun = Akun.objects.filter(username="bench_kpu_kota").first() or Akun.objects.create_user(
        username="bench_kpu_kota", password=None, peran=Peran.KPU_KAB_OPERATOR,
        wilayah_id="35.74")
    if Pemilih.objects.filter(pemilu=pemilu).count() >= jumlah * 0.98:
        return
    from django.db import connection

    with connection.cursor() as c:
        c.execute("TRUNCATE pemilih_riwayatpemilih, pemilih_temuanimpor, pemilih_pemilih, "
                  "pemilih_imporpemilih, pemilih_pemetaantps, pemilih_rinciantps CASCADE")
    desa = list(Wilayah.objects.filter(kode__startswith="35.74.", tingkat="kelurahan")
                .values_list("kode", flat=True))
    daftar, _ = penduduk_buat(desa=desa, jumlah=jumlah, seed=2024,
                              derau=Derau.dari_teks("0.02"), nama_kota="Probolinggo",
                              tanggal_acuan=pemilu.tanggal_pemungutan)
    keluaran = io.BytesIO()
    daftar.write_csv(keluaran)
    t = time.perf_counter()
    job = impor_mulai(akun=akun, pemilu=pemilu, data=keluaran.getvalue(),
                      nama_berkas="dp4.csv", latar=False)
    print(f"persiapan: impor {job.dibuat_jumlah:,} pemilih dalam {time.perf_counter() - t:.1f} s")


def ukur(putaran_jumlah: int) -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, format="  %(message)s")
    logging.getLogger("simpul.pemilih.services_pemetaan").setLevel(logging.INFO)

    from simpul.core.models import Akun
    from simpul.pemilih.pemetaan import tps_petakan
    from simpul.pemilih.services_pemetaan import _baca
    from simpul.pemilu.models import Pemilu

    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    akun = Akun.objects.get(username="bench_kpu_kota")
    _kosongkan()
    t = time.perf_counter()
    df = _baca(pemilu, "35.74")
    t_baca = time.perf_counter() - t
    t = time.perf_counter()
    hasil = tps_petakan(df.select("id", "desa", "rw", "rt", "nkk"),
                        maks=pemilu.maks_pemilih_per_tps)
    t_alg = time.perf_counter() - t
    belah = sum(x["kode"] == "pemetaan.rt_terbelah" for x in hasil.temuan)
    print(f"baca (COPY keluar) {len(df):,} pemilih: {t_baca:.1f} s; algoritme: {t_alg:.1f} s, "
          f"{len(hasil.per_tps):,} TPS, rata-rata {hasil.per_tps['pemilih'].mean():.1f} "
          f"pemilih/TPS, RT terbelah {belah:,}; memori puncak {_mb():,.0f} MB")
    del df, hasil
    for i in range(putaran_jumlah):
        if i:
            _kosongkan()
        _layanan(pemilu, akun)


def _kosongkan() -> None:
    """Back to the state right after an import: no voter on a TPS, no history of a mapping,
    the table packed, and a checkpoint (so the first write pays full-page images)."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute("UPDATE pemilih_pemilih SET tps_id = NULL WHERE tps_id IS NOT NULL")
        c.execute("TRUNCATE pemilih_riwayatpemilih, pemilih_pemetaantps, pemilih_rinciantps")
        c.execute("VACUUM FULL pemilih_pemilih")
        c.execute("VACUUM ANALYZE pemilih_pemilih")
        c.execute("CHECKPOINT")


def _layanan(pemilu, akun) -> None:
    from django.db import transaction

    from simpul.pemilih.services_pemetaan import pemetaan_jalankan

    for putaran in ("pertama (semua pemilih tanpa TPS)", "ulang (tidak ada yang pindah)"):
        t = time.perf_counter()
        with transaction.atomic():  # the commit timed apart (key checks now run before it)
            run = pemetaan_jalankan(akun=akun, pemilu=pemilu, wilayah_kode="35.74")
            t_commit = time.perf_counter()
        t_commit = time.perf_counter() - t_commit
        print(f"layanan {putaran}: {time.perf_counter() - t:.1f} s (commit {t_commit:.1f} s); "
              f"{run.jumlah_pemilih:,} "
              f"pemilih, {run.jumlah_tps:,} TPS ({len(run.tps_baru):,} baru), "
              f"{run.pindah:,} berpindah; memori puncak {_mb():,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=BAWAAN_DB)
    ap.add_argument("--jumlah", type=int, default=1_000_000)
    ap.add_argument("--putaran", type=int, default=1, help="how many times to map from scratch")
    ap.add_argument("--ukur", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    _django(a.db)
    if a.ukur:
        ukur(a.putaran)
        return
    siapkan(a.jumlah)
    subprocess.run([sys.executable, __file__, "--db", a.db, "--ukur", "--putaran",
                    str(a.putaran)], check=True)


if __name__ == "__main__":
    main()
