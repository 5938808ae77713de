"""Benchmark: the public DPT check under load and abuse, over real HTTP.

gunicorn (sync workers) on loopback, PostgreSQL with the 1 million generated voters of
`bench/pemilih_pemetaan.py` (mapped to TPS, a DPS fixed so the check reads a fixed list
and names its hash), Redis for the shared rate limits. Each request carries an
`X-Real-IP` (trusted through `SIMPUL_CEK_DPT_HEADER_KLIEN`, as behind a reverse proxy) so
the 100 concurrent clients stand for many people: every simulated person checks 1–3 NIKs
of their household (80 % listed, 15 % valid but not listed, 5 % malformed).
Then one address enumerates distinct NIKs: how many it gets answered before it is
blocked, and the alert row. Bounded: a fixed number of requests and a deadline.

    .venv/bin/python bench/pemilih_cek.py [--db postgres://.../h11_bench] [--clients 100]
        [--requests 6000] [--workers 4]
"""

import argparse
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from dashboard import _port_bebas, jalankan_server  # noqa: E402
from pemilih_pemetaan import BAWAAN_DB, _django, siapkan  # noqa: E402

REDIS = "redis://127.0.0.1:6379/11"


def siapkan_dps() -> tuple[list[str], float | None]:
    """Voters mapped and a DPS fixed over Kota Probolinggo; returns listed NIKs (sample)
    and the time fixing the DPS took (None when one existed)."""
    from simpul.core.models import Akun
    from simpul.pemilih.models import Pemilih, SalinanDaftar
    from simpul.pemilih.services_pemetaan import pemetaan_jalankan
    from simpul.pemilih.services_tahap import tahap_kunci, tahap_tetapkan
    from simpul.pemilu.models import Pemilu

    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    akun = Akun.objects.get(username="bench_kpu_kota")
    if Pemilih.objects.filter(pemilu=pemilu, status="aktif", tps__isnull=True).exists():
        pemetaan_jalankan(akun=akun, pemilu=pemilu, wilayah_kode="35.74")
    dt = None
    if not SalinanDaftar.objects.filter(pemilu=pemilu, wilayah_kode="35.74").exists():
        t = time.perf_counter()
        tahap_kunci(akun=akun, pemilu=pemilu, wilayah_kode="35.74", tahap="dps")
        s = tahap_tetapkan(akun=akun, pemilu=pemilu, wilayah_kode="35.74")
        dt = time.perf_counter() - t
        print(f"DPS ditetapkan: {s.jumlah:,} pemilih, {s.jumlah_tps:,} TPS, {dt:.1f} s, "
              f"SHA-256 {s.sha256[:16]}…")
    niks = list(Pemilih.objects.filter(pemilu=pemilu, status="aktif").order_by("?")
                .values_list("nik", flat=True)[:5000])
    return niks, dt


def _nik_tidak_terdaftar(acak: random.Random) -> str:
    return f"357405{acak.randint(1, 28):02d}{acak.randint(1, 12):02d}{acak.randint(60, 99)}" \
           f"{acak.randint(9000, 9999)}"


def beban(*, basis: str, niks: list[str], klien: int, permintaan: int, batas_detik: float,
          awal_ip: int) -> dict:
    acak = random.Random(7)
    rencana = []
    orang = awal_ip
    while len(rencana) < permintaan:
        orang += 1
        ip = f"10.{orang // 65536 % 256}.{orang // 256 % 256}.{orang % 256}"
        for _ in range(acak.choice([1, 1, 2, 3])):
            u = acak.random()
            nik = (acak.choice(niks) if u < 0.80 else _nik_tidak_terdaftar(acak) if u < 0.95
                   else str(acak.randint(1, 99_999)))
            rencana.append((ip, nik))
    rencana = rencana[:permintaan]
    sisa = iter(rencana)
    kunci = threading.Lock()
    waktu: list[float] = []
    status: Counter = Counter()
    salah: Counter = Counter()
    tenggat = time.monotonic() + batas_detik

    def pekerja():
        with httpx.Client(base_url=basis, timeout=30) as c:
            while time.monotonic() < tenggat:
                with kunci:
                    item = next(sisa, None)
                if item is None:
                    return
                ip, nik = item
                t = time.perf_counter()
                try:
                    r = c.post("/api/v1/pemilih/cek", json={"nik": nik},
                               headers={"X-Real-IP": ip})
                    kode = r.status_code
                    d = r.json()
                    ok = (kode == 200 and all(h["sha256"] and "versi" in h["sumber"]
                                              for h in d["hasil"])) or (
                        kode == 422 and d.get("code") == "cek_dpt.nik_tidak_valid")
                except (httpx.HTTPError, ValueError):
                    kode, ok = 0, False
                dt = time.perf_counter() - t
                with kunci:
                    waktu.append(dt)
                    status[kode] += 1
                    if not ok:
                        salah[kode] += 1

    mulai = time.perf_counter()
    with ThreadPoolExecutor(klien) as ex:
        for _ in range(klien):
            ex.submit(pekerja)
    durasi = time.perf_counter() - mulai
    waktu.sort()

    def q(p):
        return waktu[min(len(waktu) - 1, int(p * len(waktu)))] * 1000 if waktu else 0

    return {"n": len(waktu), "durasi": durasi, "rps": len(waktu) / durasi, "p50": q(0.5),
            "p95": q(0.95), "p99": q(0.99), "maks": waktu[-1] * 1000 if waktu else 0,
            "rata": statistics.fmean(waktu) * 1000 if waktu else 0, "status": dict(status),
            "salah": dict(salah)}


