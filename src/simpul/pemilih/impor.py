"""Importing a DP4 or voter list (CSV/XLSX) at row level, in bulk.

Every line is checked in Python (NIK structure through `pemilih_periksa`); refused lines
become error findings with their line number, good lines are loaded in one transaction:
on PostgreSQL with COPY into a temporary staging table and one INSERT … ON CONFLICT on
the natural key (election, NIK) that skips identical rows; on SQLite (the demo) with
bulk_create/bulk_update. Changed voters get a history row with before and after.
"""

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import date, datetime

import polars as pl
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid
from simpul.core.tabel import baris_csv, baris_xlsx
from simpul.wilayah.models import Wilayah
from simpul.wilayah.rules import TINGKAT_DESA

from .errors import KodePemilih
from .kunci import tahap_wajib_terbuka
from .models import ImporPemilih, Pemilih, RiwayatPemilih, StatusImpor, TemuanImpor
from .rules import USIA_PEMILIH, pemilih_periksa

log = logging.getLogger(__name__)

KOLOM_WAJIB = ["nik", "nkk", "nama", "tanggal_lahir", "jenis_kelamin", "kode_desa"]
KOLOM_OPSIONAL = ["tempat_lahir", "status_kawin", "alamat", "rt", "rw", "disabilitas"]
KOLOM = KOLOM_WAJIB + KOLOM_OPSIONAL
# Order of the values of one good row, as loaded (desa_id instead of kode_desa).
FIELD = ["nik", "nkk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
         "status_kawin", "alamat", "rt", "rw", "desa_id", "disabilitas"]
BATAS_BYTE_BAWAAN = 512 * 2**20
LAPOR_SETIAP = 50_000


def batas_byte() -> int:
    return getattr(settings, "SIMPUL_PEMILIH_BATAS_BYTE", BATAS_BYTE_BAWAAN)


def ukuran_periksa(ukuran: int) -> None:
    if ukuran > batas_byte():
        raise DataTidakValid(f"Berkas terlalu besar: {ukuran / 2**20:.1f} MB, maksimal "
                             f"{batas_byte() / 2**20:.0f} MB. Bagi per kecamatan.",
                             code=KodePemilih.BERKAS_TERLALU_BESAR)


def berkas_periksa(data: bytes, nama_berkas: str) -> None:
    """What refuses a whole file before it is queued: empty, too big, wrong type."""
    kode = KodePemilih.BERKAS_TIDAK_VALID
    ukuran_periksa(len(data))
    if not data or not data.strip():
        raise DataTidakValid("Berkas kosong.", code=kode)
    if not nama_berkas.lower().endswith((".csv", ".txt", ".xlsx")):
        raise DataTidakValid("Jenis berkas harus .csv atau .xlsx.", code=kode)


def _tanggal(teks: str) -> date | None:
    """ISO (2001-12-31, also from XLSX cells) or Indonesian DD-MM-YYYY / DD/MM/YYYY."""
    teks = teks[:10]
    try:
        if len(teks) == 10 and teks[4] == "-":
            return date.fromisoformat(teks)
        if len(teks) == 10 and teks[2] in "-/" and teks[5] == teks[2]:
            return date(int(teks[6:]), int(teks[3:5]), int(teks[:2]))
    except ValueError:
        return None
    return None


@dataclass
class HasilPeriksa:
    baik: pl.DataFrame | None = None  # FIELD columns + peringatan (JSON text)
    temuan: list[tuple[int, str, str, bool]] = field(default_factory=list)
    jumlah_baris: int = 0
    galat_baris: int = 0
    peringatan_baris: int = 0
    kolom_diabaikan: list[str] = field(default_factory=list)


