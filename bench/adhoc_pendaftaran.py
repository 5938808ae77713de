"""Benchmark: public ad hoc registration at the deadline peak, over real HTTP.

    .venv/bin/python bench/adhoc_pendaftaran.py [--url postgres://postgres@127.0.0.1:5432/h8_bench]
        [--clients 50] [--requests 1500] [--workers 4] [--kb 150]

Builds a PostgreSQL database (dropped first) with the regions of Jawa Timur, the demo
elections and an open KPPS recruitment round of Kota Probolinggo; starts gunicorn
(`simpul.wsgi`, sync workers) on loopback with a temporary media folder; then N concurrent
clients send complete registrations to the public API (multipart: the form and four
uploads, KTP JPEG and three PDFs of `--kb` KB each), each with a fresh NIK and idempotency
key. One submission in twenty is a replay of an earlier one (same key, as a double click
or a retry after a dropped connection) and must return the same registration (HTTP 200),
never a second one. Every answer is checked; at the end the database must hold exactly
one application per distinct submission. Prints latency percentiles and the sustained
rate. SIAKBA was tested with 10 simultaneous registrants per kab/kota (ANCHORS.md).
"""

import argparse
import os
import platform
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from dashboard import _port_bebas, jalankan_server  # noqa: E402
from wilayah_import import _basis_data  # noqa: E402

URL_BAWAAN = "postgres://postgres@127.0.0.1:5432/h8_bench"
KECAMATAN = ["357401", "357402", "357403", "357404", "357405"]


def siapkan_data() -> tuple[int, list[tuple[str, str]]]:
    """Regions of Jawa Timur, the demo elections and an open KPPS round; returns the round
    and the (kecamatan code, desa code) pairs applicants live in."""
    from django.core.management import call_command
    from django.utils import timezone

    from simpul.adhoc.services import rekrutmen_buat
    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.pemilu.demo import demo_pemilu
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor

    call_command("migrate", verbosity=0)
    baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
    wilayah_impor(data=b"".join([baris[0]] + [b for b in baris[1:] if b.startswith(b"35")]))
    _, pilkada = demo_pemilu()
    operator = Akun.objects.create_user(username="bench_op_3574", password=None,
                                        peran=Peran.KPU_KAB_OPERATOR, wilayah_id="35.74")
    hari_ini = timezone.localdate()
    r = rekrutmen_buat(akun=operator, pemilu=pilkada, badan="kpps", kode_wilayah="35.74",
                       nama="Bench KPPS", pengumuman=hari_ini - timedelta(days=3),
                       pendaftaran_mulai=hari_ini - timedelta(days=1),
                       pendaftaran_selesai=hari_ini + timedelta(days=1))
    desa = list(Wilayah.objects.filter(kode__startswith="35.74.", tingkat__in=(
        "desa", "kelurahan")).values_list("kode", flat=True))
    return r.pk, [(d[:8].replace(".", ""), d) for d in desa]


def berkas(kb: int) -> dict[str, tuple[str, bytes, str]]:
    isi = os.urandom(kb * 1024)
    pdf = b"%PDF-1.4\n" + isi + b"\n%%EOF\n"
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + isi + b"\xff\xd9"
    return {"ktp": ("ktp.jpg", jpeg, "image/jpeg"),
            "ijazah": ("ijazah.pdf", pdf, "application/pdf"),
            "surat_sehat": ("sehat.pdf", pdf, "application/pdf"),
            "surat_pernyataan": ("pernyataan.pdf", pdf, "application/pdf")}


def isian(i: int, desa: list[tuple[str, str]]) -> dict:
    """A valid application whose NIK is unique for `i` (date of birth and serial from i)."""
    kec, kode_desa = [(k, d) for k, d in desa if k in KECAMATAN][i % len(desa)]
    lahir = date(1970, 1, 1) + timedelta(days=i % 10_000)
    nomor = 1 + i // 10_000
    perempuan = i % 2 == 1
    hari = lahir.day + (40 if perempuan else 0)
    nik = f"{kec}{hari:02d}{lahir:%m%y}{nomor:04d}"
    return {"kunci_idempoten": uuid.uuid4().hex, "nik": nik, "nama": f"Pendaftar Uji {i}",
            "jenis_kelamin": "P" if perempuan else "L", "tanggal_lahir": lahir.isoformat(),
            "alamat": f"Jl. Uji {i}", "kode_domisili": kode_desa, "kode_tugas": kode_desa,
            "pendidikan": "sma", "telepon": "081234567890", "bukan_anggota_partai": "true",
            "tidak_pernah_dipidana": "true", "melek_it": "true" if i % 3 else "false"}


