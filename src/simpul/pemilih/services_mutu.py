"""Data-quality findings before each plenary (named, counted, with examples) and the log of
Bawaslu's correction suggestions (ANCHORS.md, SIDALIH data 2023)."""

import io
from datetime import date

import polars as pl
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.scope import Cakupan, q_subpohon
from simpul.pemilu.models import Pemilu
from simpul.wilayah.models import Wilayah

from .errors import KodePemilih
from .models import PemeriksaanMutu, Pemilih, RiwayatPemilih, SaranBawaslu, StatusPemilih
from .rules import CEK_MUTU, USIA_PEMILIH, saran_boleh_pindah

CONTOH = 20
KOLOM = {"id": pl.Int64, "nik": pl.Utf8, "nama": pl.Utf8, "tempat_lahir": pl.Utf8,
         "tanggal_lahir": pl.Date, "jenis_kelamin": pl.Utf8, "status_kawin": pl.Utf8,
         "alamat": pl.Utf8, "rt": pl.Utf8, "rw": pl.Utf8, "desa_id": pl.Utf8}


def _baca(qs) -> pl.DataFrame:
    """Voter columns as a frame (COPY out on PostgreSQL, rows on SQLite)."""
    qs = qs.order_by().values_list(*KOLOM)
    if connection.vendor == "postgresql":
        sql, param = qs.query.sql_with_params()
        buf = io.BytesIO()
        with connection.cursor() as c:
            with c.cursor.copy(f"COPY ({c.cursor.mogrify(sql, param)}) TO STDOUT "
                               "WITH (FORMAT csv)") as copy:
                for blok in copy:
                    buf.write(blok)
        if not buf.getbuffer().nbytes:
            return pl.DataFrame(schema=KOLOM)
        buf.seek(0)
        return pl.read_csv(buf, has_header=False, schema=KOLOM)
    return pl.DataFrame(list(qs), schema=KOLOM, orient="row")


def _mutu_frame(df: pl.DataFrame, kecamatan: set[str], tanggal_pemungutan: date) -> dict:
    """Masks (one boolean column per check) over the voters, vectorised."""
    nik = pl.col("nik")
    angka = nik.str.contains(r"^[0-9]{16}$")
    dd = nik.str.slice(6, 2).cast(pl.Int32, strict=False)
    mm = nik.str.slice(8, 2).cast(pl.Int32, strict=False)
    yy = nik.str.slice(10, 2).cast(pl.Int32, strict=False)
    kec = (nik.str.slice(0, 2) + "." + nik.str.slice(2, 2) + "." + nik.str.slice(4, 2))
    hari = pl.when(dd > 40).then(dd - 40).otherwise(dd)
    struktur_ok = (angka & hari.is_between(1, 31) & mm.is_between(1, 12)
                   & (nik.str.slice(12, 4) != "0000") & kec.is_in(list(kecamatan)))
    tl = pl.col("tanggal_lahir")
    usia = (tanggal_pemungutan.year - tl.dt.year()
            - ((tl.dt.month() * 100 + tl.dt.day())
               > tanggal_pemungutan.month * 100 + tanggal_pemungutan.day).cast(pl.Int32))
    kosong = r"^0*$"
    m = df.select(
        pl.col("id"),
        (pl.col("rt").fill_null("").str.contains(kosong)
         | pl.col("rw").fill_null("").str.contains(kosong)).alias("mutu.rt_rw_000"),
        (~struktur_ok).fill_null(True).alias("mutu.nik_struktur"),
        (struktur_ok & ((hari != tl.dt.day()) | (mm != tl.dt.month())
                        | (yy != tl.dt.year() % 100))).fill_null(False)
        .alias("mutu.nik_tanggal_beda"),
        (struktur_ok & ((dd > 40) != (pl.col("jenis_kelamin") == "P"))).fill_null(False)
        .alias("mutu.nik_jenis_kelamin_beda"),
        ((usia < USIA_PEMILIH) & ~pl.col("status_kawin").fill_null("").is_in(["S", "P"]))
        .alias("mutu.usia_hari_pemungutan"),
        ((pl.col("tempat_lahir").fill_null("") == "") | (pl.col("alamat").fill_null("") == "")
         | (pl.col("status_kawin").fill_null("") == "")).alias("mutu.unsur_kosong"))
    return {c: m.filter(pl.col(c))["id"] for c in m.columns if c != "id"}


