"""Benchmark: the ad hoc staffing plan of a national-scale election.

Builds, in its own PostgreSQL database, the real national region tree and one election
with about 823,000 synthetic TPS spread over the ~83,700 desa/kelurahan (COPY), then times
the plan at the national root, one province, and the full per-desa plan with its XLSX export.

    .venv/bin/python bench/adhoc_rencana.py [--db postgres://.../h3_bench] [--tps 823000]
                                            [--ulang]
"""

import argparse
import io
import os
import random
import resource
import sys
import time
from datetime import date

BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/h3_bench"


def _siapkan_db(url: str) -> None:
    import psycopg

    nama = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')


def _bangun(jumlah_tps: int, ulang: bool):
    from django.core.management import call_command
    from django.db import connection, transaction

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.pemilu.models import TPS, JenisPemilu, Pemilu
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import wilayah_impor

    call_command("migrate", verbosity=0)
    if not Wilayah.objects.exists():
        t = time.perf_counter()
        wilayah_impor()
        print(f"impor wilayah nasional: {time.perf_counter() - t:.1f} s")
    akun = Akun.objects.filter(username="bench_kpu_ri").first() or Akun.objects.create_user(
        username="bench_kpu_ri", password=None, peran=Peran.KPU_RI)
    pemilu = Pemilu.objects.filter(nama="Bench Pemilu nasional").first()
    if pemilu is not None and (ulang or TPS.objects.filter(pemilu=pemilu).count() != jumlah_tps):
        TPS.objects.filter(pemilu=pemilu).delete()
        pemilu.delete()
        pemilu = None
    if pemilu is None:
        t = time.perf_counter()
        pemilu = Pemilu.objects.create(nama="Bench Pemilu nasional", jenis=JenisPemilu.PEMILU,
                                       tanggal_pemungutan=date(2029, 2, 14))
        desa = list(Wilayah.objects.filter(tingkat__in=("desa", "kelurahan"), aktif=True)
                    .order_by("kode").values_list("kode", flat=True))
        acak = random.Random(823)
        # Spread the TPS by random weights: busy kelurahan get many, small desa few.
        bobot = [acak.uniform(0.2, 1.8) for _ in desa]
        skala = jumlah_tps / sum(bobot)
        per_desa = [max(1, round(b * skala)) for b in bobot]
        selisih = jumlah_tps - sum(per_desa)
        i = 0
        while selisih:
            langkah = 1 if selisih > 0 else -1
            if per_desa[i % len(desa)] + langkah >= 1:
                per_desa[i % len(desa)] += langkah
                selisih -= langkah
            i += 1
        with transaction.atomic(), connection.cursor() as cur:
            with cur.connection.cursor().copy(
                    "COPY pemilu_tps (pemilu_id, desa_id, nomor, alamat, jumlah_pemilih) "
                    "FROM STDIN") as copy:
                for kode, n in zip(desa, per_desa, strict=True):
                    for nomor in range(1, n + 1):
                        copy.write_row((pemilu.pk, kode, nomor, "", acak.randint(150, 300)))
        with connection.cursor() as cur:
            cur.execute("ANALYZE pemilu_tps")
        print(f"bangun {jumlah_tps:,} TPS di {len(desa):,} desa/kelurahan: "
              f"{time.perf_counter() - t:.1f} s")
    return akun, pemilu


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ukur(nama: str, fungsi):
    """Wall time, and the peak resident memory of the process after the step (MiB)."""
    t = time.perf_counter()
    hasil = fungsi()
    detik = time.perf_counter() - t
    print(f"{nama:<40} {detik:7.2f} s   puncak RSS {_rss():7.0f} MiB")
    return hasil, detik


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", BAWAAN_DB))
    ap.add_argument("--tps", type=int, default=823_000)
    ap.add_argument("--ulang", action="store_true", help="build the TPS again")
    arg = ap.parse_args()
    _siapkan_db(arg.db)
    os.environ["DATABASE_URL"] = arg.db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()
    from openpyxl import load_workbook

    from simpul.adhoc.selectors import rencana_kursi, rencana_rinci
    from simpul.adhoc.services import rencana_ekspor_xlsx
    from simpul.pemilu.models import TPS

    akun, pemilu = _bangun(arg.tps, arg.ulang)
    print(f"TPS dalam pemilu: {TPS.objects.filter(pemilu=pemilu).count():,}")
    total = 0.0
    r, d = _ukur("rencana nasional (38 provinsi)",
                 lambda: rencana_kursi(akun=akun, pemilu=pemilu))
    total += d
    k = r.total.kursi
    print(f"  kursi: PPK {k.ppk:,}  PPS {k.pps:,}  KPPS {k.kpps:,}  Pantarlih {k.pantarlih:,}"
          f"  (TPS {r.total.tps:,}, desa {r.total.desa:,}, kecamatan {r.total.kecamatan:,})")
    _, d = _ukur("rencana Jawa Timur (kab/kota)",
                 lambda: rencana_kursi(akun=akun, pemilu=pemilu, kode="35"))
    total += d
    rinci, d = _ukur("rencana rinci nasional (tiap desa)",
                     lambda: rencana_rinci(akun=akun, pemilu=pemilu))
    total += d
    print(f"  baris: {len(rinci.kecamatan):,} kecamatan, {len(rinci.desa):,} desa/kelurahan")
    isi, d = _ukur("ekspor XLSX nasional (diaudit)",
                   lambda: rencana_ekspor_xlsx(akun=akun, pemilu=pemilu))
    total += d
    buku = load_workbook(io.BytesIO(isi), read_only=True)
    print(f"  XLSX {len(isi) / 2**20:.1f} MiB, lembar {buku.sheetnames}")
    assert r.total.kursi.kpps == 7 * arg.tps
    print(f"jumlah waktu rencana + ekspor: {total:.2f} s (sasaran < 10 s)")
    print(f"puncak RSS proses: {_rss():.0f} MiB")


if __name__ == "__main__":
    main()
