"""Benchmark: every KPU Kab/Kota office submitting its pending DPTb in the last hour.

ANCHORS.md (SIDALIH, Jan 2024): at the DPTb deadline the national server could not cope;
offices had a thousand records pending and kept entering after the deadline. Here:

Set-up (timed apart, kept for later runs): the national region tree, a national election
polling in 30 days, per kabupaten/kota (all 514) a synthetic population of `--per-kab`
voters over two of its desa (`sintetis.penduduk_buat`), imported by the real import job
(COPY), mapped to TPS (`pemetaan_jalankan` per province) and fixed DPS → DPSHP →
DPSHP Akhir → DPT per province (a national fix has no territory code), one KPU Kab/Kota
operator per office, each with a fresh API token.

The peak, per `--langsung` value (`SIMPUL_DPTB_LANGSUNG`: entries per submission decided
inside the request; 0 sends everything to the worker): gunicorn (sync workers) and a real
Celery worker with Redis. Every office flushes a device queue of `--per-kantor` entries
(real voters of its DPT, to another TPS of its kab/kota, by id or by desa code and number)
in batches of 50 over HTTP, one office per client at a time, `--clients` offices at once;
some offices upload one CSV instead. A share of submissions is sent again right after its
answer (a lost response) and must create nothing. A few entries are bad on purpose (a NIK
one digit short, a NIK of an unknown kecamatan, an unknown TPS, a voter not in the DPT,
the same voter under a second key) and must come back with their code. Measured: intake
throughput and latency, the workers' decision throughput and time to drain, lock waits in
PostgreSQL, CPU per process group, peak RSS; then every entry is verified in the database.

    .venv/bin/python bench/pemilih_dptb.py [--db postgres://.../bench_dptb] [--per-kantor 1000]
        [--clients 128] [--web-workers 4] [--celery 2] [--langsung 50,0]

On the shared 2-core machine one value of `--langsung` with 1,000 entries per office took
19 min (set-up 8 min more on the first run); `--per-kantor 50` takes about 2 min a value.
"""

import argparse
import csv
import hashlib
import io
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import httpx

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(AKAR / "src"))
from dashboard import _port_bebas, jalankan_server  # noqa: E402
from pemilih_pemetaan import _django, _mb  # noqa: E402

BAWAAN_DB = "postgres://postgres@127.0.0.1:5432/bench_dptb"
NAMA_PEMILU = "Pemilu Bench DPTb"
TAHAP = ("dps", "dpshp", "dpshp_akhir", "dpt")
JENIS_BURUK = ("nik_format", "nik_wilayah", "tps_tidak_ada", "bukan_dpt", "sudah")
KODE_BURUK = {"nik_format": "nik.format", "nik_wilayah": "nik.wilayah_tidak_dikenal",
              "tps_tidak_ada": "pemilih.data_tidak_valid", "bukan_dpt": "pemilih.bukan_dpt",
              "sudah": "pemilih.dptb_sudah_tercatat"}
DITOLAK_SAAT_TERIMA = {"nik_format", "nik_wilayah", "tps_tidak_ada"}
TIK = os.sysconf("SC_CLK_TCK")


# --- the machine -----------------------------------------------------------------------------
def _cpu_detik(pid: int) -> float | None:
    try:
        bagian = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(bagian[11]) + int(bagian[12])) / TIK


