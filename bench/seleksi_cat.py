"""Benchmark: many CAT candidates answering at once, over real HTTP against PostgreSQL.

    .venv/bin/python bench/seleksi_cat.py [--url postgres://postgres@127.0.0.1:5432/bench_cat]
        [--candidates 200] [--clients 50] [--answers 40] [--workers 2]

Builds a PostgreSQL database (dropped first if it exists) with the regions of Jawa Timur and
the demo elections, a PPS recruitment round in Kota Probolinggo, `--candidates` applicants
registered and found eligible through the ad hoc services, a question bank and a CAT. Starts
gunicorn (`simpul.wsgi`) on loopback. `--clients` concurrent clients (threads, httpx) each
take candidates from a queue and do what the phone page does: log in with the registration
number and one-time code (form + CSRF), start, read the test, save `--answers` answers one
click at a time (JSON, own idempotency key), resend every 10th save (a replay after a
dropped connection), and submit twice. Reports sustained answer saves per second and their
latency percentiles, then checks the database: every save stored once, every replay
recognised, every test scored once. The load generator shares the machine with the server.
"""

import argparse
import os
import platform
import queue
import random
import re
import signal
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from dashboard import _port_bebas, jalankan_server  # noqa: E402
from wilayah_import import _basis_data  # noqa: E402

URL_BAWAAN = "postgres://postgres@127.0.0.1:5432/bench_cat"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"