def _tabel(data: bytes, nama_berkas: str) -> pl.DataFrame:
    """The file as text columns named by its (lower-cased) header, one row per record,
    blank records kept as empty rows so that row i is line i + 2."""
    kode = KodePemilih.BERKAS_TIDAK_VALID
    if nama_berkas.lower().endswith(".xlsx"):
        baris = baris_xlsx(data, kode)
        try:
            kepala = [str(k or "").strip().lower() for k in next(baris)]
        except StopIteration:
            raise DataTidakValid("Berkas kosong.", code=kode) from None
        lebar = len(kepala)
        isi = [[("" if v is None else v.date().isoformat() if isinstance(v, datetime)
                 else str(v)) for v in (list(r) + [None] * lebar)[:lebar]] for r in baris]
        nama = [k or f"_kolom_{i}" for i, k in enumerate(kepala)]
        return pl.DataFrame(isi, schema=dict.fromkeys(nama, pl.Utf8), orient="row")
    baris_csv(data, kode)  # the named refusal of a file that is not UTF-8
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    contoh = data[:4096]
    pemisah = ";" if contoh.count(b";") > contoh.count(b",") else ","
    try:
        df = pl.read_csv(data, separator=pemisah, infer_schema=False, has_header=True,
                         truncate_ragged_lines=True)
    except (pl.exceptions.PolarsError, pl.exceptions.NoDataError):
        raise DataTidakValid("Berkas CSV tidak dapat dibaca (tanda kutip atau pemisah "
                             "rusak).", code=kode) from None
    return df.rename({k: (k.strip().lower() or f"_kolom_{i}")
                      for i, k in enumerate(df.columns)}, strict=False)


def _curiga(df: pl.DataFrame, *, kecamatan: set[str], desa: set[str], hari_ini: date,
            pemungutan: date) -> pl.Series:
    """Rows that may have a finding. A fast, vectorised filter: every row it passes is
    one that `pemilih_periksa` finds nothing in (tested); every other row goes through
    `pemilih_periksa` itself, which names the findings."""
    nik, tgl = pl.col("nik"), pl.col("_tgl")
    hari = nik.str.slice(6, 2).cast(pl.Int32, strict=False)
    perempuan = hari > 40
    yy = nik.str.slice(10, 2).cast(pl.Int32, strict=False)
    abad = pl.when(2000 + yy <= hari_ini.year).then(2000).otherwise(1900)
    hari_asli = pl.when(perempuan).then(hari - 40).otherwise(hari)
    lahir_nik = pl.format("{}-{}-{}", (abad + yy).cast(pl.Utf8), nik.str.slice(8, 2),
                          hari_asli.cast(pl.Utf8).str.zfill(2)).str.to_date("%Y-%m-%d",
                                                                             strict=False)
    kec = pl.format("{}.{}.{}", nik.str.slice(0, 2), nik.str.slice(2, 2), nik.str.slice(4, 2))
    jk = pl.col("jenis_kelamin").str.to_uppercase()
    kawin = pl.col("status_kawin").str.to_uppercase()
    angka = r"^\d{16}$"
    rt_rw_baik = [pl.col(k).str.contains(r"^\d{1,3}$") & (pl.col(k).cast(pl.Int32, strict=False)
                                                          > 0) for k in ("rt", "rw")]
    return df.select(
        ~nik.str.contains(angka) | ~kec.is_in(list(kecamatan))
        | (nik.str.slice(12, 4) == "0000") | tgl.is_null()
        | (hari % 40 != tgl.dt.day()) | (hari == 0) | (hari > 71)
        | (nik.str.slice(8, 2).cast(pl.Int32, strict=False) != tgl.dt.month())
        | (yy != tgl.dt.year() % 100)
        | lahir_nik.is_null() | (lahir_nik > hari_ini) | (tgl > hari_ini) | (tgl.dt.year() < 1900)
        | ~jk.is_in(["L", "P"]) | ((jk == "P") != perempuan)
        | ~pl.col("nkk").str.contains(angka) | (pl.col("nama").str.strip_chars() == "")
        | ~kawin.is_in(["", "B", "S", "P"]) | ~rt_rw_baik[0] | ~rt_rw_baik[1]
        | ((tgl.dt.offset_by(f"{USIA_PEMILIH}y") >= pemungutan) & ~kawin.is_in(["S", "P"]))
        | ~pl.col("kode_desa").is_in(list(desa))
        | ~pl.col("disabilitas").is_in(["", "0", "1", "2", "3", "4", "5", "6"])
        | nik.is_duplicated()
    ).to_series().fill_null(True)


