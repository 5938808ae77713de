"""Benchmark: import a generated voter list of 1 million rows into PostgreSQL.

In its own database: the national region tree, the demo elections, then a synthetic list
for Kota Probolinggo (2 % noise of each kind) imported through the real job path
(`impor_mulai`, run in-process): row checks in Python, COPY into a staging table, one
INSERT … ON CONFLICT. Then the same file again (every row identical: nothing changes).
Goal (issue 5): 1 million rows in under 60 s.

    .venv/bin/python bench/pemilih_import.py [--db postgres://.../h4_bench] [--jumlah 1000000]
"""

import argparse
import io
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/h4_bench"


def _siapkan_db(url: str) -> None:
    import psycopg

    nama = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')


def _mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=BAWAAN_DB)
    ap.add_argument("--jumlah", type=int, default=1_000_000)
    ap.add_argument("--media", default="/tmp/pemilih_bench_media")
    a = ap.parse_args()
    _siapkan_db(a.db)
    os.environ["DATABASE_URL"] = a.db
    os.environ["SIMPUL_MEDIA_ROOT"] = a.media
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    import logging

    import django

    django.setup()
    logging.getLogger("simpul.pemilih.impor").setLevel(logging.INFO)
    from django.core.management import call_command
    from django.db import connection

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
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
    with connection.cursor() as c:
        c.execute("TRUNCATE pemilih_riwayatpemilih, pemilih_temuanimpor, pemilih_pemilih, "
                  "pemilih_imporpemilih CASCADE")
    desa = list(Wilayah.objects.filter(kode__startswith="35.74.", tingkat="kelurahan")
                .values_list("kode", flat=True))
    daftar, _ = penduduk_buat(desa=desa, jumlah=a.jumlah, seed=2024,
                              derau=Derau.dari_teks("0.02"), nama_kota="Probolinggo",
                              tanggal_acuan=pemilu.tanggal_pemungutan)
    keluaran = io.BytesIO()
    daftar.write_csv(keluaran)
    data = keluaran.getvalue()
    del daftar, keluaran
    print(f"berkas: {a.jumlah:,} baris, {len(data) / 2**20:,.0f} MB; memori sebelum impor: "
          f"{_mb():,.0f} MB")
    for putaran in ("pertama", "ulang (berkas sama)"):
        t = time.perf_counter()
        job = impor_mulai(akun=akun, pemilu=pemilu, data=data, nama_berkas="dp4.csv",
                          latar=False)
        dt = time.perf_counter() - t
        print(f"impor {putaran}: {dt:.1f} s, {job.jumlah_baris / dt:,.0f} baris/s; "
              f"status {job.status}; dibuat {job.dibuat_jumlah:,}, diubah {job.diubah_jumlah:,}, "
              f"tetap {job.tetap_jumlah:,}, baris salah {job.galat_jumlah:,}, "
              f"berperingatan {job.peringatan_jumlah:,}; memori puncak {_mb():,.0f} MB")


if __name__ == "__main__":
    main()