def mutu_periksa(*, akun, pemilu: Pemilu, wilayah_kode: str | None = None,
                 tahap: str = "") -> PemeriksaanMutu:
    """Every data-quality check of `CEK_MUTU` over the active voters of a territory: the
    count and up to 20 examples (masked) of each named finding. Kept as a record."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    kode = wilayah_kode or cakupan.akar or pemilu.cakupan_id or ""
    if kode:
        cakupan.wajib_mencakup(kode)
    aktif = Pemilih.objects.filter(pemilu=pemilu, status=StatusPemilih.AKTIF)
    if kode:
        aktif = aktif.filter(q_subpohon("desa_id", kode))
    df = _baca(aktif)
    kecamatan = set(Wilayah.objects.filter(tingkat="kecamatan").values_list("kode", flat=True))
    ids = _mutu_frame(df, kecamatan, pemilu.tanggal_pemungutan)
    dua = _nik_dua_orang_lintas_pemilu(pemilu, kode)
    dua |= set(RiwayatPemilih.objects.filter(pemilih__in=aktif, aksi="pemilih.impor_ubah")
               .annotate(na=KeyTextTransform("nama", "sebelum"),
                         nb=KeyTextTransform("nama", "sesudah"),
                         ta=KeyTextTransform("tanggal_lahir", "sebelum"),
                         tb=KeyTextTransform("tanggal_lahir", "sesudah"))
               .exclude(na=F("nb")).exclude(ta=F("tb"))
               .values_list("pemilih_id", flat=True))
    ids["mutu.nik_dua_orang"] = pl.Series(sorted(dua), dtype=pl.Int64)
    contoh_ids = {i for s in ids.values() for i in s.head(CONTOH).to_list()}
    contoh = {p.pk: p for p in Pemilih.objects.filter(pk__in=contoh_ids).select_related("desa")}
    temuan = []
    for cek in CEK_MUTU:
        s = ids[cek.kode]
        temuan.append({"kode": cek.kode, "nama": cek.nama, "keterangan": cek.keterangan,
                       "jumlah": len(s), "contoh": [
                           {"id": i, "nik": nik_samarkan(contoh[i].nik), "nama": contoh[i].nama,
                            "desa": contoh[i].desa.nama, "rt": contoh[i].rt, "rw": contoh[i].rw}
                           for i in s.head(CONTOH).to_list() if i in contoh]})
    with transaction.atomic():
        hasil = PemeriksaanMutu.objects.create(pemilu=pemilu, wilayah_kode=kode, tahap=tahap,
                                               akun=akun, jumlah_pemilih=len(df),
                                               temuan=temuan)
        audit_catat(akun=akun, aksi="pemilih.mutu_periksa", objek=hasil, wilayah_kode=kode,
                    sesudah={"tahap": tahap, "pemilih": len(df),
                             "temuan": {t["kode"]: t["jumlah"] for t in temuan}})
    return hasil


def _nik_dua_orang_lintas_pemilu(pemilu: Pemilu, kode: str) -> set[int]:
    """Active voters whose NIK is listed in another election with another name and another
    birth date. The other elections are named (`= ANY`), so each probe uses the unique
    (pemilu, nik) index; NIK leads no index on its own."""
    lain = list(Pemilu.objects.exclude(pk=pemilu.pk).values_list("pk", flat=True))
    if not lain:
        return set()
    if connection.vendor != "postgresql":
        ada = Pemilih.objects.filter(pemilu_id__in=lain, nik=OuterRef("nik")).exclude(
            Q(nama=OuterRef("nama")) | Q(tanggal_lahir=OuterRef("tanggal_lahir")))
        qs = Pemilih.objects.filter(pemilu=pemilu, status=StatusPemilih.AKTIF)
        if kode:
            qs = qs.filter(q_subpohon("desa_id", kode))
        return set(qs.filter(Exists(ada)).values_list("id", flat=True))
    sql = """
        SELECT DISTINCT a.id FROM pemilih_pemilih a
        JOIN pemilih_pemilih b ON b.pemilu_id = ANY(%s) AND b.nik = a.nik
        WHERE a.pemilu_id = %s AND a.status = 'aktif'
          AND (%s = '' OR a.desa_id = %s OR a.desa_id LIKE %s)
          AND b.nama <> a.nama AND b.tanggal_lahir <> a.tanggal_lahir"""
    with connection.cursor() as c:
        c.execute(sql, [lain, pemilu.pk, kode, kode, kode + ".%"])
        return {r[0] for r in c.fetchall()}


# --- Bawaslu's correction suggestions ---------------------------------------------------------
def saran_catat(*, akun, pemilu: Pemilu, kode_wilayah: str, nomor_surat: str,
                tanggal_surat: date, jenis: str, isi: str,
                pemilih_id: int | None = None) -> SaranBawaslu:
    """Log a correction suggestion received from Bawaslu (letter number and date)."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    cakupan.wajib_mencakup(kode_wilayah)
    if not Wilayah.objects.filter(kode=kode_wilayah).exists():
        raise DataTidakValid(f"Wilayah '{kode_wilayah}' tidak dikenal.",
                             code=KodePemilih.DESA_TIDAK_VALID)
    if not nomor_surat.strip() or not isi.strip() or not jenis.strip():
        raise DataTidakValid("Nomor surat, jenis dan isi saran wajib diisi.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    if pemilih_id is not None and not Pemilih.objects.filter(
            q_subpohon("desa_id", kode_wilayah), pk=pemilih_id, pemilu=pemilu).exists():
        raise TidakDitemukan("Pemilih yang disarankan tidak ada di wilayah ini.")
    with transaction.atomic():
        s = SaranBawaslu.objects.create(pemilu=pemilu, wilayah_id=kode_wilayah,
                                        nomor_surat=nomor_surat.strip(),
                                        tanggal_surat=tanggal_surat, jenis=jenis.strip(),
                                        isi=isi.strip(), pemilih_id=pemilih_id, akun=akun)
        audit_catat(akun=akun, aksi="pemilih.saran_bawaslu_catat", objek=s,
                    wilayah_kode=kode_wilayah,
                    sesudah={"nomor_surat": s.nomor_surat, "jenis": s.jenis,
                             "pemilih": pemilih_id})
    return s