def _tanggal_vektor(kolom: pl.Expr) -> pl.Expr:
    """ISO dates or DD-MM-YYYY / DD/MM/YYYY, null when neither (same as `_tanggal`)."""
    teks = kolom.str.slice(0, 10)
    sepuluh = teks.str.len_chars() == 10
    return pl.coalesce(
        pl.when(sepuluh & (teks.str.slice(4, 1) == "-"))
        .then(teks.str.to_date("%Y-%m-%d", strict=False)),
        pl.when(sepuluh & teks.str.slice(2, 1).is_in(["-", "/"])
                & (teks.str.slice(2, 1) == teks.str.slice(5, 1))).then(
            teks.str.replace_all("/", "-", literal=True).str.to_date("%d-%m-%Y", strict=False)))


def baris_periksa(*, impor: ImporPemilih, data: bytes, kecamatan: set[str],
                  desa: set[str], lapor=None) -> HasilPeriksa:
    """Read and check every line. Refuses the whole file only for what makes every line
    unreadable (encoding, type, missing columns)."""
    kode = KodePemilih.BERKAS_TIDAK_VALID
    berkas_periksa(data, impor.nama_berkas)
    df = _tabel(data, impor.nama_berkas)
    kepala = df.columns
    kurang = [k for k in KOLOM_WAJIB if k not in kepala]
    if kurang:
        raise DataTidakValid(f"Kolom wajib tidak ada: {', '.join(kurang)}. Kolom yang "
                             f"diperlukan: {', '.join(KOLOM)}.", code=kode,
                             details={"kolom_ada": kepala, "kolom_kurang": kurang})
    hasil = HasilPeriksa(kolom_diabaikan=[k for k in kepala
                                          if k not in KOLOM and not k.startswith("_kolom_")])
    df = df.select(
        pl.int_range(2, pl.len() + 2, dtype=pl.Int64).alias("_baris"),
        *[(pl.col(k) if k in kepala else pl.lit("")).fill_null("").str.strip_chars().alias(k)
          for k in KOLOM])
    df = df.filter(pl.any_horizontal([pl.col(k) != "" for k in KOLOM]))
    hasil.jumlah_baris = len(df)
    if hasil.jumlah_baris == 0:
        raise DataTidakValid("Berkas tidak berisi baris data.", code=kode)
    pemungutan = impor.pemilu.tanggal_pemungutan
    hari_ini = date.today()
    df = df.with_columns(_tgl=_tanggal_vektor(pl.col("tanggal_lahir")))
    curiga = _curiga(df, kecamatan=kecamatan, desa=desa, hari_ini=hari_ini,
                     pemungutan=pemungutan)
    bersih = df.filter(~curiga)
    kecamatan_ada = kecamatan.__contains__
    dilihat: dict[str, int] = {}
    tambahan: list[tuple] = []
    for n, nilai in enumerate(df.filter(curiga).drop("_tgl").iter_rows(named=True), 1):
        if lapor and n % LAPOR_SETIAP == 0:
            lapor(len(bersih) + n)
        nomor, nik, kode_desa = nilai["_baris"], nilai["nik"], nilai["kode_desa"]
        tgl = _tanggal(nilai["tanggal_lahir"])
        jk = nilai["jenis_kelamin"].upper()
        kawin = nilai["status_kawin"].upper()
        temuan = pemilih_periksa(nik=nik, nkk=nilai["nkk"], nama=nilai["nama"],
                                 tanggal_lahir=tgl, jenis_kelamin=jk, status_kawin=kawin,
                                 rt=nilai["rt"], rw=nilai["rw"], tanggal_pemungutan=pemungutan,
                                 kecamatan_ada=kecamatan_ada, hari_ini=hari_ini)
        galat = [(t.kode, t.pesan) for t in temuan if t.galat]
        if nilai["tanggal_lahir"] and tgl is None:
            galat = [(k, p) for k, p in galat if k != "pemilih.tanggal_lahir_tidak_valid"]
            galat.append(("pemilih.tanggal_lahir_tidak_valid",
                          f"Tanggal lahir '{nilai['tanggal_lahir'][:20]}' bukan tanggal yang "
                          "mungkin (pakai TTTT-BB-HH atau HH-BB-TTTT)."))
        if kode_desa not in desa:
            galat.append((KodePemilih.DESA_TIDAK_VALID,
                          f"Kode desa/kelurahan '{kode_desa[:20]}' tidak dikenal atau di luar "
                          "wilayah kerja Anda dan cakupan pemilu ini."))
        disabilitas = nilai["disabilitas"] or "0"
        if disabilitas not in ("0", "1", "2", "3", "4", "5", "6"):
            galat.append((KodePemilih.DATA_TIDAK_VALID,
                          f"Kode disabilitas harus 0–6, tertulis '{disabilitas[:10]}'."))
        if not galat and nik in dilihat:
            galat.append((KodePemilih.NIK_GANDA,
                          f"NIK ganda dalam berkas (sudah di baris {dilihat[nik]})."))
        if galat:
            hasil.galat_baris += 1
            hasil.temuan.extend((nomor, k, p, True) for k, p in galat)
            continue
        dilihat[nik] = nomor
        peringatan = [t.kode for t in temuan]
        if peringatan:
            hasil.peringatan_baris += 1
            hasil.temuan.extend((nomor, t.kode, t.pesan, False) for t in temuan)
        tambahan.append((nomor, nik, nilai["nkk"], nilai["nama"], nilai["tempat_lahir"], tgl,
                         jk, kawin, nilai["alamat"], nilai["rt"], nilai["rw"], kode_desa,
                         disabilitas, json.dumps(peringatan)))
    kolom = ["_baris", "nik", "nkk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
             "status_kawin", "alamat", "rt", "rw", "desa_id", "disabilitas", "peringatan"]
    bersih = bersih.select(
        "_baris", "nik", "nkk", "nama", "tempat_lahir", pl.col("_tgl").alias("tanggal_lahir"),
        pl.col("jenis_kelamin").str.to_uppercase(), pl.col("status_kawin").str.to_uppercase(),
        "alamat", "rt", "rw", pl.col("kode_desa").alias("desa_id"), "disabilitas",
        pl.lit("[]").alias("peringatan"))
    lain = pl.DataFrame(tambahan, schema=dict(zip(kolom, bersih.dtypes, strict=True)),
                        orient="row")
    hasil.baik = pl.concat([bersih, lain]).sort("_baris").select(
        pl.col("nik"), pl.col("nkk"), pl.col("nama").str.slice(0, 200),
        pl.col("tempat_lahir").str.slice(0, 100), "tanggal_lahir", "jenis_kelamin",
        "status_kawin", pl.col("alamat").str.slice(0, 300), "rt", "rw", "desa_id",
        pl.col("disabilitas").replace("", "0").cast(pl.Int16), "peringatan")
    hasil.temuan.sort()
    return hasil


