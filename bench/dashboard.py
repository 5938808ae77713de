"""Benchmark: the kabupaten dashboard and its API behind a real HTTP server.

    .venv/bin/python bench/dashboard.py [--url postgres://postgres@127.0.0.1:5432/bench_dasbor]

Builds a PostgreSQL database (dropped first if it exists) with the national region tree,
the demo elections of Kota Probolinggo and about 2,700 synthetic TPS of Pemilu 2024 over
the 330 desa/kelurahan of Kabupaten Probolinggo (35.13), loaded through `tps_impor` by a
KPU Kabupaten operator of 35.13. Starts gunicorn (`simpul.wsgi`) on loopback, logs that
operator in through the login form, then sends a bounded number of requests from N
concurrent clients to the dashboard page `/wilayah/35.13/?pemilu=ID` and to the API
`/api/v1/wilayah/35.13?pemilu=ID`, checks every answer, and prints latency percentiles
and throughput. The load generator shares the machine with the server.
"""

import argparse
import io
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from wilayah_import import _basis_data  # noqa: E402

URL_BAWAAN = "postgres://postgres@127.0.0.1:5432/bench_dasbor"
KABUPATEN = "35.13"
TPS_KABUPATEN = 2700
OPERATOR, SANDI = "operator_3513", "Bench-Simpul-3513!"


