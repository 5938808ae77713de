"""TPS mapping: the pure algorithm (`pemetaan.tps_petakan`) run over an election's voters
in a territory, written back in bulk, and moves of a family by hand with the constraint
check shown before saving. Audited like every change to a voter."""

import io
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

import polars as pl
from django.core.cache import cache
from django.db import OperationalError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid, Konflik, SimpulError, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_KPU
from simpul.core.scope import Cakupan, di_bawah, leluhur, q_subpohon
from simpul.pemilu.models import TPS, Pemilu

from .errors import KodePemilih
from .kunci import tahap_wajib_terbuka
from .models import PemetaanTPS, Pemilih, RincianTPS, RiwayatPemilih, StatusImpor, StatusPemilih
from .pemetaan import CekPindah, _tiga, pindah_periksa, tps_petakan
from .services import _wajib_pemilu

log = logging.getLogger(__name__)
PESAN_KELOLA = "Hanya KPU di wilayah ini yang dapat memetakan pemilih ke TPS."


def _wilayah_pemetaan(cakupan: Cakupan, pemilu: Pemilu, wilayah_kode: str | None) -> str:
    kode = wilayah_kode or cakupan.akar or pemilu.cakupan_id
    if not kode:
        raise DataTidakValid("Pilih wilayah yang dipetakan (kabupaten/kota atau lebih kecil).",
                             code=KodePemilih.DATA_TIDAK_VALID)
    cakupan.wajib_mengelola(kode, PESAN_KELOLA)
    if not di_bawah(kode, pemilu.cakupan_id):
        raise DataTidakValid(f"{kode} di luar cakupan {pemilu.nama}.",
                             code=KodePemilih.DI_LUAR_WILAYAH)
    return kode


def _baca(pemilu: Pemilu, kode: str, *, kunci: bool = False) -> pl.DataFrame:
    """Active voters of the territory as plain columns (COPY out on PostgreSQL). With
    `kunci` the rows are locked as they are read (FOR NO KEY UPDATE): a hand move or a
    coklit save waits for the mapping, so what it writes rests on what it read."""
    kolom = {"id": pl.Int64, "desa": pl.Utf8, "rw": pl.Utf8, "rt": pl.Utf8, "nkk": pl.Utf8,
             "tps_id": pl.Int64}
    qs = (Pemilih.objects.filter(pemilu=pemilu, status=StatusPemilih.AKTIF)
          .filter(q_subpohon("desa_id", kode)))
    qs = ((qs.select_for_update(no_key=True) if kunci else qs).order_by()
          .values_list("id", "desa_id", "rw", "rt", "nkk", "tps_id"))
    if connection.vendor == "postgresql":
        sql, param = qs.query.sql_with_params()
        with connection.cursor() as c:
            teks = c.cursor.mogrify(sql, param)
            buf = io.BytesIO()
            with c.cursor.copy(f"COPY ({teks}) TO STDOUT WITH (FORMAT csv)") as copy:
                for blok in copy:
                    buf.write(blok)
        if not buf.getbuffer().nbytes:
            return pl.DataFrame(schema=kolom)
        buf.seek(0)
        return pl.read_csv(buf, has_header=False, schema=kolom)
    return pl.DataFrame(list(qs), schema=kolom, orient="row")


def _tps_siapkan(*, akun, pemilu: Pemilu, per_tps: pl.DataFrame, kode: str
                 ) -> tuple[dict[tuple[str, int], int], list[str], list[str]]:
    """TPS 1..k of each desa: existing rows reused, missing ones created. Returns the id
    per (desa, number), the TPS created, and existing TPS left without voters."""
    ada = {(t.desa_id, t.nomor): t.pk for t in TPS.objects.filter(pemilu=pemilu).filter(
        q_subpohon("desa_id", kode))}
    perlu = set(per_tps.select("desa", "nomor").iter_rows())
    baru = [TPS(pemilu=pemilu, desa_id=d, nomor=n) for d, n in sorted(perlu - set(ada))]
    if baru:
        TPS.objects.bulk_create(baru)
        for t in TPS.objects.filter(pemilu=pemilu, desa_id__in={t.desa_id for t in baru}):
            ada[(t.desa_id, t.nomor)] = t.pk
    desa_dipetakan = {d for d, _ in perlu}
    kosong = sorted(f"{d} TPS {n:03d}" for d, n in set(ada) - perlu if d in desa_dipetakan)
    return ada, [f"{t.desa_id} TPS {t.nomor:03d}" for t in baru], kosong