def desa_boleh(impor: ImporPemilih) -> set[str]:
    """Desa codes a row may name: inside both the uploader's territory and the
    election's scope, and still in force."""
    qs = Wilayah.objects.filter(tingkat__in=TINGKAT_DESA, aktif=True)
    for akar in (impor.wilayah_kode, impor.pemilu.cakupan_id):
        if akar:
            qs = qs.filter(kode__startswith=akar + ".")
    return set(qs.values_list("kode", flat=True))


# --- loading -------------------------------------------------------------------------------
_DATA = ["nkk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "status_kawin",
         "alamat", "rt", "rw", "desa_id", "disabilitas"]


def _muat_postgres(impor: ImporPemilih, baik: pl.DataFrame, akun) -> tuple[int, int]:
    kolom_s = ", ".join(f"s.{f}" for f in _DATA)
    kolom_p = ", ".join(f"p.{f}" for f in _DATA)
    json_p = ", ".join(f"'{f}', p.{f}" for f in _DATA)
    json_s = ", ".join(f"'{f}', s.{f}" for f in _DATA)
    with connection.cursor() as c:
        c.execute("DROP TABLE IF EXISTS pemilih_tahap")
        c.execute("""CREATE TEMP TABLE pemilih_tahap (
            nik varchar(16), nkk varchar(16), nama varchar(200), tempat_lahir varchar(100),
            tanggal_lahir date, jenis_kelamin varchar(1), status_kawin varchar(1),
            alamat varchar(300), rt varchar(3), rw varchar(3), desa_id varchar(13),
            disabilitas smallint, peringatan jsonb) ON COMMIT DROP""")
        # Quoted CSV keeps empty text as '' (unquoted empty would be NULL).
        with c.cursor.copy("COPY pemilih_tahap FROM STDIN WITH (FORMAT csv)") as copy:
            for i in range(0, len(baik), 100_000):
                copy.write(baik.slice(i, 100_000).write_csv(include_header=False,
                                                            quote_style="always"))
        c.execute("ANALYZE pemilih_tahap")
        c.execute(f"""
            INSERT INTO pemilih_riwayatpemilih
                (pemilih_id, waktu, akun_id, akun_username, aksi, versi, sebelum, sesudah,
                 alasan)
            SELECT p.id, now(), %s, %s, 'pemilih.impor_ubah', p.versi + 1,
                   jsonb_build_object({json_p}), jsonb_build_object({json_s}), %s
            FROM pemilih_tahap s JOIN pemilih_pemilih p ON p.pemilu_id = %s AND p.nik = s.nik
            WHERE ({kolom_p}) IS DISTINCT FROM ({kolom_s})""",
                  [getattr(akun, "pk", None), getattr(akun, "username", "sistem"),
                   f"impor #{impor.pk} {impor.nama_berkas}", impor.pemilu_id])
        sasaran = ", ".join(f"pemilih_pemilih.{f}" for f in _DATA)
        baru = ", ".join(f"EXCLUDED.{f}" for f in _DATA)
        c.execute(f"""
            WITH r AS (
              INSERT INTO pemilih_pemilih (pemilu_id, nik, {", ".join(_DATA)}, peringatan,
                  sumber, status, coklit, stiker, impor_id, versi, dibuat, diubah)
              SELECT %s, s.nik, {kolom_s}, s.peringatan, %s, 'aktif', 'belum', false, %s, 1,
                     now(), now()
              FROM pemilih_tahap s
              ORDER BY s.nik  -- index order: the unique (pemilu, nik) index is filled in sequence
              ON CONFLICT (pemilu_id, nik) DO UPDATE SET
                  ({", ".join(_DATA)}, peringatan) = ({baru}, EXCLUDED.peringatan),
                  versi = pemilih_pemilih.versi + 1, diubah = now()
              WHERE ({sasaran}) IS DISTINCT FROM ({baru})
              RETURNING (xmax = 0) AS baru)
            SELECT count(*) FILTER (WHERE baru), count(*) FILTER (WHERE NOT baru) FROM r""",
                  [impor.pemilu_id, impor.sumber, impor.pk])
        dibuat, diubah = c.fetchone()
        c.execute("DROP TABLE pemilih_tahap")
    return dibuat, diubah