def _rss_puncak_mb(pid: int) -> float:
    try:
        for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
            if baris.startswith("VmHWM:"):
                return int(baris.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _keturunan(pid: int) -> list[int]:
    anak: dict[int, list[int]] = defaultdict(list)
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                induk = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            anak[induk].append(int(p.name))
    hasil, antre = [], [pid]
    while antre:
        for a in anak[antre.pop()]:
            hasil.append(a)
            antre.append(a)
    return hasil


def _cpu_mesin() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine."""
    angka = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    diam = angka[3] + angka[4]
    return sum(angka) - diam, sum(angka)


# --- set-up ----------------------------------------------------------------------------------
def _kabkota() -> list[tuple[str, list[str]]]:
    """Every kabupaten/kota with two of its desa/kelurahan (the first by code)."""
    from simpul.wilayah.models import Wilayah

    desa = defaultdict(list)
    for kode in (Wilayah.objects.filter(tingkat__in=("desa", "kelurahan"), aktif=True)
                 .order_by("kode").values_list("kode", flat=True)):
        if len(desa[kode[:5]]) < 2:
            desa[kode[:5]].append(kode)
    kab = (Wilayah.objects.filter(tingkat__in=("kabupaten", "kota"), aktif=True)
           .order_by("kode").values_list("kode", flat=True))
    return [(k, desa[k]) for k in kab if desa[k]]


def siapkan(per_kab: int) -> tuple[object, dict[str, float]]:
    """The election with its DPT fixed in every province and one operator per office;
    returns the election and the time of each step (empty when it already existed)."""
    from django.core.management import call_command
    from django.db.models import Count

    from simpul.core.models import Akun
    from simpul.core.roles import Peran
    from simpul.pemilih.models import SalinanDaftar
    from simpul.pemilih.services import impor_mulai
    from simpul.pemilih.services_pemetaan import pemetaan_jalankan
    from simpul.pemilih.services_tahap import tahap_kunci, tahap_tetapkan
    from simpul.pemilih.sintetis import penduduk_buat
    from simpul.pemilu.models import JenisPemilu, Pemilu
    from simpul.pemilu.services import pemilu_buat
    from simpul.wilayah.models import Wilayah
    from simpul.wilayah.services import wilayah_impor

    waktu: dict[str, float] = {}
    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    if not Wilayah.objects.exists():
        wilayah_impor()
        waktu["wilayah (impor pohon nasional)"] = time.perf_counter() - t
    ri = Akun.objects.filter(username="bench_dptb_ri").first() or Akun.objects.create_user(
        username="bench_dptb_ri", password=None, peran=Peran.KPU_RI)
    kab = _kabkota()
    provinsi = sorted({k[:2] for k, _ in kab})
    pemilu = Pemilu.objects.filter(nama=NAMA_PEMILU).first()
    ditetapkan = set(SalinanDaftar.objects.filter(pemilu=pemilu, tahap="dpt")
                     .exclude(sha256="").values_list("wilayah_kode", flat=True))
    if pemilu is not None and ditetapkan >= set(provinsi):
        _pemungutan_nanti(pemilu)
        return pemilu, waktu
    if pemilu is not None:
        sys.exit(f"{NAMA_PEMILU} ada tetapi DPT belum lengkap: hapus basis datanya dahulu.")
    pemungutan = datetime.now().date() + timedelta(days=30)
    pemilu = pemilu_buat(akun=ri, nama=NAMA_PEMILU, jenis=JenisPemilu.PEMILU,
                         tanggal_pemungutan=pemungutan)

    t = time.perf_counter()
    import polars as pl

    bingkai = []
    for i, (_, desa) in enumerate(kab):
        daftar, _ = penduduk_buat(desa=desa, jumlah=per_kab, seed=1000 + i,
                                  tanggal_acuan=pemungutan)
        bingkai.append(daftar.drop("id_rekam"))
    daftar = pl.concat(bingkai)
    berkas = io.BytesIO()
    daftar.write_csv(berkas)
    waktu[f"penduduk sintetis {len(daftar):,} ({len(kab)} kab/kota × {per_kab:,})"] = (
        time.perf_counter() - t)
    t = time.perf_counter()
    job = impor_mulai(akun=ri, pemilu=pemilu, data=berkas.getvalue(), nama_berkas="dp4.csv",
                      latar=False)
    if job.status != "selesai":
        sys.exit(f"impor gagal: {job.pesan}")
    waktu[f"impor (COPY) {job.dibuat_jumlah:,} pemilih, {job.galat_jumlah} ditolak"] = (
        time.perf_counter() - t)
    del daftar, bingkai, berkas
    t = time.perf_counter()
    for prov in provinsi:
        pemetaan_jalankan(akun=ri, pemilu=pemilu, wilayah_kode=prov)
    waktu[f"pemetaan TPS ({len(provinsi)} provinsi)"] = time.perf_counter() - t
    for tahap in TAHAP:
        t = time.perf_counter()
        for prov in provinsi:
            tahap_kunci(akun=ri, pemilu=pemilu, wilayah_kode=prov, tahap=tahap)
            tahap_tetapkan(akun=ri, pemilu=pemilu, wilayah_kode=prov)
        waktu[f"kunci + tetapkan {tahap.upper()} ({len(provinsi)} provinsi)"] = (
            time.perf_counter() - t)
    t = time.perf_counter()
    ada = set(Akun.objects.filter(username__startswith="dptb_").values_list("username",
                                                                            flat=True))
    Akun.objects.bulk_create([
        Akun(username=f"dptb_{k}", peran=Peran.KPU_KAB_OPERATOR, wilayah_id=k, password="!")
        for k, _ in kab if f"dptb_{k}" not in ada])
    waktu[f"{len(kab)} akun operator KPU Kab/Kota"] = time.perf_counter() - t
    jumlah = (SalinanDaftar.objects.filter(pemilu=pemilu, tahap="dpt")
              .aggregate(n=Count("baris")))["n"]
    print(f"DPT ditetapkan: {jumlah:,} pemilih di {len(provinsi)} provinsi")
    return pemilu, waktu


def _pemungutan_nanti(pemilu) -> None:
    """A kept set-up whose polling day came too close: move it out, so entries are in time."""
    if pemilu.tanggal_pemungutan < datetime.now().date() + timedelta(days=10):
        pemilu.tanggal_pemungutan = datetime.now().date() + timedelta(days=30)
        pemilu.save(update_fields=["tanggal_pemungutan"])


# --- the plan --------------------------------------------------------------------------------
@dataclass
class Kiriman:
    """One HTTP submission: a JSON batch or a CSV file."""

    kantor: str
    badan: bytes
    berkas: bool = False
    ulang: bool = False  # sent again after its answer
    harapan: list[tuple[str, str]] = field(default_factory=list)  # (key, kind) per entry


@dataclass
class Kantor:
    kode: str
    token: str
    kiriman: list[Kiriman]


def _nik_bukan_dpt(nik: str, terdaftar: set[str], acak: random.Random) -> str:
    while True:
        lain = nik[:12] + f"{acak.randint(9000, 9999)}"
        if lain not in terdaftar:
            return lain


def rencana(pemilu, *, per_kantor: int, batch: int, berkas_tiap: int, ulang: float,
            buruk_tiap: int, kantor_maks: int, seed: int) -> list[Kantor]:
    """Per office: `per_kantor` distinct voters of its DPT to another TPS of its kab/kota,
    a bad entry every `buruk_tiap` offices (kinds in turn), batches of `batch`, every
    `berkas_tiap`-th office one CSV instead. Keys are fresh per run."""
    from simpul.core.models import Akun, TokenAPI
    from simpul.pemilih.models import SalinanDaftar, SalinanPemilih
    from simpul.pemilu.models import TPS

    acak = random.Random(seed)
    run = f"{int(time.time()):x}"
    dpt = list(SalinanDaftar.objects.filter(pemilu=pemilu, tahap="dpt").exclude(sha256="")
               .values_list("pk", flat=True))
    pemilih = defaultdict(list)
    for nik, tps_id, desa in (SalinanPemilih.objects.filter(salinan_id__in=dpt)
                              .values_list("nik", "tps_id", "desa_id").iterator(20_000)):
        pemilih[desa[:5]].append((nik, tps_id))
    terdaftar = {n for v in pemilih.values() for n, _ in v}
    tps = defaultdict(list)
    for pk, desa, nomor in TPS.objects.filter(pemilu=pemilu).values_list("pk", "desa_id",
                                                                         "nomor"):
        tps[desa[:5]].append((pk, desa, nomor))
    TokenAPI.objects.filter(akun__username__startswith="dptb_", nama="bench-dptb").update(
        dicabut=True)
    akun = {a.wilayah_id: a for a in Akun.objects.filter(username__startswith="dptb_")}
    kantor = []
    for i, kode in enumerate(sorted(akun)[:kantor_maks]):
        _, kunci_api = TokenAPI.terbitkan(akun=akun[kode], nama="bench-dptb")
        daftar = pemilih[kode]
        terpilih = acak.sample(daftar, min(per_kantor, len(daftar)))
        tps_id = {pk: (desa, nomor) for pk, desa, nomor in tps[kode]}
        entri = []
        for j, (nik, asal) in enumerate(terpilih):
            tujuan = acak.choice([t for t in tps_id if t != asal])
            entri.append((f"{run}-{kode}-{j:05d}", nik, tujuan, "baik"))
        if buruk_tiap and i % buruk_tiap == 0:
            jenis = JENIS_BURUK[(i // buruk_tiap) % len(JENIS_BURUK)]
            nik, asal = terpilih[0]
            tujuan = entri[0][2]
            nik = {"nik_format": nik[:15], "nik_wilayah": "999999" + nik[6:],
                   "bukan_dpt": _nik_bukan_dpt(nik, terdaftar, acak)}.get(jenis, nik)
            entri.insert(acak.randint(len(entri) // 2, len(entri)),
                         (f"{run}-{kode}-buruk", nik, -1 if jenis == "tps_tidak_ada" else tujuan,
                          jenis))
        if berkas_tiap and i % berkas_tiap == berkas_tiap // 2:
            kiriman = [_berkas(kode, entri, tps_id, acak)]
        else:
            kiriman = [_batch(kode, entri[a:a + batch], tps_id, acak, pemilu.pk)
                       for a in range(0, len(entri), batch)]
        for k in kiriman:
            k.ulang = acak.random() < ulang
        kantor.append(Kantor(kode, kunci_api, kiriman))
    return kantor


def _tujuan_teks(tujuan: int, tps_id: dict) -> tuple[str, str]:
    if tujuan == -1:
        return sorted(v[0] for v in tps_id.values())[0], "999"
    desa, nomor = tps_id[tujuan]
    return desa, str(nomor)


def _batch(kode, entri, tps_id, acak, pemilu_id) -> Kiriman:
    isi = []
    for kunci, nik, tujuan, _ in entri:
        e = {"kunci": kunci, "nik": nik, "alasan": "bekerja di luar domisili",
             "nomor_surat": f"A-SPM/{kunci[-5:]}",
             "waktu_perangkat": (datetime.now().astimezone()
                                 - timedelta(hours=acak.uniform(0, 48))).isoformat()}
        if tujuan != -1 and acak.random() < 0.5:
            e["tps_tujuan_id"] = tujuan
        else:
            e["kode_desa_tujuan"], tps = _tujuan_teks(tujuan, tps_id)
            e["tps_tujuan"] = int(tps)
        isi.append(e)
    badan = json.dumps({"pemilu_id": pemilu_id, "entri": isi}).encode()
    return Kiriman(kode, badan, harapan=[(k, j) for k, _, _, j in entri])


def _berkas(kode, entri, tps_id, acak) -> Kiriman:
    teks = io.StringIO()
    tulis = csv.writer(teks)
    tulis.writerow(["nik", "kode_desa_tujuan", "tps_tujuan", "alasan", "nomor_surat",
                    "tanggal_surat"])
    for _, nik, tujuan, _ in entri:
        tulis.writerow([nik, *_tujuan_teks(tujuan, tps_id), "pindah tugas", "",
                        datetime.now().date().isoformat()])
    badan = teks.getvalue().encode()
    sha = hashlib.sha256(badan).hexdigest()
    # The server keys each row by the file's hash and line (header is line 1).
    return Kiriman(kode, badan, berkas=True,
                   harapan=[(f"berkas:{sha[:32]}:{n}", j)
                            for n, (_, _, _, j) in enumerate(entri, start=2)])


# --- the peak --------------------------------------------------------------------------------
@dataclass
class Catatan:
    jenis: str  # batch, ulang, berkas
    detik: float
    status: int
    entri: int
    salah: list[str]
    dikirim: float  # wall clock, to bracket the server's receipt time
    dijawab: float
    diterima: list[str] = field(default_factory=list)


def _periksa_jawaban(k: Kiriman, r: httpx.Response, ulang: bool, langsung: int) -> list[str]:
    """What is wrong with one answer (empty list: nothing)."""
    if r.status_code != 202:
        return [f"HTTP {r.status_code}: {r.text[:200]}"]
    d = r.json()
    baik_bentuk = [j for _, j in k.harapan if j not in DITOLAK_SAAT_TERIMA]
    if k.berkas:
        if ulang:
            salah = d["jumlah"] != 0 or d["ulang"] != len(baik_bentuk)
        else:
            salah = d["jumlah"] != len(baik_bentuk)
        salah |= d["ditolak_bentuk"] != len(k.harapan) - len(baik_bentuk)
        return [f"berkas: {d}"] if salah else []
    galat = []
    for (kunci, jenis), h in zip(k.harapan, d["hasil"], strict=True):
        if h["kunci"] != kunci:
            galat.append(f"urutan {kunci} ≠ {h['kunci']}")
        elif jenis in DITOLAK_SAAT_TERIMA:
            if h["status"] != "ditolak" or h["kode"] != KODE_BURUK[jenis] or h["entri_id"]:
                galat.append(f"{jenis}: {h}")
        elif ulang and not h.get("ulang"):
            galat.append(f"ulang tanpa tanda: {h}")
        elif langsung and jenis == "baik" and h["status"] != "dicatat":
            galat.append(f"baik tidak dicatat: {h}")
        elif langsung and jenis == "bukan_dpt" and h["kode"] != KODE_BURUK[jenis]:
            galat.append(f"bukan_dpt: {h}")
        elif not langsung and not ulang and h["status"] != "antre":
            galat.append(f"tidak antre: {h}")
    return galat


def puncak(*, basis: str, kantor: list[Kantor], klien: int, pemilu_id: int,
           langsung: int) -> tuple[list[Catatan], float, float]:
    """Each client flushes one office's queue after another, in order; returns the
    records, the start and the end (perf_counter)."""
    sisa = iter(kantor)
    kunci = threading.Lock()
    catatan: list[Catatan] = []

    def kirim(c: httpx.Client, k: Kiriman, token: str, ulang: bool) -> Catatan:
        kepala = {"Authorization": f"Bearer {token}"}
        dikirim = time.time()
        t = time.perf_counter()
        try:
            if k.berkas:
                r = c.post("/api/v1/pemilih/dptb/impor", headers=kepala,
                           data={"pemilu_id": str(pemilu_id)},
                           files={"berkas": (f"dptb-{k.kantor}.csv", k.badan, "text/csv")})
            else:
                r = c.post("/api/v1/pemilih/dptb/kirim", content=k.badan,
                           headers=kepala | {"Content-Type": "application/json"})
            detik = time.perf_counter() - t
            salah = _periksa_jawaban(k, r, ulang, langsung)
            d = r.json() if r.status_code == 202 else {}
            diterima = [d["diterima"]] if k.berkas else sorted(
                {h["diterima"] for h in d.get("hasil", []) if h.get("diterima")
                 and not h.get("ulang")})
            kode = r.status_code
        except (httpx.HTTPError, ValueError) as e:
            detik, kode, salah, diterima = time.perf_counter() - t, 0, [repr(e)], []
        return Catatan("berkas" if k.berkas else "ulang" if ulang else "batch", detik, kode,
                       len(k.harapan), salah, dikirim, time.time(), diterima)

    def pekerja():
        with httpx.Client(base_url=basis, timeout=300) as c:
            while True:
                with kunci:
                    kt = next(sisa, None)
                if kt is None:
                    return
                for k in kt.kiriman:
                    hasil = [kirim(c, k, kt.token, False)]
                    if k.ulang:
                        hasil.append(kirim(c, k, kt.token, True))
                    with kunci:
                        catatan.extend(hasil)

    mulai = time.perf_counter()
    with ThreadPoolExecutor(klien) as ex:
        for f in [ex.submit(pekerja) for _ in range(klien)]:
            f.result()
    return catatan, mulai, time.perf_counter()


class Pemantau(threading.Thread):
    """Once a second: backends of this database waiting on a lock vs active, entries
    still pending, CPU time of the database backends serving this database."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.berhenti = url, threading.Event()
        self.aktif: list[int] = []
        self.kunci: list[int] = []
        self.antre: list[tuple[float, int]] = []
        self.cpu_pg: dict[int, tuple[float, float]] = {}  # pid: (first, last) CPU seconds

    def run(self):
        import psycopg

        nama = self.url.rsplit("/", 1)[1]
        with psycopg.connect(self.url, autocommit=True) as c:
            while not self.berhenti.wait(1.0):
                baris = c.execute(
                    "SELECT pid, state, wait_event_type FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()", [nama]).fetchall()
                self.aktif.append(sum(1 for _, s, _ in baris if s == "active"))
                self.kunci.append(sum(1 for _, s, w in baris if s == "active" and w == "Lock"))
                for pid, _, _ in baris:
                    cpu = _cpu_detik(pid)
                    if cpu is not None:
                        self.cpu_pg[pid] = (self.cpu_pg.get(pid, (cpu, cpu))[0], cpu)
                n = c.execute("SELECT count(*) FROM pemilih_entridptb WHERE status = 'antre'"
                              ).fetchone()[0]
                self.antre.append((time.perf_counter(), n))

    def cpu_postgres(self) -> float:
        return sum(b - a for a, b in self.cpu_pg.values())


def _q(xs: list[float], p: float) -> float:
    return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000 if xs else 0.0


def _mulai_worker(url: str, concurrency: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "simpul.settings"}
    with log.open("w") as f:
        return subprocess.Popen([sys.executable, "-m", "simpul.cli", "pemilih", "worker",
                                 "--concurrency", str(concurrency)], env=env, stdout=f,
                                stderr=subprocess.STDOUT)


def _henti(proses: subprocess.Popen) -> None:
    proses.terminate()
    try:
        proses.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait()


def _bersihkan() -> None:
    from django.db import connection

    with connection.cursor() as c:
        c.execute("TRUNCATE pemilih_pindahmemilih, pemilih_entridptb, pemilih_kirimandptb")


def putaran(*, a, pemilu, langsung: int) -> dict:
    """One peak with `SIMPUL_DPTB_LANGSUNG=langsung`, then the drain and the checks."""
    import redis
    from django.db import connections

    from simpul.core.models import AuditEntry

    _bersihkan()
    t = time.perf_counter()
    kantor = rencana(pemilu, per_kantor=a.per_kantor, batch=a.batch, berkas_tiap=a.berkas_tiap,
                     ulang=a.ulang, buruk_tiap=a.buruk_tiap, kantor_maks=a.kantor,
                     seed=a.seed)
    t_rencana = time.perf_counter() - t
    seq_awal = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    connections.close_all()
    redis.Redis.from_url(a.redis).flushdb()
    os.environ.update({"SIMPUL_REDIS_URL": a.redis, "SIMPUL_LOG_LEVEL": "ERROR",
                       "SIMPUL_DPTB_LANGSUNG": str(langsung)})
    log = AKAR / "bench" / "out" / f"dptb_worker_{langsung}.log"
    log.parent.mkdir(exist_ok=True)
    worker = _mulai_worker(a.db, a.celery, log)
    port = _port_bebas()
    server = jalankan_server(url=a.db, port=port, workers=a.web_workers, conn_max_age=600)
    pemantau = Pemantau(a.db)
    try:
        time.sleep(3)  # the worker's pool is up before the first file arrives
        beban_awal = os.getloadavg()
        cpu0 = _cpu_mesin()
        web = _keturunan(server.pid)
        cel = [worker.pid, *_keturunan(worker.pid)]
        cpu_web0 = {p: _cpu_detik(p) or 0 for p in web}
        cpu_cel0 = {p: _cpu_detik(p) or 0 for p in cel}
        diri0 = resource.getrusage(resource.RUSAGE_SELF)
        pemantau.start()
        catatan, mulai, selesai = puncak(basis=f"http://127.0.0.1:{port}", kantor=kantor,
                                         klien=a.clients, pemilu_id=pemilu.pk,
                                         langsung=langsung)
        diri1 = resource.getrusage(resource.RUSAGE_SELF)
        beban_puncak = os.getloadavg()
        cpu1 = _cpu_mesin()
        batas = time.monotonic() + a.max_drain
        while time.monotonic() < batas:
            if pemantau.antre and pemantau.antre[-1][0] > selesai and pemantau.antre[-1][1] == 0:
                break
            time.sleep(1)
        kuras = time.perf_counter()
        pemantau.berhenti.set()
        pemantau.join()
        cpu2 = _cpu_mesin()
        cpu_web = sum((_cpu_detik(p) or 0) - cpu_web0[p] for p in web)
        cpu_cel = sum((_cpu_detik(p) or 0) - cpu_cel0[p] for p in cel)
        rss_web = [_rss_puncak_mb(p) for p in web]
        rss_cel = [_rss_puncak_mb(p) for p in cel]
    finally:
        _henti(server)
        _henti(worker)
    hasil = {
        "langsung": langsung, "rencana_detik": t_rencana, "catatan": catatan, "mulai": mulai,
        "selesai": selesai, "kuras": kuras, "beban_awal": beban_awal, "beban_puncak": beban_puncak,
        "cpu_mesin_puncak": (cpu1[0] - cpu0[0]) / max(1, cpu1[1] - cpu0[1]),
        "cpu_mesin_kuras": (cpu2[0] - cpu1[0]) / max(1, cpu2[1] - cpu1[1]),
        "cpu_web": cpu_web, "cpu_celery": cpu_cel, "cpu_pg": pemantau.cpu_postgres(),
        "cpu_bench": (diri1.ru_utime + diri1.ru_stime) - (diri0.ru_utime + diri0.ru_stime),
        "rss_web": rss_web, "rss_celery": rss_cel, "rss_bench": _mb(),
        "aktif": pemantau.aktif, "kunci": pemantau.kunci, "antre": pemantau.antre,
    }
    hasil["periksa"] = periksa(pemilu=pemilu, kantor=kantor, catatan=catatan, seq_awal=seq_awal)
    return hasil


# --- the checks ------------------------------------------------------------------------------
def periksa(*, pemilu, kantor: list[Kantor], catatan: list[Catatan], seq_awal: int) -> dict:
    """Every entry received once, every good one recorded once, bad ones with their code,
    receipt time inside the request and before the decision, one audit entry each."""
    from django.db.models import Count, F, Max, Min, Q

    from simpul.core.models import AuditEntry
    from simpul.pemilih.models import EntriDPTb, KirimanDPTb, PindahMemilih

    harapan = {k: j for kt in kantor for ks in kt.kiriman for k, j in ks.harapan}
    disimpan = {k: j for k, j in harapan.items() if j not in DITOLAK_SAAT_TERIMA}
    db = {e["kunci"]: e for e in EntriDPTb.objects.values("kunci", "status", "kode", "nik")}
    galat = []
    if set(db) != set(disimpan):
        galat.append(f"kunci: {len(set(disimpan) - set(db))} hilang, "
                     f"{len(set(db) - set(disimpan))} tak dikenal")
    salah_kode = Counter()
    for k, j in disimpan.items():
        e = db.get(k)
        if e is None:
            continue
        if j == "baik" and e["status"] != "dicatat":
            # The second key of a voter may win the race; its pair is then the one refused.
            b = _pasangan(k)
            if not (e["kode"] == KODE_BURUK["sudah"] and harapan.get(b) == "sudah"
                    and db.get(b, {}).get("nik") == e["nik"] and db[b]["status"] == "dicatat"):
                salah_kode[f"baik→{e['status']}/{e['kode']}"] += 1
        elif j != "baik" and (e["status"], e["kode"]) != ("ditolak", KODE_BURUK[j]):
            if not (j == "sudah" and e["status"] == "dicatat"):
                salah_kode[f"{j}→{e['status']}/{e['kode']}"] += 1
    if salah_kode:
        galat.append(f"keputusan salah: {dict(salah_kode)}")
    pemilih_baik = {e["nik"] for k, e in db.items() if disimpan.get(k) == "baik"}
    pm = PindahMemilih.objects.filter(pemilu=pemilu)
    n_pm = pm.count()
    if n_pm != len(pemilih_baik):
        galat.append(f"PindahMemilih {n_pm} ≠ pemilih baik {len(pemilih_baik)}")
    ganda = pm.values("pemilih_id").annotate(n=Count("pk")).filter(n__gt=1).count()
    if ganda:
        galat.append(f"{ganda} pemilih tercatat lebih dari sekali")
    n_dicatat = EntriDPTb.objects.filter(status="dicatat").count()
    if n_dicatat != n_pm or pm.exclude(entri__status="dicatat").exists():
        galat.append(f"entri dicatat {n_dicatat} ≠ PindahMemilih {n_pm}")
    if pm.exclude(diterima=F("entri__diterima")).exists():
        galat.append("PindahMemilih.diterima ≠ waktu terima entri")
    belum = EntriDPTb.objects.filter(Q(status="antre") | Q(diproses__isnull=True)).count()
    if belum:
        galat.append(f"{belum} entri belum diputuskan")
    if EntriDPTb.objects.filter(diproses__lt=F("diterima")).exists():
        galat.append("ada entri diputuskan sebelum diterima")
    if EntriDPTb.objects.exclude(diterima=F("kiriman__diterima")).exists():
        galat.append("waktu terima entri ≠ waktu terima kirimannya")
    luar = 0
    for c in catatan:
        for d in c.diterima:
            w = datetime.fromisoformat(d).timestamp()
            luar += not (c.dikirim - 0.01 <= w <= c.dijawab + 0.01)
    if luar:
        galat.append(f"{luar} waktu terima di luar rentang permintaannya")
    audit = Counter(AuditEntry.objects.filter(seq__gt=seq_awal, aksi__startswith="pemilih.dptb")
                    .values_list("aksi", flat=True))
    n_kiriman = KirimanDPTb.objects.count()
    if audit["pemilih.dptb_catat"] != n_pm or audit["pemilih.dptb_terima"] != n_kiriman:
        galat.append(f"audit {dict(audit)} ≠ {n_pm} dicatat, {n_kiriman} kiriman")
    terbuka = KirimanDPTb.objects.exclude(status="selesai").count()
    if terbuka:
        galat.append(f"{terbuka} kiriman belum selesai padahal tak ada entri antre")
    if n_kiriman != len(catatan):
        galat.append(f"kiriman {n_kiriman} ≠ permintaan {len(catatan)}")
    rusak = _rantai_rusak(seq_awal)
    if rusak:
        galat.append(rusak)
    waktu = EntriDPTb.objects.aggregate(tunda=Max(F("diproses") - F("diterima")),
                                        awal=Min("diproses"), akhir=Max("diproses"))
    return {"galat": galat, "disimpan": len(db), "dicatat": n_pm, "ditolak_bentuk": len(
        harapan) - len(disimpan), "buruk": Counter(j for j in harapan.values() if j != "baik"),
        "audit": dict(audit), **waktu}


def _rantai_rusak(seq_awal: int) -> str:
    """The part of the audit chain written during the run: numbered without gaps, each
    entry linked to the one before and its hash recomputed (the whole chain is checked
    by `simpul audit verify`)."""
    from simpul.core.audit import hitung_hash
    from simpul.core.models import AuditEntry

    lalu = AuditEntry.objects.get(seq=seq_awal).hash if seq_awal else "0" * 64
    for n, e in enumerate(AuditEntry.objects.filter(seq__gt=seq_awal).order_by("seq")
                          .iterator(chunk_size=5000), start=seq_awal + 1):
        if e.seq != n or e.hash_sebelumnya != lalu or hitung_hash(e) != e.hash:
            return f"rantai audit rusak di #{n}"
        lalu = e.hash
    return ""


def _pasangan(kunci: str) -> str:
    """The bad key of the same office (the second key for a voter)."""
    return kunci.rsplit("-", 1)[0] + "-buruk"


# --- report ----------------------------------------------------------------------------------
def lapor(h: dict, a) -> None:
    cat = h["catatan"]
    durasi = h["selesai"] - h["mulai"]
    pertama = [c for c in cat if c.jenis != "ulang"]
    entri = sum(c.entri for c in pertama)
    lima = Counter(c.status for c in cat if c.status >= 500 or c.status == 0)
    salah = [s for c in cat for s in c.salah]
    print(f"\n## SIMPUL_DPTB_LANGSUNG={h['langsung']} "
          f"({'diputuskan di dalam permintaan' if h['langsung'] else 'semua ke worker'})")
    print(f"rencana (DPT dibaca, token diterbitkan) {h['rencana_detik']:.1f} s")
    print(f"penerimaan: {entri:,} entri dalam {len(cat):,} permintaan "
          f"({len(pertama):,} pertama + {len(cat) - len(pertama):,} kirim ulang) dalam "
          f"{durasi:.1f} s: {entri / durasi:,.0f} entri/s, {len(cat) / durasi:.1f} permintaan/s")
    for jenis in ("batch", "ulang", "berkas"):
        w = sorted(c.detik for c in cat if c.jenis == jenis)
        if w:
            print(f"  {jenis:6} n={len(w):,}: p50 {_q(w, .5):,.0f} ms, p95 {_q(w, .95):,.0f} ms, "
                  f"p99 {_q(w, .99):,.0f} ms, maks {w[-1] * 1000:,.0f} ms")
    print(f"  status {dict(Counter(c.status for c in cat))}; 5xx/putus {dict(lima) or 'tidak ada'}"
          f"; jawaban salah {len(salah)}" + (f" (mis. {salah[:3]})" if salah else ""))
    kuras = h["kuras"] - h["selesai"]
    antre_maks = max((n for _, n in h["antre"]), default=0)
    sisa = next((n for t, n in h["antre"] if t >= h["selesai"]), 0)
    print(f"keputusan: antrean terpanjang {antre_maks:,} entri; {sisa:,} tersisa saat kiriman "
          f"terakhir dijawab, habis {kuras:.1f} s kemudian"
          + (f" ({a.celery} proses worker tanpa beban penerimaan: {sisa / kuras:,.0f} entri/s)"
             if sisa > 1000 else ""))
    p = h["periksa"]
    rentang = (p["akhir"] - p["awal"]).total_seconds() if p["awal"] else 0
    laju = p["disimpan"] / max(rentang, 1e-9)
    print(f"  diputuskan {p['disimpan']:,} entri, tercatat {p['dicatat']:,}, dalam "
          f"{rentang:.1f} s (keputusan pertama → terakhir): {laju:,.0f} entri/s; "
          f"tunda terima → putus maks {p['tunda'].total_seconds():.1f} s")
    print(f"beban mesin (1/5/15 menit) sebelum {'/'.join(f'{x:.1f}' for x in h['beban_awal'])},"
          f" di akhir puncak {'/'.join(f'{x:.1f}' for x in h['beban_puncak'])}; CPU mesin sibuk "
          f"{h['cpu_mesin_puncak']:.0%} selama puncak, {h['cpu_mesin_kuras']:.0%} selama kuras")
    print(f"  CPU-detik selama puncak+kuras: gunicorn {h['cpu_web']:.0f}, celery "
          f"{h['cpu_celery']:.0f}, PostgreSQL (backend basis data ini) {h['cpu_pg']:.0f}; "
          f"bench (klien) {h['cpu_bench']:.0f} selama puncak")
    aktif = h["aktif"] or [0]
    print(f"  backend PostgreSQL aktif rata-rata {statistics.fmean(aktif):.1f} (maks "
          f"{max(aktif)}), menunggu kunci rata-rata {statistics.fmean(h['kunci'] or [0]):.1f}"
          f" (maks {max(h['kunci'] or [0])})")
    print(f"  RSS puncak: gunicorn {len(h['rss_web'])} proses maks "
          f"{max(h['rss_web'], default=0):.0f} MB (jumlah {sum(h['rss_web']):.0f} MB); celery "
          f"{len(h['rss_celery'])} proses maks {max(h['rss_celery'], default=0):.0f} MB "
          f"(jumlah {sum(h['rss_celery']):.0f} MB); bench {h['rss_bench']:.0f} MB")
    print(f"periksa: entri buruk {dict(p['buruk'])}, {p['ditolak_bentuk']} ditolak saat terima;"
          f" audit {p['audit']}")
    print("  " + ("SEMUA BENAR: tiap entri diterima sekali, tiap entri baik tercatat sekali, "
                  "PindahMemilih = pemilih baik, waktu terima di dalam permintaannya dan "
                  "sebelum keputusan, satu audit per kiriman dan per catatan, rantai audit "
                  "utuh, tiap kiriman selesai"
                  if not p["galat"] else f"GALAT: {p['galat']}"))
    laju = entri / (durasi + (kuras if not h["langsung"] else 0))
    print(f"satu jam untuk 514.000 entri (143 entri/s): laju ujung-ke-ujung {laju:,.0f} "
          f"entri/s = {laju / 143:.1f}× kebutuhan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=BAWAAN_DB)
    ap.add_argument("--redis", default=os.environ.get("SIMPUL_REDIS_URL",
                                                      "redis://127.0.0.1:6379/8"))
    ap.add_argument("--per-kab", type=int, default=1050, help="pemilih per kab/kota")
    ap.add_argument("--per-kantor", type=int, default=1000, help="entri DPTb per kantor")
    ap.add_argument("--kantor", type=int, default=1000, help="paling banyak sekian kantor")
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--clients", type=int, default=128)
    ap.add_argument("--web-workers", type=int, default=4)
    ap.add_argument("--celery", type=int, default=2, help="proses worker Celery")
    ap.add_argument("--langsung", default="50,0", help="nilai SIMPUL_DPTB_LANGSUNG, koma")
    ap.add_argument("--berkas-tiap", type=int, default=20, help="tiap kantor ke-n kirim CSV")
    ap.add_argument("--ulang", type=float, default=0.05, help="bagian kiriman dikirim ulang")
    ap.add_argument("--buruk-tiap", type=int, default=6, help="entri buruk tiap kantor ke-n")
    ap.add_argument("--max-drain", type=float, default=1800)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    # A stopped bench still stops its server and worker (the `finally` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("beban dihentikan"))
    os.environ["PYTHONPATH"] = str(AKAR / "src")  # gunicorn and Celery run this tree's code
    _django(a.db)
    t = time.perf_counter()
    pemilu, waktu = siapkan(a.per_kab)
    print(f"# DPTb di tenggat: {os.cpu_count()} core (dipakai bersama), gunicorn "
          f"{a.web_workers} worker sync, Celery {a.celery} proses, Redis, PostgreSQL; "
          f"{a.clients} klien serentak, batch {a.batch}")
    if waktu:
        print(f"persiapan {time.perf_counter() - t:.0f} s:")
        for nama, d in waktu.items():
            print(f"  {nama}: {d:.1f} s")
    else:
        print("persiapan: dipakai ulang dari putaran sebelumnya")
    for langsung in (int(x) for x in a.langsung.split(",")):
        lapor(putaran(a=a, pemilu=pemilu, langsung=langsung), a)


if __name__ == "__main__":
    main()