def siapkan_data(*, kandidat: int, soal_per_kategori: int) -> tuple[list[tuple[str, str]], int]:
    """Regions of Jawa Timur, demo elections, a PPS round, eligible applicants, bank, CAT.
    Returns ([(registration number, code)], questions per test)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from simpul.adhoc.services import pendaftar_daftar, pendaftar_putuskan, rekrutmen_buat
    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.pemilu.demo import demo_pemilu
    from simpul.seleksi.models import KategoriSoal
    from simpul.seleksi.services import kode_terbitkan, soal_impor, ujian_buat
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-cat-")
    call_command("migrate", verbosity=0)
    baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
    wilayah_impor(data=b"".join([baris[0]] + [b for b in baris[1:] if b.startswith(b"35")]))
    pemilu, _ = demo_pemilu()
    op = Akun.objects.create_user(username="operator_3574", password="Bench-Simpul-3574!",
                                  peran=Peran.KPU_KAB_OPERATOR, wilayah_id="35.74")
    hari_ini = timezone.localdate()
    r = rekrutmen_buat(akun=op, pemilu=pemilu, badan="pps", kode_wilayah="35.74",
                       nama="PPS Pemilu 2024 Kota Probolinggo", pengumuman=hari_ini,
                       pendaftaran_mulai=hari_ini, pendaftaran_selesai=hari_ini)
    desa = list(Wilayah.objects.filter(kode__startswith="35.74.05.").values_list("kode",
                                                                                  flat=True))
    berkas = {"ktp": JPEG, "ijazah": PDF, "surat_sehat": PDF, "surat_pernyataan": PDF}
    for i in range(1, kandidat + 1):
        lahir = date(1980 + i % 20, 1 + i % 12, 1 + i % 28)
        nik = f"357405{lahir:%d%m%y}{i:04d}"
        p, _ = pendaftar_daftar(
            rekrutmen=r, kunci_idempoten=f"bench-{i}", nik=nik, nama=f"Peserta {i}",
            jenis_kelamin="L", tanggal_lahir=lahir, alamat="Jl. Mastrip",
            kode_domisili=desa[i % len(desa)], kode_tugas=desa[i % len(desa)],
            pendidikan="sma", telepon="081234567890", bukan_anggota_partai=True,
            tidak_pernah_dipidana=True, berkas=berkas)
        pendaftar_putuskan(akun=op, pendaftar_id=p.pk, keputusan="ms", alasan="bench")
    kategori = list(KategoriSoal.objects.all())
    teks = ["kategori,pertanyaan,pilihan_a,pilihan_b,pilihan_c,pilihan_d,pilihan_e,kunci"]
    for k in kategori:
        for j in range(soal_per_kategori):
            teks.append(f'"{k.nama}","{k.nama}: soal {j}?",benar,salah 1,salah 2,salah 3,'
                        f'salah 4,{"ABCDE"[j % 5]}')
    hasil = soal_impor(akun=op, data="\n".join(teks).encode(), nama_berkas="bank.csv")
    assert not hasil.galat, hasil.galat
    sekarang = timezone.now()
    per_kategori = soal_per_kategori // 2
    u = ujian_buat(akun=op, rekrutmen=r, nama="CAT PPS (bench)", durasi_menit=240,
                   dibuka=sekarang - timedelta(minutes=1), ditutup=sekarang + timedelta(hours=6),
                   komposisi={k.pk: per_kategori for k in kategori})
    kode = kode_terbitkan(akun=op, ujian=u)
    return [(p.nomor, k) for p, k in kode], per_kategori * len(kategori)


def peserta_jalan(basis: str, nomor: str, kode: str, jawaban: int, acak: random.Random,
                  latensi: list, kunci: threading.Lock) -> dict:
    """One candidate's test as the phone page does it; returns counts to check."""
    sent = replay = 0
    with httpx.Client(base_url=basis, timeout=30) as c:
        halaman = c.get("/seleksi/cat/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman.text).group(1)
        r = c.post("/seleksi/cat/", data={"nomor": nomor, "kode": kode,
                                          "csrfmiddlewaretoken": token},
                   headers={"Referer": basis + "/seleksi/cat/"})
        if r.status_code != 302:
            raise RuntimeError(f"masuk {nomor}: HTTP {r.status_code}")
        keadaan = c.post("/seleksi/cat/mulai", json={}).json()
        soal = keadaan["soal"]
        urutan = 0
        for n in range(jawaban):
            s = soal[n % len(soal)]
            urutan += 1
            badan = {"nomor": s["nomor"], "pilihan": acak.randrange(len(s["pilihan"])),
                     "kunci": f"{nomor}-{urutan}", "urutan": urutan}
            ulang = [badan] + ([badan] if urutan % 10 == 0 else [])
            for i, b in enumerate(ulang):
                mulai = time.perf_counter()
                r = c.post("/seleksi/cat/jawab", json=b)
                detik = time.perf_counter() - mulai
                if r.status_code != 200 or r.json()["ulangan"] != (i == 1):
                    raise RuntimeError(f"jawab {nomor}: HTTP {r.status_code} {r.text[:200]}")
                with kunci:
                    latensi.append(detik)
                sent += i == 0
                replay += i == 1
        h1 = c.post("/seleksi/cat/selesai", json={}).json()
        h2 = c.post("/seleksi/cat/selesai", json={}).json()
        if h1 != h2 or h1["status"] != "selesai":
            raise RuntimeError(f"kirim {nomor}: {h1} / {h2}")
    return {"sent": sent, "replay": replay}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default=URL_BAWAAN)
    p.add_argument("--candidates", type=int, default=200)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--answers", type=int, default=40, help="saves per candidate")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--conn-max-age", type=int, default=60)
    p.add_argument("--keep", action="store_true", help="jangan hapus basis data benchmark")
    args = p.parse_args()
    if not args.url.startswith(("postgres://", "postgresql://")):
        sys.exit("benchmark ini untuk PostgreSQL (postgres://...)")

    _basis_data(args.url, buat=True)
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    import django

    django.setup()
    from django.db import connections

    server = None
    try:
        mulai = time.perf_counter()
        kartu, jumlah_soal = siapkan_data(kandidat=args.candidates, soal_per_kategori=20)
        siap = time.perf_counter() - mulai
        connections.close_all()
        port = _port_bebas()
        basis = f"http://127.0.0.1:{port}"
        server = jalankan_server(url=args.url, port=port, workers=args.workers,
                                 conn_max_age=args.conn_max_age)
        antre: queue.Queue = queue.Queue()
        for k in kartu:
            antre.put(k)
        latensi: list[float] = []
        kunci = threading.Lock()
        total = {"sent": 0, "replay": 0}
        beban_awal = os.getloadavg()[0]

        def pekerja(i: int):
            acak = random.Random(i)
            while True:
                try:
                    nomor, kode = antre.get_nowait()
                except queue.Empty:
                    return
                h = peserta_jalan(basis, nomor, kode, args.answers, acak, latensi, kunci)
                with kunci:
                    for k in total:
                        total[k] += h[k]

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as ex:
            for f in [ex.submit(pekerja, i) for i in range(args.clients)]:
                f.result()
        durasi = time.perf_counter() - t0
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    from django.db.models import Count

    from simpul.core.audit import audit_verifikasi
    from simpul.seleksi.models import LogJawaban, SesiCAT
    log = LogJawaban.objects.count()
    per_sesi = set(SesiCAT.objects.annotate(n=Count("log")).values_list("n", flat=True))
    selesai = SesiCAT.objects.filter(selesai__isnull=False).count()
    rantai = audit_verifikasi()
    connections.close_all()
    if not args.keep:
        _basis_data(args.url, buat=False)

    q = statistics.quantiles(latensi, n=100, method="inclusive")
    print(f"# CAT seleksi, {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} core, Python "
          f"{platform.python_version()}, gunicorn {args.workers} worker (sync), "
          f"CONN_MAX_AGE={args.conn_max_age}, {args.clients} klien serentak (httpx, thread)")
    print(f"# {args.candidates} peserta x {args.answers} jawaban ({jumlah_soal} soal per tes), "
          f"persiapan {siap:.1f} s; beban mesin sebelum/sesudah {beban_awal:.2f}/"
          f"{os.getloadavg()[0]:.2f}")
    print(f"simpan jawaban: {len(latensi)} permintaan ({total['sent']} baru, {total['replay']} "
          f"ulangan) dalam {durasi:.1f} s = {len(latensi) / durasi:.1f}/s; p50 "
          f"{q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, "
          f"maks {max(latensi) * 1000:.1f} ms")
    print(f"# periksa: log jawaban {log} (harus {total['sent']}), per sesi {sorted(per_sesi)}, "
          f"selesai {selesai}/{args.candidates}, rantai audit utuh={rantai.utuh} "
          f"({rantai.jumlah} entri)")
    if log != total["sent"] or per_sesi != {args.answers} or selesai != args.candidates \
            or not rantai.utuh:
        sys.exit(1)


if __name__ == "__main__":
    main()