def siapkan_data(*, tps_kabupaten: int) -> tuple[int, int, int]:
    """Regions, demo elections and the kabupaten's TPS; returns (pemilu id, TPS, pemilih)."""
    import csv

    from django.core.management import call_command

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.pemilu.demo import demo_pemilu
    from simpul.pemilu.services import tps_impor
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import wilayah_impor

    call_command("migrate", verbosity=0)
    wilayah_impor()
    pemilu, _ = demo_pemilu()
    operator = Akun.objects.create_user(username=OPERATOR, password=SANDI,
                                        peran=Peran.KPU_KAB_OPERATOR, wilayah_id=KABUPATEN)
    desa = list(Wilayah.objects.filter(kode__startswith=KABUPATEN + ".",
                                       tingkat__in=("desa", "kelurahan"))
                .order_by("kode").values_list("kode", flat=True))
    acak = random.Random(3513)
    # Every desa gets at least one TPS; the rest are spread with uneven weights.
    jumlah = dict.fromkeys(desa, 1)
    for kode in acak.choices(desa, weights=[acak.uniform(0.3, 2.0) for _ in desa],
                             k=tps_kabupaten - len(desa)):
        jumlah[kode] += 1
    berkas = io.StringIO()
    tulis = csv.writer(berkas)
    tulis.writerow(["kode_desa", "nomor", "alamat", "jumlah_pemilih"])
    pemilih = 0
    for kode, n in jumlah.items():
        for nomor in range(1, n + 1):
            v = acak.randint(180, 300)
            pemilih += v
            tulis.writerow([kode, nomor, f"RT {acak.randint(1, 9):02d} RW {nomor:02d}", v])
    hasil = tps_impor(akun=operator, pemilu=pemilu, data=berkas.getvalue().encode(),
                      nama_berkas="tps_3513.csv")
    if hasil.galat or hasil.dibuat != tps_kabupaten:
        sys.exit(f"impor TPS gagal: {hasil}")
    return pemilu.pk, tps_kabupaten, pemilih


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jalankan_server(*, url: str, port: int, workers: int, conn_max_age: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "SIMPUL_SECURE_COOKIES": "0",
           "SIMPUL_CONN_MAX_AGE": str(conn_max_age), "DJANGO_SETTINGS_MODULE": "simpul.settings",
           # No collectstatic here: the benchmark fetches no static files.
           "PYTHONWARNINGS": "ignore:No directory at"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proses = subprocess.Popen(
        [str(gunicorn), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "simpul.wsgi"], env=env)
    batas = time.monotonic() + 30
    while time.monotonic() < batas:
        if proses.poll() is not None:
            sys.exit("gunicorn berhenti saat mulai")
        try:
            httpx.get(f"http://127.0.0.1:{port}/masuk/", timeout=2)
            return proses
        except httpx.TransportError:
            time.sleep(0.3)
    proses.terminate()
    sys.exit("gunicorn tidak siap dalam 30 detik")


def masuk(basis: str) -> httpx.Cookies:
    """Log in through the login form, as a browser would: CSRF cookie, token, POST."""
    with httpx.Client(base_url=basis, timeout=10) as klien:
        halaman = klien.get("/masuk/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman.text)
        jawab = klien.post("/masuk/", data={"username": OPERATOR, "password": SANDI,
                                            "csrfmiddlewaretoken": token.group(1)},
                           headers={"Referer": basis + "/masuk/"})
        if jawab.status_code != 302 or "sessionid" not in klien.cookies:
            sys.exit(f"gagal masuk: HTTP {jawab.status_code}")
        return klien.cookies


def beban(*, basis: str, path: str, cookies, klien: int, permintaan: int, batas_detik: float,
          periksa) -> dict:
    """`permintaan` requests from `klien` concurrent clients (stops early at the deadline)."""
    sisa = iter(range(permintaan))
    kunci = threading.Lock()
    latensi: list[float] = []
    galat: list[str] = []
    akhir = time.monotonic() + batas_detik

    def pekerja():
        with httpx.Client(base_url=basis, cookies=cookies, timeout=30) as c:
            while time.monotonic() < akhir:
                with kunci:
                    if next(sisa, None) is None:
                        return
                mulai = time.perf_counter()
                r = c.get(path)
                detik = time.perf_counter() - mulai
                salah = periksa(r)
                with kunci:
                    latensi.append(detik)
                    if salah:
                        galat.append(salah)

    mulai = time.perf_counter()
    with ThreadPoolExecutor(klien) as ex:
        for f in [ex.submit(pekerja) for _ in range(klien)]:
            f.result()
    durasi = time.perf_counter() - mulai
    q = statistics.quantiles(latensi, n=100, method="inclusive")
    return {"n": len(latensi), "galat": len(galat), "contoh_galat": galat[:3],
            "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000,
            "maks": max(latensi) * 1000, "rps": len(latensi) / durasi, "durasi": durasi}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default=URL_BAWAAN)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=400, help="per endpoint")
    p.add_argument("--max-seconds", type=float, default=120, help="per endpoint")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--conn-max-age", type=int, default=60,
                   help="SIMPUL_CONN_MAX_AGE of the server (0: a connection per request)")
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
        pemilu_id, jumlah_tps, jumlah_pemilih = siapkan_data(tps_kabupaten=TPS_KABUPATEN)
        siap = time.perf_counter() - mulai
        connections.close_all()
        port = _port_bebas()
        basis = f"http://127.0.0.1:{port}"
        server = jalankan_server(url=args.url, port=port, workers=args.workers,
                                 conn_max_age=args.conn_max_age)
        cookies = masuk(basis)
        beban_awal = os.getloadavg()[0]

        def periksa_halaman(r):
            if r.status_code != 200:
                return f"HTTP {r.status_code}"
            angka = re.search(r'data-testid="jumlah-tps">([\d.,]+)<', r.text)
            if angka is None or int(re.sub(r"\D", "", angka.group(1))) != jumlah_tps:
                return "jumlah TPS di halaman salah"

        def periksa_api(r):
            if r.status_code != 200:
                return f"HTTP {r.status_code}"
            anak = r.json()["anak"]
            if len(anak) != 24 or sum(a["tps"] for a in anak) != jumlah_tps \
                    or sum(a["pemilih"] for a in anak) != jumlah_pemilih:
                return "jumlah per kecamatan di API salah"

        sasaran = [
            ("halaman /wilayah/35.13/", f"/wilayah/{KABUPATEN}/?pemilu={pemilu_id}",
             periksa_halaman),
            ("API /api/v1/wilayah/35.13", f"/api/v1/wilayah/{KABUPATEN}?pemilu={pemilu_id}",
             periksa_api),
        ]
        hasil = {}
        for nama, path, periksa in sasaran:
            beban(basis=basis, path=path, cookies=cookies, klien=args.clients,
                  permintaan=2 * args.clients, batas_detik=30, periksa=periksa)  # warm-up
            # One client alone gives the service time; N clients the queueing under load.
            hasil[f"{nama} x1"] = beban(basis=basis, path=path, cookies=cookies, klien=1,
                                        permintaan=50, batas_detik=args.max_seconds,
                                        periksa=periksa)
            hasil[f"{nama} x{args.clients}"] = beban(
                basis=basis, path=path, cookies=cookies, klien=args.clients,
                permintaan=args.requests, batas_detik=args.max_seconds, periksa=periksa)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        connections.close_all()
        if not args.keep:
            _basis_data(args.url, buat=False)

    print(f"# Dasbor kabupaten, {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} core, "
          f"Python {platform.python_version()}, gunicorn {args.workers} worker (sync), "
          f"CONN_MAX_AGE={args.conn_max_age}, {args.clients} klien serentak (httpx, thread)")
    print(f"# data: pohon nasional + demo Kota Probolinggo + {jumlah_tps:,} TPS "
          f"({jumlah_pemilih:,} pemilih) di 35.13; persiapan {siap:.1f} s")
    print(f"# beban mesin (loadavg 1 menit) sebelum/sesudah: {beban_awal:.2f}/"
          f"{os.getloadavg()[0]:.2f}")
    print(f"{'sasaran (xN klien)':32} {'n':>5} {'galat':>5} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'maks ms':>8} {'req/s':>7}")
    for nama, h in hasil.items():
        print(f"{nama:32} {h['n']:5d} {h['galat']:5d} {h['p50']:8.1f} {h['p95']:8.1f} "
              f"{h['p99']:8.1f} {h['maks']:8.1f} {h['rps']:7.1f}")
        if h["galat"]:
            print(f"#   contoh galat: {h['contoh_galat']}")
    if any(h["galat"] for h in hasil.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