def enumerasi(basis: str, jumlah: int) -> dict:
    """One address asks about `jumlah` distinct NIKs as fast as the server answers."""
    acak = random.Random(99)
    dijawab = 0
    pertama_blokir = None
    kode: Counter = Counter()
    with httpx.Client(base_url=basis, timeout=30) as c:
        for i in range(jumlah):
            r = c.post("/api/v1/pemilih/cek", json={"nik": _nik_tidak_terdaftar(acak)},
                       headers={"X-Real-IP": "203.0.113.66"})
            kode[r.json().get("code", r.status_code)] += 1
            if r.status_code == 200:
                dijawab += 1
            elif pertama_blokir is None and r.json().get("code") == "cek_dpt.diblokir":
                pertama_blokir = i + 1
    return {"dijawab": dijawab, "pertama_blokir": pertama_blokir, "kode": dict(kode)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=BAWAAN_DB)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--requests", type=int, default=6000)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--max-seconds", type=float, default=240)
    a = ap.parse_args()
    _django(a.db)
    siapkan(1_000_000)
    niks, _ = siapkan_dps()
    from django.db import connections

    from simpul.pemilih.models import PeringatanCekDPT

    connections.close_all()
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    os.environ.update({"SIMPUL_REDIS_URL": REDIS, "SIMPUL_LOG_LEVEL": "ERROR",
                       "SIMPUL_CEK_DPT_HEADER_KLIEN": "HTTP_X_REAL_IP",
                       "SIMPUL_CEK_DPT_GLOBAL": "1000000",
                       # 30/min per address instead of 10 so the enumeration phase reaches
                       # the distinct-NIK threshold (20) within the bench's time.
                       "SIMPUL_CEK_DPT_PER_KLIEN": "30"})
    peringatan_awal = PeringatanCekDPT.objects.count()
    port = _port_bebas()
    basis = f"http://127.0.0.1:{port}"
    server = jalankan_server(url=a.db, port=port, workers=a.workers, conn_max_age=60)
    try:
        beban_awal = os.getloadavg()[0]
        beban(basis=basis, niks=niks, klien=10, permintaan=200, batas_detik=30, awal_ip=900_000)
        satu = beban(basis=basis, niks=niks, klien=1, permintaan=100, batas_detik=60,
                     awal_ip=800_000)
        banyak = beban(basis=basis, niks=niks, klien=a.clients, permintaan=a.requests,
                       batas_detik=a.max_seconds, awal_ip=0)
        enum = enumerasi(basis, 60)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"# cek DPT publik: {os.cpu_count()} core (dipakai bersama), gunicorn {a.workers} "
          f"worker sync, PostgreSQL (1 juta pemilih, DPS ditetapkan), Redis untuk batas; "
          f"loadavg 1 menit sebelum/sesudah {beban_awal:.2f}/{os.getloadavg()[0]:.2f}")
    for nama, h in (("1 klien", satu), (f"{a.clients} klien", banyak)):
        print(f"{nama}: {h['n']:,} permintaan dalam {h['durasi']:.1f} s ({h['rps']:.0f}/s); "
              f"p50 {h['p50']:.0f} ms, p95 {h['p95']:.0f} ms, p99 {h['p99']:.0f} ms, "
              f"maks {h['maks']:.0f} ms; status {h['status']}; jawaban salah {h['salah']}")
    print("jawaban salah = bukan 200 dari daftar yang ditetapkan (dengan hash) atau 422 NIK "
          "tidak valid")
    print(f"enumerasi dari satu alamat (60 NIK berbeda): {enum['dijawab']} dijawab, diblokir "
          f"mulai permintaan ke-{enum['pertama_blokir']}; kode {enum['kode']}; baris "
          f"peringatan baru {PeringatanCekDPT.objects.count() - peringatan_awal}")


if __name__ == "__main__":
    main()
