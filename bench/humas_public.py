"""Benchmark: p95 latency of the public article page under 100 concurrent clients over
real HTTP (gunicorn against PostgreSQL on loopback), bounded by a request count.

    .venv/bin/python bench/humas_public.py [--db postgres://.../h9_bench] [--permintaan 3000]
        [--klien 100] [--worker 3] [--tanpa-cache]

Public pages are kept in the server's cache (situs_views.situs_cache); --tanpa-cache runs
the server with a dummy cache (bench/humas_tanpa_cache.py) for the comparison.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time

BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/h9_bench"
PORT = 18931


def _siapkan_db(url: str) -> None:
    import psycopg

    nama = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')


def _bangun(jumlah: int) -> list[str]:
    """Regions of East Java, an editor of KPU Kota Probolinggo and `jumlah` published
    articles with an image and tags (built once)."""
    import io

    from django.core.management import call_command
    from PIL import Image

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.humas.models import Artikel
    from simpul.humas.situs_services import artikel_simpan, media_unggah, media_url
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor

    # Only the tables this benchmark touches (humas and what it depends on): an unrelated
    # app's unfinished migration in a shared tree does not stop it.
    call_command("migrate", "humas", verbosity=0)
    if not Wilayah.objects.filter(kode="35.74").exists():
        baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
        wilayah_impor(data=b"".join([baris[0]] + [b for b in baris[1:] if b.startswith(b"35")]))
    akun, _ = Akun.objects.get_or_create(username="bench_humas_situs", defaults={
        "peran": Peran.KPU_KAB_OPERATOR, "wilayah_id": "35.74"})
    ada = Artikel.objects.filter(kantor_id="35.74").count()
    paragraf = ("<p>Kab-probolinggo.kpu.go.id, Media sosial menjadi sarana sosialisasi KPU "
                "dalam mensukseskan Pemilihan tahun 2024. Setiap kegiatan PPS bisa "
                "dipublikasikan melalui akun media sosial masing-masing.</p>") * 6
    for i in range(ada, jumlah):
        b = io.BytesIO()
        Image.new("RGB", (800, 450), (i % 255, 80, 120)).save(b, "JPEG")
        m = media_unggah(akun=akun, data=b.getvalue(), nama_berkas=f"foto-{i}.jpg")
        artikel_simpan(akun=akun, judul=f"Berita kegiatan KPU nomor {i}", ringkasan="Ringkas.",
                       isi=paragraf + f'<figure><img src="{media_url(m)}" alt="foto"></figure>',
                       kategori="berita-terkini", tag=["pps", f"t{i % 10}"], status="terbit",
                       gambar_id=m.pk)
    return list(Artikel.objects.filter(kantor_id="35.74").values_list("slug", flat=True))


async def _beban(slug: list[str], permintaan: int, klien: int) -> tuple[list[float], int]:
    import httpx

    waktu: list[float] = []
    galat = 0
    antrean = iter(range(permintaan))

    async def satu(c: httpx.AsyncClient):
        nonlocal galat
        for i in antrean:
            mulai = time.perf_counter()
            r = await c.get(f"/kpu/35.74/berita/{slug[i % len(slug)]}/")
            waktu.append(time.perf_counter() - mulai)
            if r.status_code != 200 or b"og:title" not in r.content:
                galat += 1

    batas = httpx.Limits(max_connections=klien, max_keepalive_connections=klien)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}", limits=batas,
                                 timeout=60) as c:
        await asyncio.gather(*(satu(c) for _ in range(klien)))
    return waktu, galat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", BAWAAN_DB))
    ap.add_argument("--artikel", type=int, default=200)
    ap.add_argument("--permintaan", type=int, default=3000)
    ap.add_argument("--klien", type=int, default=100)
    ap.add_argument("--worker", type=int, default=3)
    ap.add_argument("--tanpa-cache", action="store_true")
    arg = ap.parse_args()
    _siapkan_db(arg.db)
    os.environ["DATABASE_URL"] = arg.db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simpul.settings")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()
    slug = _bangun(arg.artikel)
    env = {**os.environ, "DATABASE_URL": arg.db, "SIMPUL_CONN_MAX_AGE": "60",
           "SIMPUL_LOG_LEVEL": "ERROR"}
    if arg.tanpa_cache:
        env["DJANGO_SETTINGS_MODULE"] = "humas_tanpa_cache"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.dirname(
            os.path.abspath(__file__)), env.get("PYTHONPATH", "")]))
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "simpul.wsgi",
         "-b", f"127.0.0.1:{PORT}", "-w", str(arg.worker), "--backlog", "256",
         "--log-level", "warning"], env=env, cwd=os.path.join(os.path.dirname(__file__), ".."))
    try:
        import httpx

        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{PORT}/kpu/35.74/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        asyncio.run(_beban(slug, min(200, arg.permintaan), arg.klien))  # warm-up
        mulai = time.perf_counter()
        waktu, galat = asyncio.run(_beban(slug, arg.permintaan, arg.klien))
        total = time.perf_counter() - mulai
    finally:
        server.terminate()
        server.wait(timeout=20)
    q = statistics.quantiles(waktu, n=100)
    print(f"{len(waktu)} permintaan, {arg.klien} klien serentak, {arg.worker} worker gunicorn, "
          f"{galat} galat, cache {'mati' if arg.tanpa_cache else 'hidup'}")
    print(f"p50 {q[49] * 1000:.0f} ms · p95 {q[94] * 1000:.0f} ms · p99 {q[98] * 1000:.0f} ms · "
          f"{len(waktu) / total:.0f} permintaan/detik")


if __name__ == "__main__":
    main()
