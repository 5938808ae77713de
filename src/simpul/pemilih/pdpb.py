"""PDPB (pemutakhiran data pemilih berkelanjutan): the monthly recap of continuous updating
between elections, computed from the voter rows and their change history, never typed
in: new voters, TMS by category and data changes per month, with a chart for social
media (PNG, 1200 × 675, 16:9)."""

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import TruncMonth
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.dokumen import BULAN, XLSX
from simpul.core.errors import DataTidakValid
from simpul.core.scope import Cakupan, q_subpohon
from simpul.core.tabel import tulis_xlsx
from simpul.pemilu.models import Pemilu

from .errors import KodePemilih
from .models import KategoriTMS, Pemilih, RiwayatPemilih

AKSI_TMS = ("pemilih.tms", "pemilih.coklit_tms")
AKSI_UBAH = ("pemilih.ubah", "pemilih.impor_ubah")
AKSI_MS_KEMBALI = ("pemilih.ms",)


@dataclass
class BulanPDPB:
    bulan: date
    baru: int = 0
    tms: dict[str, int] = field(default_factory=dict)
    ubah: int = 0
    aktif_kembali: int = 0

    @property
    def tms_total(self) -> int:
        return sum(self.tms.values())

    @property
    def label(self) -> str:
        return f"{BULAN[self.bulan.month - 1][:3]} {self.bulan.year}"


@dataclass
class RekapPDPB:
    pemilu: Pemilu
    wilayah_kode: str
    mulai: date
    sampai: date
    bulan: list[BulanPDPB]
    kategori: list[tuple[str, str]]

    @property
    def total(self) -> BulanPDPB:
        t = BulanPDPB(self.mulai)
        for b in self.bulan:
            t.baru += b.baru
            t.ubah += b.ubah
            t.aktif_kembali += b.aktif_kembali
            for k, n in b.tms.items():
                t.tms[k] = t.tms.get(k, 0) + n
        return t


def _bulan_daftar(mulai: date, sampai: date) -> list[date]:
    hasil, d = [], mulai.replace(day=1)
    while d <= sampai:
        hasil.append(d)
        d = d.replace(year=d.year + (d.month == 12), month=d.month % 12 + 1)
    return hasil