def beban(*, basis: str, rekrutmen: int, desa, klien: int, permintaan: int,
          batas_detik: float, unggahan, awal: int) -> dict:
    urutan = iter(range(permintaan))
    kunci = threading.Lock()
    latensi, galat, terkirim = [], [], {}
    akhir = time.monotonic() + batas_detik
    path = f"/api/v1/adhoc/rekrutmen/{rekrutmen}/pendaftar"

    def pekerja():
        with httpx.Client(base_url=basis, timeout=60) as c:
            while time.monotonic() < akhir:
                with kunci:
                    n = next(urutan, None)
                    ulang = n is not None and n % 20 == 19 and bool(terkirim)
                    if ulang:
                        data, nomor_lama = next(iter(terkirim.values()))
                if n is None:
                    return
                if not ulang:
                    data, nomor_lama = isian(awal + n, desa), None
                mulai = time.perf_counter()
                r = c.post(path, data=data, files=unggahan)
                detik = time.perf_counter() - mulai
                salah = None
                if ulang and (r.status_code != 200 or r.json()["nomor"] != nomor_lama):
                    salah = (f"ulangan: HTTP {r.status_code} kunci {data['kunci_idempoten']} "
                             f"nomor {nomor_lama} -> {r.text[:160]}")
                elif not ulang and r.status_code != 201:
                    salah = f"HTTP {r.status_code}: {r.text[:120]}"
                with kunci:
                    latensi.append(detik)
                    if salah:
                        galat.append(salah)
                    elif not ulang:
                        terkirim[data["kunci_idempoten"]] = (data, r.json()["nomor"])

    mulai = time.perf_counter()
    with ThreadPoolExecutor(klien) as ex:
        for f in [ex.submit(pekerja) for _ in range(klien)]:
            f.result()
    durasi = time.perf_counter() - mulai
    q = statistics.quantiles(latensi, n=100, method="inclusive")
    return {"n": len(latensi), "baru": len(terkirim), "galat": len(galat),
            "contoh_galat": galat[:3], "p50": q[49] * 1000, "p95": q[94] * 1000,
            "p99": q[98] * 1000, "maks": max(latensi) * 1000, "rps": len(latensi) / durasi,
            "durasi": durasi}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default=URL_BAWAAN)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--requests", type=int, default=1500)
    p.add_argument("--max-seconds", type=float, default=240)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--kb", type=int, default=150, help="size of each upload")
    p.add_argument("--keep", action="store_true")
    args = p.parse_args()
    if not args.url.startswith(("postgres://", "postgresql://")):
        sys.exit("benchmark ini untuk PostgreSQL (postgres://...)")
    _basis_data(args.url, buat=True)
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    media = tempfile.TemporaryDirectory(prefix="simpul-bench-media-")
    os.environ["SIMPUL_MEDIA_ROOT"] = media.name
    import django

    django.setup()
    from django.db import connections

    from simpul.adhoc.models import Berkas, Pendaftar

    server = None
    try:
        rekrutmen, desa = siapkan_data()
        connections.close_all()
        port = _port_bebas()
        basis = f"http://127.0.0.1:{port}"
        server = jalankan_server(url=args.url, port=port, workers=args.workers,
                                 conn_max_age=60)
        unggahan = berkas(args.kb)
        beban_awal = os.getloadavg()[0]
        beban(basis=basis, rekrutmen=rekrutmen, desa=desa, klien=5, permintaan=20,
              batas_detik=30, unggahan=unggahan, awal=900_000)  # warm-up
        satu = beban(basis=basis, rekrutmen=rekrutmen, desa=desa, klien=1, permintaan=40,
                     batas_detik=args.max_seconds, unggahan=unggahan, awal=800_000)
        banyak = beban(basis=basis, rekrutmen=rekrutmen, desa=desa, klien=args.clients,
                       permintaan=args.requests, batas_detik=args.max_seconds,
                       unggahan=unggahan, awal=0)
        jumlah = Pendaftar.objects.count()
        jumlah_berkas = Berkas.objects.count()
        diharapkan = 20 - 1 + satu["baru"] + banyak["baru"]  # warm-up: 19 new, 1 replay
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        connections.close_all()
        if not args.keep:
            _basis_data(args.url, buat=False)
        media.cleanup()

    print(f"# Pendaftaran KPPS publik, {os.cpu_count()} core (dipakai bersama), Python "
          f"{platform.python_version()}, gunicorn {args.workers} worker sync, PostgreSQL; "
          f"4 unggahan x {args.kb} KB per pendaftaran; 1 dari 20 kiriman adalah ulangan")
    print(f"# loadavg 1 menit sebelum/sesudah: {beban_awal:.2f}/{os.getloadavg()[0]:.2f}")
    print(f"{'klien':>6} {'n':>6} {'baru':>6} {'galat':>5} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'maks ms':>8} {'kiriman/s':>9} {'durasi s':>8}")
    for nama, h in (("1", satu), (str(args.clients), banyak)):
        print(f"{nama:>6} {h['n']:6d} {h['baru']:6d} {h['galat']:5d} {h['p50']:8.1f} "
              f"{h['p95']:8.1f} {h['p99']:8.1f} {h['maks']:8.1f} {h['rps']:9.1f} "
              f"{h['durasi']:8.1f}")
        if h["galat"]:
            print(f"#   contoh galat: {h['contoh_galat']}")
    print(f"# basis data: {jumlah} pendaftar (diharapkan {diharapkan}), {jumlah_berkas} berkas")
    if jumlah != diharapkan or jumlah_berkas != 4 * jumlah or satu["galat"] or banyak["galat"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