def saran_tindak_lanjut(*, akun, saran_id: int, status: str, alasan: str = "") -> SaranBawaslu:
    """Move a suggestion along its declared states; done and rejected need a reason."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    with transaction.atomic():
        s = SaranBawaslu.objects.select_for_update().filter(pk=saran_id).first()
        if s is None or not cakupan.mencakup(s.wilayah_id):
            raise TidakDitemukan("Saran tidak ditemukan di wilayah kerja Anda.")
        if not saran_boleh_pindah(s.status, status):
            raise DataTidakValid(f"Saran berstatus {s.status} tidak dapat menjadi {status}.",
                                 code=KodePemilih.SARAN_STATUS_SALAH)
        if status in ("selesai", "ditolak") and not alasan.strip():
            raise DataTidakValid("Tindak lanjut atau alasan penolakan wajib diisi.",
                                 code=KodePemilih.SARAN_TANPA_ALASAN)
        sebelum = {"status": s.status}
        s.status, s.alasan, s.diubah = status, alasan.strip() or s.alasan, timezone.now()
        s.save(update_fields=["status", "alasan", "diubah"])
        audit_catat(akun=akun, aksi="pemilih.saran_bawaslu_status", objek=s,
                    wilayah_kode=s.wilayah_id, sebelum=sebelum,
                    sesudah={"status": status, "alasan": s.alasan})
    return s
