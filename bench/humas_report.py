"""Benchmark: the yearly Bakohumas report of one office (DOCX + PDF).

Builds, in its own PostgreSQL database, East Java's regions and a year (2022) of KPU Kota
Probolinggo's logs: seed 002's semester I (demo) and a semester II at the same rate,
loaded through the ordinary bulk import, then times the recap, the DOCX and the PDF.

    .venv/bin/python bench/humas_report.py [--db postgres://.../h5_bench] [--ulang 3]
"""

import argparse
import os
import statistics
import sys
import time

BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/h5_bench"


def _siapkan_db(url: str) -> None:
    import psycopg

    nama = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')


def _bangun():
    from datetime import date

    from django.core.management import call_command

    from simpul.core.tabel import tulis_csv
    from simpul.humas.data import JENIS_KONTEN_AWAL
    from simpul.humas.demo import akun_humas_kota, baris_log_seed_002, demo_humas
    from simpul.humas.models import Laporan
    from simpul.humas.rules import BULAN
    from simpul.humas.services import KOLOM_IMPOR, laporan_buat, publikasi_impor
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor

    call_command("migrate", verbosity=0)
    if not Wilayah.objects.filter(kode="35.74").exists():
        baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
        wilayah_impor(data=b"".join([baris[0]] + [b for b in baris[1:] if b.startswith(b"35")]))
    akun = akun_humas_kota()
    demo_humas(akun=akun)
    semester2 = []
    for b in baris_log_seed_002(JENIS_KONTEN_AWAL):
        t = date.fromisoformat(b[0])
        t2 = t.replace(month=t.month + 6, day=min(t.day, 28))
        judul = b[2].replace(BULAN[t.month - 1], BULAN[t2.month - 1])
        tautan = b[4] + ("&" if "?" in b[4] else "?") + "s=2" if b[4] else ""
        semester2.append([t2.isoformat(), b[1], judul, b[3], tautan, b[5], b[6]])
    mulai = time.perf_counter()
    hasil = publikasi_impor(akun=akun, data=tulis_csv(KOLOM_IMPOR, semester2),
                            nama_berkas="s2.csv")
    print(f"impor semester II: {hasil.dibuat} unggahan baru, {len(hasil.galat)} galat, "
          f"{time.perf_counter() - mulai:.1f} s")
    lap = Laporan.objects.filter(kantor_id="35.74", jenis_periode="tahun", tahun=2022).first()
    return akun, lap or laporan_buat(akun=akun, jenis_periode="tahun", tahun=2022,
                                     tanggal_surat="2022-12-30", nomor_surat="1/BENCH")


def _ukur(fungsi, ulang: int) -> tuple[float, object]:
    waktu, hasil = [], None
    for _ in range(ulang):
        mulai = time.perf_counter()
        hasil = fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu), hasil


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", BAWAAN_DB))
    ap.add_argument("--ulang", type=int, default=3)
    arg = ap.parse_args()
    _siapkan_db(arg.db)
    os.environ["DATABASE_URL"] = arg.db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from simpul.humas.dokumen import laporan_docx, laporan_pdf
    from simpul.humas.models import Publikasi, Unggahan
    from simpul.humas.rules import periode
    from simpul.humas.selectors import rekap

    akun, lap = _bangun()
    print(f"log 2022 KPU Kota Probolinggo: {Publikasi.objects.filter(kantor_id='35.74').count()}"
          f" publikasi, {Unggahan.objects.filter(publikasi__kantor_id='35.74').count()} unggahan")
    reset_queries()
    with CaptureQueriesContext(connection) as q:
        t_rekap, _ = _ukur(lambda: rekap(akun=akun, kantor_kode="35.74",
                                         periode=periode("tahun", 2022)), 1)
    t_rekap, _ = _ukur(lambda: rekap(akun=akun, kantor_kode="35.74",
                                     periode=periode("tahun", 2022)), arg.ulang)
    t_docx, docx = _ukur(lambda: laporan_docx(akun=akun, laporan=lap), arg.ulang)
    t_pdf, pdf = _ukur(lambda: laporan_pdf(akun=akun, laporan=lap), arg.ulang)
    print(f"rekap setahun: {t_rekap * 1000:.0f} ms, {len(q)} kueri")
    print(f"DOCX: {t_docx:.2f} s ({len(docx) / 1024:.0f} KiB)")
    print(f"PDF:  {t_pdf:.2f} s ({len(pdf) / 1024:.0f} KiB)")
    print(f"DOCX + PDF: {t_docx + t_pdf:.2f} s (sasaran < 10 s)")


if __name__ == "__main__":
    main()
