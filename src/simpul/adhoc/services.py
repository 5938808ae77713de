"""Writes of the ad hoc domain. Each runs in one transaction with its audit entry."""

import io

from django.db import transaction
from openpyxl import Workbook

from simpul.core.audit import audit_catat
from simpul.pemilu.models import Pemilu

from .selectors import BarisRencana, rencana_rinci

KOLOM_KURSI = ["TPS", "Pemilih", "TPS > ambang Pantarlih", "TPS tanpa jumlah pemilih",
               "PPK", "PPS", "KPPS", "Pantarlih", "Jumlah kursi"]


def _angka(b: BarisRencana) -> list[int]:
    k = b.kursi
    return [b.tps, b.pemilih, b.tps_di_atas_ambang, b.tps_tanpa_pemilih,
            k.ppk, k.pps, k.kpps, k.pantarlih, k.total]


def rencana_ekspor_xlsx(*, akun, pemilu: Pemilu, kode: str | None = None) -> bytes:
    """The staffing plan of a node as an XLSX workbook (summary, per kecamatan, per
    desa/kelurahan). Exporting is audited."""
    r = rencana_rinci(akun=akun, pemilu=pemilu, kode=kode)
    buku = Workbook(write_only=True)
    ringkas = buku.create_sheet("Ringkasan")
    ringkas.append(["Rencana kebutuhan badan ad hoc"])
    ringkas.append(["Pemilu", pemilu.nama])
    ringkas.append(["Wilayah", r.total.nama, r.total.kode])
    ringkas.append([])
    ringkas.append(["Parameter", "Nilai"])
    for nama, nilai in vars(r.ukuran).items():
        ringkas.append([nama, "-" if nilai is None else nilai])
    ringkas.append([])
    ringkas.append(["Kecamatan", "Desa/kelurahan", *KOLOM_KURSI])
    ringkas.append([r.total.kecamatan, r.total.desa, *_angka(r.total)])
    kec = buku.create_sheet("Per kecamatan")
    kec.append(["Kode", "Kabupaten/kota", "Kecamatan", "Desa/kelurahan", *KOLOM_KURSI])
    for b in r.kecamatan:
        kec.append([b.kode, r.nama_induk.get(b.kode[:5], ""), b.nama, b.desa, *_angka(b)])
    desa = buku.create_sheet("Per desa")
    desa.append(["Kode", "Kabupaten/kota", "Kecamatan", "Desa/kelurahan", "Tingkat",
                 *KOLOM_KURSI])
    for kab, nama_kec, b in r.baris_desa():
        desa.append([b.kode, kab, nama_kec, b.nama, b.tingkat, *_angka(b)])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    with transaction.atomic():
        audit_catat(akun=akun, aksi="adhoc.rencana.ekspor", objek=pemilu,
                    sesudah={"wilayah": r.total.kode or None, "desa": len(r.desa),
                             "kursi": vars(r.total.kursi)},
                    wilayah_kode=r.total.kode)
    return keluaran.getvalue()