def _tulis_postgres(akun, pindah: pl.DataFrame, alasan: str) -> None:
    """One UPDATE of the voters that move (COPY into a staging table first); a history row
    for each that changes TPS, read back after the UPDATE so it carries the new version."""
    sekarang = timezone.now()
    with connection.cursor() as c:
        c.execute("DROP TABLE IF EXISTS pemilih_peta")
        c.execute("CREATE TEMP TABLE pemilih_peta (id bigint PRIMARY KEY, tps_id bigint, "
                  "tps_lama bigint) ON COMMIT DROP")
        with c.cursor.copy("COPY pemilih_peta FROM STDIN WITH (FORMAT csv)") as copy:
            for i in range(0, len(pindah), 200_000):
                copy.write(pindah.slice(i, 200_000).select("id", "tps_id", "tps_lama")
                           .write_csv(include_header=False))
        c.execute("ANALYZE pemilih_peta")
        c.execute("""
            UPDATE pemilih_pemilih p SET tps_id = s.tps_id, versi = p.versi + 1, diubah = %s
            FROM pemilih_peta s WHERE p.id = s.id""", [sekarang])
        c.execute("""
            INSERT INTO pemilih_riwayatpemilih
                (pemilih_id, waktu, akun_id, akun_username, aksi, versi, sebelum, sesudah,
                 alasan)
            SELECT p.id, %s, %s, %s, 'pemilih.tps_petakan', p.versi,
                   jsonb_build_object('tps_id', s.tps_lama),
                   jsonb_build_object('tps_id', s.tps_id), %s
            FROM pemilih_peta s JOIN pemilih_pemilih p ON p.id = s.id
            WHERE s.tps_lama IS NOT NULL""",
                  [sekarang, getattr(akun, "pk", None), getattr(akun, "username", "") or "sistem",
                   alasan])
        c.execute("DROP TABLE pemilih_peta")


def _tulis_orm(akun, pindah: pl.DataFrame, alasan: str) -> None:
    lama = {i: t for i, _, t in pindah.select("id", "tps_id", "tps_lama").iter_rows()}
    tujuan = dict(pindah.select("id", "tps_id").iter_rows())
    ubah, riwayat = [], []
    sekarang = timezone.now()
    ids = list(tujuan)
    for i in range(0, len(ids), 900):
        for p in Pemilih.objects.filter(pk__in=ids[i:i + 900]):
            p.tps_id, p.versi, p.diubah = tujuan[p.pk], p.versi + 1, sekarang
            ubah.append(p)
            if lama[p.pk] is not None:
                riwayat.append(RiwayatPemilih(
                    pemilih_id=p.pk, waktu=sekarang, akun=akun, aksi="pemilih.tps_petakan",
                    akun_username=getattr(akun, "username", "") or "sistem", versi=p.versi,
                    sebelum={"tps_id": lama[p.pk]}, sesudah={"tps_id": tujuan[p.pk]},
                    alasan=alasan))
    Pemilih.objects.bulk_update(ubah, ["tps_id", "versi", "diubah"], batch_size=500)
    RiwayatPemilih.objects.bulk_create(riwayat, batch_size=500)


# Phases of a running job (percent, label), kept in the shared cache: the job's own
# transaction hides its writes until it commits.
FASE = {"membaca": (10, _("membaca daftar pemilih")),
        "memetakan": (25, _("memetakan KK dan RT ke TPS")),
        "menulis": (35, _("menulis TPS pemilih yang berpindah")),
        "memeriksa": (85, _("memeriksa rujukan data"))}
BASI = timedelta(minutes=15)
KELAS_KUNCI_PEMETAAN = 0x5151  # advisory lock: one start of a mapping per election at once


def _kunci_fase(pk: int) -> str:
    return f"pemilih.pemetaan.{pk}.fase"


def pemetaan_fase(run: PemetaanTPS) -> tuple[str, str, int]:
    """(status, phase label, percent) of a run as its page shows it: a queued run a worker
    has started is `berjalan`, with the phase it is in."""
    if run.status != StatusImpor.ANTRE:
        return run.status, "", 100 if run.status == StatusImpor.SELESAI else 0
    fase = FASE.get(cache.get(_kunci_fase(run.pk)) or "")
    if fase is None:
        return StatusImpor.ANTRE, str(_("menunggu giliran")), 0
    return StatusImpor.BERJALAN, str(fase[1]), fase[0]