def pdpb_rekap(*, akun, pemilu: Pemilu, mulai: date, sampai: date,
               wilayah_kode: str | None = None) -> RekapPDPB:
    """New voters (rows created), TMS by category, data changes and voters made eligible
    again, per month between two dates, inside the account's territory."""
    if sampai < mulai:
        raise DataTidakValid("Tanggal akhir sebelum tanggal awal.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    kode = wilayah_kode or cakupan.akar or pemilu.cakupan_id or ""
    if kode:
        cakupan.wajib_mencakup(kode)
    awal = timezone.make_aware(datetime.combine(mulai, time.min))
    akhir = timezone.make_aware(datetime.combine(sampai, time.max))
    pemilih = Pemilih.objects.filter(pemilu=pemilu)
    if kode:
        pemilih = pemilih.filter(q_subpohon("desa_id", kode))
    bulan = {b: BulanPDPB(b) for b in _bulan_daftar(mulai, sampai)}

    def _kunci(t) -> date:
        return timezone.localtime(t).date().replace(day=1) if isinstance(t, datetime) \
            else t.replace(day=1)

    for r in (pemilih.filter(dibuat__range=(awal, akhir)).annotate(b=TruncMonth("dibuat"))
              .values("b").annotate(n=Count("id"))):
        bulan[_kunci(r["b"])].baru += r["n"]
    riwayat = RiwayatPemilih.objects.filter(pemilih__in=pemilih, waktu__range=(awal, akhir))
    for r in (riwayat.filter(aksi__in=AKSI_TMS)
              .annotate(b=TruncMonth("waktu"), k=KeyTextTransform("kategori_tms_id", "sesudah"))
              .values("b", "k").annotate(n=Count("id"))):
        if r["k"]:
            k = str(r["k"])  # text on PostgreSQL, a number on SQLite
            b = bulan[_kunci(r["b"])]
            b.tms[k] = b.tms.get(k, 0) + r["n"]
    for r in (riwayat.filter(Q(aksi__in=AKSI_UBAH) | Q(aksi__in=AKSI_MS_KEMBALI))
              .annotate(b=TruncMonth("waktu")).values("b", "aksi").annotate(n=Count("id"))):
        b = bulan[_kunci(r["b"])]
        if r["aksi"] in AKSI_UBAH:
            b.ubah += r["n"]
        else:
            b.aktif_kembali += r["n"]
    dipakai = {k for b in bulan.values() for k in b.tms}
    kategori = [(str(k.pk), k.nama) for k in KategoriTMS.objects.all()
                if str(k.pk) in dipakai]
    return RekapPDPB(pemilu, kode, mulai, sampai, list(bulan.values()), kategori)


WARNA = ["#b3121b", "#1d6fb8", "#e0a100", "#2e8b57", "#7a3fb0", "#111111", "#8c564b",
         "#17becf", "#bcbd22"]


def pdpb_grafik_png(rekap: RekapPDPB, *, judul_wilayah: str = "") -> bytes:
    """A 1200 × 675 PNG (16:9, the size social media previews use): new voters against TMS
    stacked by category per month, with the totals in the title."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 6.75), dpi=100)
    ax = fig.add_subplot()
    x = list(range(len(rekap.bulan)))
    ax.bar([i - 0.2 for i in x], [b.baru for b in rekap.bulan], 0.4, label="Pemilih baru",
           color="#1d6fb8")
    dasar = [0] * len(x)
    for j, (k, nama) in enumerate(rekap.kategori):
        nilai = [b.tms.get(k, 0) for b in rekap.bulan]
        ax.bar([i + 0.2 for i in x], nilai, 0.4, bottom=dasar, label=f"TMS {nama.lower()}",
               color=WARNA[(j + 2) % len(WARNA)])
        dasar = [a + b for a, b in zip(dasar, nilai, strict=True)]
    ax.set_xticks(x, [b.label for b in rekap.bulan], fontsize=12)
    ax.tick_params(axis="y", labelsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=11, frameon=False, loc="upper left", ncols=3)
    t = rekap.total
    fig.suptitle(f"Pemutakhiran Data Pemilih Berkelanjutan {judul_wilayah}".strip(),
                 fontsize=20, fontweight="bold")
    ax.set_title(f"{rekap.mulai:%d-%m-%Y} s.d. {rekap.sampai:%d-%m-%Y} · pemilih baru "
                 f"{t.baru:,} · TMS {t.tms_total:,} · perubahan data {t.ubah:,}"
                 .replace(",", "."), fontsize=13)
    fig.text(0.99, 0.01, "Sumber: Simpul, dihitung dari data pemilih dan riwayat perubahannya",
             ha="right", fontsize=9, color="#555")
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    keluaran = io.BytesIO()
    fig.savefig(keluaran, format="png", metadata={"Software": None})
    return keluaran.getvalue()


def pdpb_ekspor(*, akun, pemilu: Pemilu, mulai: date, sampai: date, format: str,
                wilayah_kode: str | None = None) -> tuple[bytes, str, str]:
    rekap = pdpb_rekap(akun=akun, pemilu=pemilu, mulai=mulai, sampai=sampai,
                       wilayah_kode=wilayah_kode)
    nama = f"pdpb-{rekap.wilayah_kode or 'nasional'}-{mulai:%Y%m}-{sampai:%Y%m}"
    if format == "png":
        isi, mime, nama = pdpb_grafik_png(rekap, judul_wilayah=rekap.wilayah_kode), \
            "image/png", nama + ".png"
    elif format == "xlsx":
        kolom = ["Bulan", "Pemilih baru", *[f"TMS {n}" for _, n in rekap.kategori],
                 "TMS jumlah", "Perubahan data", "Aktif kembali (MS)"]
        baris = [[b.label, b.baru, *[b.tms.get(k, 0) for k, _ in rekap.kategori],
                  b.tms_total, b.ubah, b.aktif_kembali] for b in rekap.bulan]
        t = rekap.total
        baris.append(["Jumlah", t.baru, *[t.tms.get(k, 0) for k, _ in rekap.kategori],
                      t.tms_total, t.ubah, t.aktif_kembali])
        isi = tulis_xlsx([("PDPB", [[f"Rekap PDPB {pemilu.nama} {rekap.wilayah_kode}"],
                                    [f"{mulai:%d-%m-%Y} s.d. {sampai:%d-%m-%Y}"], [], kolom,
                                    *baris])])
        mime, nama = XLSX, nama + ".xlsx"
    else:
        raise DataTidakValid("Format harus png atau xlsx.", code=KodePemilih.DATA_TIDAK_VALID)
    with transaction.atomic():
        audit_catat(akun=akun, aksi="pemilih.pdpb_ekspor", objek=pemilu,
                    wilayah_kode=rekap.wilayah_kode,
                    sesudah={"mulai": mulai, "sampai": sampai, "format": format})
    return isi, nama, mime
