"""Benchmark: recap queries over 100 offices x 5 years of publication logs.

Builds, in its own PostgreSQL database, the regions of four provinces (Jawa Barat, Jawa
Tengah, DI Yogyakarta, Jawa Timur) and, for 100 of their kabupaten/kota offices, five
years (2020-2024) of logs: `--per-bulan` items a month per office, each cross-posted to
Instagram and Facebook and, every other item, to X (bulk inserted; built once). Then, for
offices with and without logs, it counts the queries of the recap selector (it must be
the same) and prints the time of the year, semester and quarter recaps.

    .venv/bin/python bench/humas_recap.py [--db postgres://.../h9_recap] [--per-bulan 20]
"""

import argparse
import os
import statistics
import sys
import time

BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/h9_recap"
TAHUN = range(2020, 2025)


def _siapkan_db(url: str) -> None:
    import psycopg

    nama = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')


def _bangun(per_bulan: int) -> list[str]:
    from datetime import date

    from django.core.management import call_command

    from simpul.humas.models import JenisKonten, Publikasi, Unggahan
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor

    call_command("migrate", verbosity=0)
    if not Wilayah.objects.filter(kode="35.74").exists():
        baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
        wilayah_impor(data=b"".join([baris[0]] + [
            b for b in baris[1:] if b[:2] in (b"32", b"33", b"34", b"35")]))
    kantor = list(Wilayah.objects.filter(tingkat__in=("kabupaten", "kota"))
                  .order_by("kode").values_list("kode", flat=True)[:100])
    if Publikasi.objects.filter(kantor_id=kantor[-1]).exists():
        return kantor
    jenis = list(JenisKonten.objects.values_list("pk", flat=True))
    mulai = time.perf_counter()
    for k in kantor:
        pub = [Publikasi(kantor_id=k, tanggal=date(t, b, 1 + i % 28),
                         jenis_konten_id=jenis[i % len(jenis)], judul=f"{k} {t}-{b} #{i}")
               for t in TAHUN for b in range(1, 13) for i in range(per_bulan)]
        pub = Publikasi.objects.bulk_create(pub, batch_size=2000)
        ung = []
        for i, p in enumerate(pub):
            ung.append(Unggahan(publikasi=p, kanal_id="instagram",
                                tautan=f"https://instagram.com/p/{k}-{p.pk}/"))
            ung.append(Unggahan(publikasi=p, kanal_id="facebook",
                                tautan=f"https://facebook.com/{k}/posts/{p.pk}"))
            if i % 2:
                ung.append(Unggahan(publikasi=p, kanal_id="x",
                                    tautan=f"https://x.com/{k}/status/{p.pk}"))
        Unggahan.objects.bulk_create(ung, batch_size=5000)
    print(f"dibangun: {Publikasi.objects.count()} publikasi, {Unggahan.objects.count()} "
          f"unggahan, {time.perf_counter() - mulai:.0f} s")
    return kantor


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", BAWAAN_DB))
    ap.add_argument("--per-bulan", type=int, default=20)
    arg = ap.parse_args()
    _siapkan_db(arg.db)
    os.environ["DATABASE_URL"] = arg.db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.humas.models import Publikasi, Unggahan
    from simpul.humas.selectors import periode_ambil, rekap

    kantor = _bangun(arg.per_bulan)
    print(f"{len(kantor)} kantor, {Publikasi.objects.count()} publikasi, "
          f"{Unggahan.objects.count()} unggahan, tahun {TAHUN.start}-{TAHUN.stop - 1}")
    ri, _ = Akun.objects.get_or_create(username="bench_humas_ri",
                                       defaults={"peran": Peran.KPU_RI})
    kosong = "35.78"  # Kota Surabaya: beyond the first 100 offices, no log
    rekap(akun=ri, kantor_kode=kantor[0], periode=periode_ambil("tahun", 2024))  # warm
    jumlah_kueri = set()
    for kode in (kosong, kantor[0], kantor[-1]):
        with CaptureQueriesContext(connection) as q:
            rekap(akun=ri, kantor_kode=kode, periode=periode_ambil("tahun", 2024))
        jumlah_kueri.add(len(q.captured_queries))
    print(f"kueri per rekap (kantor kosong, penuh, penuh): {sorted(jumlah_kueri)}"
          f"{' tetap' if len(jumlah_kueri) == 1 else ' BERBEDA'}")
    for jenis, nomor in (("tahun", 1), ("semester", 2), ("triwulan", 3)):
        waktu = []
        for kode in kantor:
            for t in TAHUN:
                mulai = time.perf_counter()
                rekap(akun=ri, kantor_kode=kode, periode=periode_ambil(jenis, t, nomor))
                waktu.append(time.perf_counter() - mulai)
        q = statistics.quantiles(waktu, n=20)
        print(f"rekap {jenis}: {len(waktu)} kali (100 kantor x 5 tahun), median "
              f"{statistics.median(waktu) * 1000:.1f} ms, p95 {q[18] * 1000:.1f} ms, "
              f"total {sum(waktu):.1f} s")


if __name__ == "__main__":
    main()