def _muat_orm(impor: ImporPemilih, df: pl.DataFrame, akun) -> tuple[int, int]:
    """The demo database (SQLite) has no COPY: compare in Python, then bulk writes."""
    ada: dict[str, Pemilih] = {}
    baik = [(*r[:12], json.loads(r[12])) for r in df.iter_rows()]
    niks = [b[0] for b in baik]
    for i in range(0, len(niks), 900):
        for p in Pemilih.objects.filter(pemilu_id=impor.pemilu_id, nik__in=niks[i:i + 900]):
            ada[p.nik] = p
    baru, ubah, riwayat = [], [], []
    sekarang = timezone.now()
    for b in baik:
        nilai = dict(zip(FIELD, b[:12], strict=True))
        p = ada.get(b[0])
        if p is None:
            baru.append(Pemilih(pemilu_id=impor.pemilu_id, sumber=impor.sumber, impor=impor,
                                peringatan=b[12], dibuat=sekarang, diubah=sekarang, **nilai))
            continue
        lama = {f: getattr(p, f) for f in _DATA}
        if lama == {f: nilai[f] for f in _DATA}:
            continue
        for f in _DATA:
            setattr(p, f, nilai[f])
        p.peringatan, p.versi, p.diubah = b[12], p.versi + 1, sekarang
        ubah.append(p)
        riwayat.append(RiwayatPemilih(
            pemilih=p, akun=akun, akun_username=getattr(akun, "username", "sistem"),
            aksi="pemilih.impor_ubah", versi=p.versi, sebelum=lama,
            sesudah={f: nilai[f] for f in _DATA},
            alasan=f"impor #{impor.pk} {impor.nama_berkas}"))
    Pemilih.objects.bulk_create(baru, batch_size=2000)
    Pemilih.objects.bulk_update(ubah, [*_DATA, "peringatan", "versi", "diubah"],
                                batch_size=2000)
    RiwayatPemilih.objects.bulk_create(riwayat, batch_size=2000)
    return len(baru), len(ubah)