def pemetaan_mulai(*, akun, pemilu: Pemilu, wilayah_kode: str | None = None,
                   latar: bool = True) -> PemetaanTPS:
    """Check who asks for what, then queue the mapping of the territory as a job (or run it
    now when `latar` is False). A territory overlapping one still queued or running is
    refused (`pemetaan.sedang_berjalan`)."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, PESAN_KELOLA)
    _wajib_pemilu(cakupan, pemilu.pk)
    kode = _wilayah_pemetaan(cakupan, pemilu, wilayah_kode)
    # Refused now if locked; the job checks again, under the list lock, before it writes.
    tahap_wajib_terbuka(pemilu_id=pemilu.pk, kode=kode, termasuk_bawah=True)
    with transaction.atomic():
        if connection.vendor == "postgresql":  # two starts at once: the second sees the first
            with connection.cursor() as c:
                c.execute("SELECT pg_advisory_xact_lock(%s, %s)",
                          [KELAS_KUNCI_PEMETAAN, pemilu.pk])
        for lain in (PemetaanTPS.objects.filter(pemilu=pemilu, status=StatusImpor.ANTRE)
                     .filter(q_subpohon("wilayah_kode", kode)
                             | Q(wilayah_kode__in=leluhur(kode)))):
            if not _basi(lain):
                raise Konflik(
                    KodePemilih.PEMETAAN_BERJALAN,
                    f"Pemetaan {lain.wilayah_kode} (#{lain.pk}) masih berjalan; tunggu sampai "
                    "selesai.", details={"pemetaan_id": lain.pk})
        run = PemetaanTPS.objects.create(pemilu=pemilu, wilayah_kode=kode, akun=akun,
                                         maks=int(pemilu.maks_pemilih_per_tps))
        if latar:
            transaction.on_commit(lambda: _antrekan(run.pk))
    if not latar:
        return pemetaan_proses(pemetaan_id=run.pk, lempar=True)
    return run


def _basi(run: PemetaanTPS) -> bool:
    """A run queued long ago that no worker holds: its task was lost (Redis keeps no queue
    across a restart). It is closed as failed so it no longer blocks its territory."""
    if timezone.now() - run.dibuat < BASI:
        return False
    with transaction.atomic():
        if not (PemetaanTPS.objects.select_for_update(skip_locked=True)
                .filter(pk=run.pk, status=StatusImpor.ANTRE).exists()):
            return False  # a worker is mapping it now
        _gagal(run.pk, KodePemilih.ANTREAN_TIDAK_TERSEDIA,
               "Tugas pemetaan ini tidak selesai dijalankan (antrean hilang atau pekerja "
               "berhenti); tidak ada yang berubah.")
    return True


def _antrekan(pk: int) -> None:
    from .antrean import antrekan
    from .tasks import pemetaan_tugas

    if not antrekan(pemetaan_tugas, pk):
        _gagal(pk, KodePemilih.ANTREAN_TIDAK_TERSEDIA,
               "Antrean tugas (Redis) tidak dapat dihubungi; coba lagi nanti.")


def _proses_sekali(pemetaan_id: int) -> PemetaanTPS:
    with transaction.atomic():
        run = (PemetaanTPS.objects.select_for_update(skip_locked=True, of=("self",))
               .select_related("pemilu", "akun")
               .filter(pk=pemetaan_id, status=StatusImpor.ANTRE).first())
        if run is None:
            return PemetaanTPS.objects.get(pk=pemetaan_id)
        _petakan(run)
    return run


def _gagal(pk: int, kode: str, pesan: str) -> None:
    PemetaanTPS.objects.filter(pk=pk, status=StatusImpor.ANTRE).update(
        status=StatusImpor.GAGAL, kode_galat=kode, pesan=pesan, selesai=timezone.now())


def pemetaan_proses(*, pemetaan_id: int, lempar: bool = False) -> PemetaanTPS:
    """Run one queued mapping. The run's row stays locked for the whole transaction, so a
    redelivered task skips it, and a worker that dies leaves it queued, not half done. A
    refusal or a failure rolls the mapping back and is recorded on the run (and raised
    again with `lempar`). The voters are locked in table order (ordering a million rows
    costs a second); a writer crossing that order, e.g. a family moved by hand in id order,
    can deadlock with it, and PostgreSQL then aborts one of the two: the mapping tries once
    more."""
    try:
        for coba in (1, 2):
            try:
                return _proses_sekali(pemetaan_id)
            except OperationalError as e:
                if coba == 2 or getattr(e.__cause__, "sqlstate", None) != "40P01":
                    raise
                log.warning("pemetaan TPS #%s: deadlock dengan penulis lain; diulang", pemetaan_id)
    except SimpulError as e:
        _gagal(pemetaan_id, e.code, e.message)
        if lempar:
            raise
    except Exception:
        log.exception("pemetaan TPS #%s gagal", pemetaan_id)
        _gagal(pemetaan_id, KodePemilih.PEMETAAN_GALAT_SISTEM,
               "Pemetaan berhenti karena galat sistem; tidak ada yang berubah. Hubungi admin.")
        if lempar:
            raise
    finally:
        cache.delete(_kunci_fase(pemetaan_id))
    return PemetaanTPS.objects.get(pk=pemetaan_id)


def pemetaan_jalankan(*, akun, pemilu: Pemilu, wilayah_kode: str | None = None
                      ) -> PemetaanTPS:
    """The mapping of a territory, run now (CLI, tests, benchmarks)."""
    return pemetaan_mulai(akun=akun, pemilu=pemilu, wilayah_kode=wilayah_kode, latar=False)


def _petakan(run: PemetaanTPS) -> None:
    """Map every active voter of the run's election in its territory to a TPS of their
    desa with the election's cap (`maks_pemilih_per_tps`), creating the TPS a desa needs.
    Only voters whose TPS changes are written; a change of TPS gets a history row, a first
    placement is listed on the run's detail of its TPS. Inside the caller's transaction."""
    mulai = time.perf_counter()
    pemilu, kode, akun, maks = run.pemilu, run.wilayah_kode, run.akun, run.maks
    tahap_wajib_terbuka(pemilu_id=pemilu.pk, kode=kode, termasuk_bawah=True)
    if connection.vendor == "postgresql":
        # A million-row join in memory, and no JIT compile for queries run once.
        with connection.cursor() as c:
            c.execute("SET LOCAL work_mem = '256MB'")
            c.execute("SET LOCAL jit = off")
    fase = [("mulai", time.perf_counter())]
    _fase(run, "membaca")
    df = _baca(pemilu, kode, kunci=True)
    fase.append(("baca+kunci", time.perf_counter()))
    _fase(run, "memetakan")
    hasil = tps_petakan(df.select("id", "desa", "rw", "rt", "nkk"), maks=maks)
    fase.append(("algoritme", time.perf_counter()))
    id_tps, tps_baru, tps_kosong = _tps_siapkan(akun=akun, pemilu=pemilu,
                                                per_tps=hasil.per_tps, kode=kode)
    kunci = pl.DataFrame({"desa": [d for d, _ in id_tps], "nomor": [n for _, n in id_tps],
                          "tps_id": list(id_tps.values())},
                         schema={"desa": pl.Utf8, "nomor": pl.Int32, "tps_id": pl.Int64})
    pindah = (hasil.penempatan.join(kunci, on=["desa", "nomor"]).select("id", "tps_id")
              .join(df.select("id", pl.col("tps_id").alias("tps_lama")), on="id")
              .filter(pl.col("tps_id").ne_missing(pl.col("tps_lama"))))
    ditempatkan = dict(pindah.filter(pl.col("tps_lama").is_null()).group_by("tps_id")
                       .agg(pl.col("id").sort()).iter_rows())
    run.jumlah_pemilih, run.jumlah_tps, run.pindah = len(df), len(hasil.per_tps), len(pindah)
    run.tps_baru, run.tps_kosong = tps_baru, tps_kosong
    # Kept with the run and shown to every officer of the territory: KK numbers masked.
    run.temuan = [{**t, "nkk": nik_samarkan(t["nkk"])} if t.get("nkk") else t
                  for t in hasil.temuan[:2000]]
    fase.append(("tps", time.perf_counter()))
    _fase(run, "menulis")
    tulis = _tulis_postgres if connection.vendor == "postgresql" else _tulis_orm
    tulis(akun, pindah, f"pemetaan TPS #{run.pk}")
    fase.append(("tulis", time.perf_counter()))
    rentang: dict[tuple[str, int], list[dict]] = {}
    for r in hasil.rincian.iter_rows(named=True):
        rentang.setdefault((r["desa"], r["nomor"]), []).append({
            "rw": _tiga(r["rw"]), "rt": _tiga(r["rt"]), "pemilih": r["pemilih"],
            "kk": r["kk"], "sebagian": r["sebagian"]})
    rincian = []
    for r in hasil.per_tps.iter_rows(named=True):
        tps_id = id_tps[(r["desa"], r["nomor"])]
        rincian.append(RincianTPS(
            pemetaan=run, tps_id=tps_id, jumlah_pemilih=r["pemilih"], jumlah_kk=r["kk"],
            alasan=r["alasan"], rentang=rentang[(r["desa"], r["nomor"])],
            ditempatkan=ditempatkan.get(tps_id, [])))
    RincianTPS.objects.bulk_create(rincian, batch_size=500)
    # TPS.jumlah_pemilih from the result itself: every active voter was just placed.
    _jumlah_tps_tulis(pemilu, kode, {r.tps_id: r.jumlah_pemilih for r in rincian})
    fase.append(("rincian+jumlah", time.perf_counter()))
    _fase(run, "memeriksa")
    if connection.vendor == "postgresql":
        # The deferred key checks of the written rows now, not at commit while the
        # audit chain's lock is held (every other audited write would wait for them).
        with connection.cursor() as c:
            c.execute("SET CONSTRAINTS ALL IMMEDIATE")
            c.execute("SET CONSTRAINTS ALL DEFERRED")
        fase.append(("cek kunci asing", time.perf_counter()))
    log.info("pemetaan #%s: %s", run.pk, ", ".join(
        f"{n} {t - fase[i][1]:.1f} s" for i, (n, t) in enumerate(fase[1:])))
    run.detik = round(time.perf_counter() - mulai, 3)
    run.status, run.selesai = StatusImpor.SELESAI, timezone.now()
    run.save()
    audit_catat(akun=akun, aksi="pemilih.tps_petakan", objek=run, wilayah_kode=kode,
                sesudah={"pemilu": pemilu.pk, "maks": maks, "pemilih": len(df),
                         "tps": len(hasil.per_tps), "pindah": run.pindah,
                         "ditempatkan": sum(map(len, ditempatkan.values())),
                         "tps_baru": tps_baru[:200], "tps_kosong": tps_kosong[:200],
                         "temuan": len(hasil.temuan)})


def _fase(run: PemetaanTPS, fase: str) -> None:
    # Short-lived: a worker killed mid-run must not leave its run shown as running for long.
    cache.set(_kunci_fase(run.pk), fase, 30 * 60)


def _jumlah_tps_tulis(pemilu: Pemilu, kode: str, jumlah: dict[int, int]) -> None:
    """TPS.jumlah_pemilih from a mapping result; TPS of the territory not in it get 0."""
    if connection.vendor == "postgresql":
        ids = list(jumlah)
        with connection.cursor() as c:
            c.execute("UPDATE pemilu_tps t SET jumlah_pemilih = v.n FROM (SELECT "
                      "unnest(%s::bigint[]) AS id, unnest(%s::int[]) AS n) v "
                      "WHERE t.id = v.id AND t.jumlah_pemilih IS DISTINCT FROM v.n",
                      [ids, [jumlah[i] for i in ids]])
    else:
        for i, n in jumlah.items():
            TPS.objects.filter(pk=i).update(jumlah_pemilih=n)
    TPS.objects.filter(pemilu=pemilu).filter(q_subpohon("desa_id", kode)).exclude(
        pk__in=list(jumlah)).exclude(jumlah_pemilih=0).update(jumlah_pemilih=0)


def _jumlah_tps_segarkan(pemilu: Pemilu, kode: str, tps_ids: list[int] | None = None) -> None:
    """TPS.jumlah_pemilih as counted from the voter rows (never typed in)."""
    qs = TPS.objects.filter(pemilu=pemilu)
    qs = qs.filter(pk__in=tps_ids) if tps_ids is not None else qs.filter(
        q_subpohon("desa_id", kode))
    hitung = dict(Pemilih.objects.filter(tps__in=qs, status=StatusPemilih.AKTIF)
                  .values("tps_id").annotate(n=Count("id")).values_list("tps_id", "n"))
    daftar = list(qs)
    for t in daftar:
        t.jumlah_pemilih = hitung.get(t.pk, 0)
    TPS.objects.bulk_update(daftar, ["jumlah_pemilih"], batch_size=1000)


# --- moving a family by hand --------------------------------------------------------------
@dataclass(frozen=True)
class HasilPindah:
    cek: list[CekPindah]
    anggota: list[Pemilih]
    tps_asal: TPS | None
    tps_tujuan: TPS
    disimpan: bool

    @property
    def boleh(self) -> bool:
        return not any(c.galat for c in self.cek)


def pemetaan_pindah(*, akun, pemilih_id: int, tps_id: int, anggota_ids: list[int] | None = None,
                    simpan: bool = False, alasan: str = "") -> HasilPindah:
    """Move a family (every active voter with the same KK in the desa) from its TPS to
    another. Without `simpan` only the constraint check is returned (cap, KK split, desa
    mix, RT spread); with it the move is saved when the check has no error."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, PESAN_KELOLA)
    with transaction.atomic():
        p = Pemilih.objects.filter(pk=pemilih_id).select_related("pemilu").first()
        if p is None or not cakupan.mencakup(p.desa_id):
            raise TidakDitemukan("Pemilih tidak ditemukan di wilayah kerja Anda.")
        _wajib_pemilu(cakupan, p.pemilu_id)
        tujuan = TPS.objects.filter(pk=tps_id, pemilu_id=p.pemilu_id).select_related(
            "desa").first()
        if tujuan is None or not cakupan.mencakup(tujuan.desa_id):
            raise TidakDitemukan("TPS tujuan tidak ditemukan di pemilu dan wilayah kerja Anda.")
        keluarga_qs = Pemilih.objects.filter(pemilu_id=p.pemilu_id, nkk=p.nkk, desa_id=p.desa_id,
                                             status=StatusPemilih.AKTIF)
        if simpan:
            keluarga_qs = keluarga_qs.select_for_update()
        keluarga = list(keluarga_qs.order_by("pk"))
        ids = set(anggota_ids) if anggota_ids else {k.pk for k in keluarga}
        ids.add(p.pk)
        anggota = [k for k in keluarga if k.pk in ids]
        asal = TPS.objects.filter(pk=p.tps_id).first() if p.tps_id else None
        jumlah_tujuan = Pemilih.objects.filter(tps=tujuan, status=StatusPemilih.AKTIF).exclude(
            pk__in=[a.pk for a in anggota]).count()
        rt_tujuan = set(Pemilih.objects.filter(tps=tujuan, status=StatusPemilih.AKTIF)
                        .exclude(pk__in=[a.pk for a in anggota])
                        .values_list("rw", "rt").distinct())
        cek = pindah_periksa(maks=int(p.pemilu.maks_pemilih_per_tps),
                             jumlah_tujuan=jumlah_tujuan, jumlah_pindah=len(anggota),
                             desa_asal=p.desa_id, desa_tujuan=tujuan.desa_id,
                             anggota_kk=len(keluarga), rt_tujuan=rt_tujuan,
                             rt_keluarga=(p.rw, p.rt),
                             sama_tps=all(a.tps_id == tujuan.pk for a in anggota))
        hasil = HasilPindah(cek, anggota, asal, tujuan, False)
        if not simpan:
            return hasil
        galat = [c for c in cek if c.galat]
        if galat:
            raise DataTidakValid(" ".join(c.pesan for c in galat), code=galat[0].kode,
                                 details=[{"kode": c.kode, "pesan": c.pesan, "galat": c.galat}
                                          for c in cek])
        tahap_wajib_terbuka(pemilu_id=p.pemilu_id, kode=p.desa_id)
        sekarang = timezone.now()
        catatan = alasan or "pindah TPS oleh petugas"
        for a in anggota:
            lama = a.tps_id
            a.tps_id, a.versi, a.diubah = tujuan.pk, a.versi + 1, sekarang
            a.save(update_fields=["tps", "versi", "diubah"])
            RiwayatPemilih.objects.create(
                pemilih=a, akun=akun, akun_username=akun.username, aksi="pemilih.tps_pindah",
                versi=a.versi, sebelum={"tps_id": lama}, sesudah={"tps_id": tujuan.pk},
                alasan=catatan)
        audit_catat(akun=akun, aksi="pemilih.tps_pindah", objek=tujuan,
                    wilayah_kode=p.desa_id,
                    sebelum={"tps_id": asal.pk if asal else None},
                    sesudah={"tps_id": tujuan.pk, "pemilih": [a.pk for a in anggota],
                             "cek": [c.kode for c in cek], "alasan": catatan})
        _jumlah_tps_segarkan(p.pemilu, p.desa_id,
                             [t for t in (asal.pk if asal else None, tujuan.pk) if t])
    return HasilPindah(cek, anggota, asal, tujuan, True)
