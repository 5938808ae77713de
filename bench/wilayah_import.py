"""Benchmark: importing the national region tree into PostgreSQL.

    .venv/bin/python bench/wilayah_import.py [--url postgres://postgres@127.0.0.1:5432/bench_wilayah]

Creates the database named in the URL (dropping it first if it exists), migrates it and
times `wilayah_impor()` three times: on an empty tree, again with the same edition (a
no-op), and with a modified edition (renames, additions and removals). Each phase is run
first untraced for wall time and rows/s, then again on a fresh tree under tracemalloc for
the Python heap peak; ru_maxrss is the process's resident-set high-water mark after the
untraced phase. The database is dropped at the end unless --keep is given.
"""

import argparse
import csv
import io
import os
import platform
import resource
import sys
import time
import tracemalloc
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

URL_BAWAAN = "postgres://postgres@127.0.0.1:5432/bench_wilayah"


def _pisah_url(url: str) -> tuple[str, str]:
    """(name of the benchmark database, URL of the server's maintenance database)."""
    bagian = urlsplit(url)
    nama = bagian.path.lstrip("/")
    if not nama or not nama.replace("_", "").isalnum():
        sys.exit(f"nama basis data tidak sah: {nama!r}")
    return nama, urlunsplit(bagian._replace(path="/postgres"))


def _basis_data(url: str, *, buat: bool) -> None:
    import psycopg

    nama, pemeliharaan = _pisah_url(url)
    with psycopg.connect(pemeliharaan.replace("postgres://", "postgresql://", 1),
                         autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        if buat:
            conn.execute(f'CREATE DATABASE "{nama}"')


def edisi_ubahan(data: bytes, *, langkah: int = 300) -> tuple[bytes, dict[str, int]]:
    """A plausible newer edition: every `langkah`-th desa/kelurahan renamed, every
    (langkah+1)-th dropped, and one new desa added under every 35th kecamatan."""
    kepala, *isi = list(csv.reader(io.StringIO(data.decode())))
    ada = {kode for kode, _, _ in isi}
    keluar = io.StringIO()
    tulis = csv.writer(keluar, lineterminator="\n")
    tulis.writerow(kepala)
    ubah = hapus = tambah = nomor_desa = 0
    for kode, nama, tingkat in isi:
        if kode.count(".") == 3:
            nomor_desa += 1
            if nomor_desa % (langkah + 1) == 0:
                hapus += 1
                continue
            if nomor_desa % langkah == 0:
                nama += " Baru"
                ubah += 1
        tulis.writerow([kode, nama, tingkat])
    kecamatan = sorted(k for k in ada if k.count(".") == 2)
    for i, kec in enumerate(kecamatan[::35], start=1):
        kode = next(k for n in range(999, 0, -1) if (k := f"{kec}.2{n:03d}") not in ada)
        tulis.writerow([kode, f"Desa Pemekaran {i}", "desa"])
        tambah += 1
    return keluar.getvalue().encode(), {"diubah": ubah, "dinonaktifkan": hapus,
                                        "ditambah": tambah}


def _kosongkan() -> None:
    from django.db import connection

    from simpul.core.models import AuditEntry, AuditKepala
    from simpul.wilayah.models import EdisiWilayah, Wilayah

    tabel = ", ".join(m._meta.db_table for m in (Wilayah, EdisiWilayah, AuditEntry, AuditKepala))
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {tabel} CASCADE")


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _jalankan(fase, *, lacak: bool) -> dict:
    from simpul.wilayah.services import wilayah_impor

    hasil = {}
    for nama, data, harapan in fase:
        if lacak:
            tracemalloc.start()
        mulai = time.perf_counter()
        h = wilayah_impor(data=data, dasar_hukum="bench")
        detik = time.perf_counter() - mulai
        puncak = tracemalloc.get_traced_memory()[1] / 2**20 if lacak else None
        if lacak:
            tracemalloc.stop()
        didapat = {"ditambah": h.ditambah, "diubah": h.diubah, "dinonaktifkan": h.dinonaktifkan}
        if didapat != harapan:
            sys.exit(f"{nama}: hasil {didapat}, seharusnya {harapan}")
        hasil[nama] = {"detik": detik, "tracemalloc": puncak, "maxrss": _maxrss_mb(), **didapat}
    return hasil


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default=os.environ.get("DATABASE_URL", URL_BAWAAN))
    p.add_argument("--keep", action="store_true", help="jangan hapus basis data benchmark")
    p.add_argument("--no-tracemalloc", action="store_true", help="lewati putaran tracemalloc")
    args = p.parse_args()
    if not args.url.startswith(("postgres://", "postgresql://")):
        sys.exit("benchmark ini untuk PostgreSQL (DATABASE_URL postgres://...)")

    _basis_data(args.url, buat=True)
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from simpul.wilayah.services import BERKAS_BAWAAN

    try:
        call_command("migrate", verbosity=0)
        data = BERKAS_BAWAAN.read_bytes()
        jumlah = len(data.splitlines()) - 1
        ubahan, harapan_ubahan = edisi_ubahan(data)
        fase = [
            ("impor awal (pohon kosong)", data,
             {"ditambah": jumlah, "diubah": 0, "dinonaktifkan": 0}),
            ("impor ulang (tanpa perubahan)", data,
             {"ditambah": 0, "diubah": 0, "dinonaktifkan": 0}),
            ("edisi ubahan", ubahan, harapan_ubahan),
        ]
        rss_awal = _maxrss_mb()
        waktu = _jalankan(fase, lacak=False)
        memori = None
        if not args.no_tracemalloc:
            _kosongkan()
            memori = _jalankan(fase, lacak=True)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            _basis_data(args.url, buat=False)

    print(f"# Impor wilayah nasional, {datetime.now():%Y-%m-%d %H:%M}, "
          f"{os.cpu_count()} core, Python {platform.python_version()}, "
          f"PostgreSQL via {args.url.rsplit('@', 1)[-1]}")
    print(f"# berkas: {jumlah:,} baris; edisi ubahan: {harapan_ubahan}; "
          f"ru_maxrss sebelum impor (Django + migrate): {rss_awal:.1f} MB")
    print(f"{'fase':32} {'detik':>7} {'baris/s':>9} {'tracemalloc MB':>15} "
          f"{'ru_maxrss MB':>13}  perubahan")
    for nama, w in waktu.items():
        tm = memori[nama]["tracemalloc"] if memori else None
        print(f"{nama:32} {w['detik']:7.2f} {jumlah / w['detik']:9,.0f} "
              f"{tm if tm is None else f'{tm:.1f}':>15} {w['maxrss']:13.1f}  "
              f"+{w['ditambah']} ~{w['diubah']} -{w['dinonaktifkan']}")
    if memori:
        print("# detik di bawah tracemalloc: "
              + ", ".join(f"{n}: {m['detik']:.2f}" for n, m in memori.items()))


if __name__ == "__main__":
    main()