def _simpan_temuan(impor: ImporPemilih, temuan: list[tuple[int, str, str, bool]]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as c, c.cursor.copy(
                "COPY pemilih_temuanimpor (impor_id, baris, kode, pesan, galat) FROM STDIN"
        ) as copy:
            for t in temuan:
                copy.write_row((impor.pk, *t))
    else:
        TemuanImpor.objects.bulk_create(
            (TemuanImpor(impor=impor, baris=b, kode=k, pesan=p, galat=g)
             for b, k, p, g in temuan), batch_size=5000)


def impor_proses(*, impor: ImporPemilih, data: bytes) -> ImporPemilih:
    """Run one import job to its end (called by the background task or the CLI)."""
    akun = impor.akun

    def lapor(n: int) -> None:
        ImporPemilih.objects.filter(pk=impor.pk).update(diproses=n)

    ImporPemilih.objects.filter(pk=impor.pk).update(
        status=StatusImpor.BERJALAN, tahap="memeriksa", mulai=timezone.now(),
        jumlah_baris=max(1, data.count(b"\n") - 1) if not impor.nama_berkas.lower().endswith(
            ".xlsx") else 0)
    kecamatan = set(Wilayah.objects.filter(tingkat="kecamatan").values_list("kode", flat=True))
    mulai = time.perf_counter()
    hasil = baris_periksa(impor=impor, data=data, kecamatan=kecamatan,
                          desa=desa_boleh(impor), lapor=lapor)
    ImporPemilih.objects.filter(pk=impor.pk).update(
        tahap="memuat", jumlah_baris=hasil.jumlah_baris, diproses=hasil.jumlah_baris)
    periksa = time.perf_counter() - mulai
    with transaction.atomic():
        # Again here, under the list lock: a stage may have been locked while rows were read.
        tahap_wajib_terbuka(pemilu_id=impor.pemilu_id, termasuk_bawah=True,
                            kode=impor.wilayah_kode or impor.pemilu.cakupan_id or "")
        if connection.vendor == "postgresql":
            dibuat, diubah = _muat_postgres(impor, hasil.baik, akun)
        else:
            dibuat, diubah = _muat_orm(impor, hasil.baik, akun)
        _simpan_temuan(impor, hasil.temuan)
        log.info("impor #%s: %s baris, periksa %.1f s, muat %.1f s", impor.pk,
                 hasil.jumlah_baris, periksa, time.perf_counter() - mulai - periksa)
        impor.refresh_from_db()
        impor.status, impor.tahap, impor.selesai = StatusImpor.SELESAI, "", timezone.now()
        impor.jumlah_baris = impor.diproses = hasil.jumlah_baris
        impor.dibuat_jumlah, impor.diubah_jumlah = dibuat, diubah
        impor.tetap_jumlah = len(hasil.baik) - dibuat - diubah
        impor.galat_jumlah, impor.peringatan_jumlah = hasil.galat_baris, hasil.peringatan_baris
        impor.save()
        audit_catat(akun=akun, aksi="pemilih.impor", objek=impor,
                    wilayah_kode=impor.wilayah_kode, sesudah={
                        "pemilu": impor.pemilu_id, "berkas": impor.nama_berkas,
                        "sha256": impor.sha256, "baris": hasil.jumlah_baris,
                        "dibuat": dibuat, "diubah": diubah, "tetap": impor.tetap_jumlah,
                        "baris_salah": hasil.galat_baris,
                        "baris_berperingatan": hasil.peringatan_baris,
                        "kolom_diabaikan": hasil.kolom_diabaikan})
    return impor
