"""Writes for elections and TPS. Each runs in one transaction with its audit entry."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from simpul.core.audit import audit_catat, snapshot
from simpul.core.errors import DataTidakValid
from simpul.core.roles import Peran
from simpul.core.scope import Cakupan, di_bawah
from simpul.core.tabel import baca_tabel
from simpul.wilayah.models import Wilayah
from simpul.wilayah.rules import TINGKAT_DESA, TINGKAT_KABKOTA

from .errors import KodePemilu
from .models import TPS, JenisPemilu, Pemilu
from .rules import koordinat_di_indonesia

KOLOM_TPS = ["kode_desa", "nomor", "alamat", "lintang", "bujur", "jumlah_pemilih"]
FIELD_TPS = ["desa_id", "nomor", "alamat", "lintang", "bujur", "jumlah_pemilih"]


def pemilu_buat(*, akun, nama: str, jenis: str, tanggal_pemungutan: date,
                cakupan_kode: str | None = None, parameter: dict | None = None) -> Pemilu:
    """A Pemilu is national and set by KPU RI; a Pilkada covers one province or
    kabupaten/kota and may be set by the KPU office of that territory or above."""
    cakupan = Cakupan.dari(akun)
    if jenis not in JenisPemilu.values:
        raise DataTidakValid(f"Jenis pemilu '{jenis}' tidak dikenal.")
    if jenis == JenisPemilu.PEMILU:
        cakupan.wajib_peran(frozenset({Peran.KPU_RI}), "Pemilu nasional hanya dibuat KPU RI.")
        if cakupan_kode:
            raise DataTidakValid("Pemilu bersifat nasional: cakupan harus kosong.",
                                 code=KodePemilu.PEMILU_CAKUPAN)
        wilayah = None
    else:
        wilayah = Wilayah.objects.filter(kode=cakupan_kode or "").first()
        if wilayah is None or wilayah.tingkat not in ("provinsi", *TINGKAT_KABKOTA):
            raise DataTidakValid("Cakupan pilkada harus provinsi atau kabupaten/kota.",
                                 code=KodePemilu.PEMILU_CAKUPAN)
        cakupan.wajib_mengelola(wilayah.kode, "Hanya KPU yang berwenang di wilayah ini.")
    if not nama.strip():
        raise DataTidakValid("Nama pemilu wajib diisi.")
    with transaction.atomic():
        pemilu = Pemilu.objects.create(nama=nama.strip(), jenis=jenis, cakupan=wilayah,
                                       tanggal_pemungutan=tanggal_pemungutan,
                                       parameter=parameter or {})
        audit_catat(akun=akun, aksi="pemilu.buat", objek=pemilu,
                    sesudah=snapshot(pemilu, ["nama", "jenis", "tanggal_pemungutan",
                                              "cakupan_id", "parameter"]))
    return pemilu


@dataclass
class GalatBaris:
    baris: int
    kode: str
    pesan: str


def _angka(teks: str, nama: str, galat: list, *, desimal=False):
    if teks in ("", None):
        return None
    try:
        if desimal:
            return Decimal(teks.replace(",", "."))
        nilai = Decimal(teks)
        if nilai != nilai.to_integral_value():
            raise InvalidOperation
        return int(nilai)
    except InvalidOperation:
        galat.append((KodePemilu.BERKAS_TIDAK_VALID, f"{nama} '{teks}' bukan angka"))
        return None


def tps_periksa(*, pemilu: Pemilu, cakupan: Cakupan, desa: Wilayah | None, kode_desa: str,
                nomor, lintang, bujur, jumlah_pemilih, galat: list) -> None:
    """Every reason a TPS row cannot be saved, appended to `galat` as (code, message)."""
    if desa is None or desa.tingkat not in TINGKAT_DESA:
        galat.append((KodePemilu.TPS_DESA_SALAH,
                      f"kode desa/kelurahan '{kode_desa}' tidak dikenal"))
    elif not desa.aktif:
        galat.append((KodePemilu.TPS_DESA_SALAH, f"kode {kode_desa} sudah tidak berlaku"))
    elif not di_bawah(desa.kode, pemilu.cakupan_id):
        galat.append((KodePemilu.TPS_DI_LUAR_CAKUPAN,
                      f"{kode_desa} di luar cakupan {pemilu.nama}"))
    elif not cakupan.mencakup(desa.kode):
        galat.append((KodePemilu.TPS_DI_LUAR_CAKUPAN,
                      f"{kode_desa} di luar wilayah kerja Anda"))
    if nomor is not None and not 1 <= nomor <= 999:
        galat.append((KodePemilu.BERKAS_TIDAK_VALID, "nomor TPS harus 1 sampai 999"))
    if (lintang is None) != (bujur is None):
        galat.append((KodePemilu.TPS_KOORDINAT, "lintang dan bujur harus diisi berdua"))
    elif lintang is not None and not koordinat_di_indonesia(float(lintang), float(bujur)):
        galat.append((KodePemilu.TPS_KOORDINAT,
                      f"koordinat {lintang}, {bujur} di luar Indonesia"))
    maks = pemilu.maks_pemilih_per_tps
    if jumlah_pemilih is not None and maks and jumlah_pemilih > maks:
        galat.append((KodePemilu.TPS_MELEBIHI_MAKS,
                      f"{jumlah_pemilih} pemilih melebihi batas {maks} per TPS"))


def _wajib_pengelola_tps(akun, pemilu: Pemilu) -> Cakupan:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(frozenset({Peran.KPU_RI, Peran.KPU_PROVINSI, Peran.KPU_KAB_KOMISIONER,
                                   Peran.KPU_KAB_OPERATOR}),
                        "Hanya KPU yang dapat mengubah data TPS.")
    if not cakupan.pemilu(Pemilu.objects.filter(pk=pemilu.pk)).exists():
        raise DataTidakValid("Pemilu tidak ditemukan di wilayah kerja Anda.",
                             code=KodePemilu.TPS_DI_LUAR_CAKUPAN, status=404)
    return cakupan


def tps_simpan(*, akun, pemilu: Pemilu, kode_desa: str, nomor: int, alamat: str = "",
               lintang=None, bujur=None, jumlah_pemilih: int | None = None) -> TPS:
    """Create a TPS, or update the one with the same number in the same desa."""
    cakupan = _wajib_pengelola_tps(akun, pemilu)
    cakupan.wajib_mencakup(kode_desa)
    desa = Wilayah.objects.filter(kode=kode_desa).first()
    galat: list = []
    tps_periksa(pemilu=pemilu, cakupan=cakupan, desa=desa, kode_desa=kode_desa, nomor=nomor,
                lintang=lintang, bujur=bujur, jumlah_pemilih=jumlah_pemilih, galat=galat)
    if galat:
        pesan = "; ".join(p for _, p in galat)
        raise DataTidakValid(pesan[0].upper() + pesan[1:] + ".",
                             code=galat[0][0])
    with transaction.atomic():
        tps = TPS.objects.select_for_update().filter(pemilu=pemilu, desa=desa,
                                                     nomor=nomor).first()
        sebelum = snapshot(tps, FIELD_TPS) if tps else None
        if tps is None:
            tps = TPS(pemilu=pemilu, desa=desa, nomor=nomor)
        tps.alamat, tps.lintang, tps.bujur = alamat, lintang, bujur
        tps.jumlah_pemilih = jumlah_pemilih
        tps.save()
        audit_catat(akun=akun, aksi="tps.ubah" if sebelum else "tps.buat", objek=tps,
                    wilayah_kode=desa.kode, sebelum=sebelum, sesudah=snapshot(tps, FIELD_TPS))
    return tps


@dataclass
class HasilImporTPS:
    dibuat: int = 0
    diubah: int = 0
    tetap: int = 0
    galat: list[GalatBaris] = field(default_factory=list)


def tps_impor(*, akun, pemilu: Pemilu, data: bytes, nama_berkas: str) -> HasilImporTPS:
    """Import TPS from CSV/XLSX: every good row is saved, every bad row reported with its
    line number and reason; re-importing the same file changes nothing."""
    cakupan = _wajib_pengelola_tps(akun, pemilu)
    hasil = HasilImporTPS()
    baris = list(baca_tabel(data, nama_berkas, wajib={"kode_desa", "nomor"},
                            kode=KodePemilu.BERKAS_TIDAK_VALID))
    desa = Wilayah.objects.in_bulk({b.get("kode_desa", "") for _, b in baris})
    sah: dict[tuple[str, int], tuple[int, dict]] = {}
    for nomor_baris, b in baris:
        galat: list = []
        kode_desa = b.get("kode_desa", "")
        nomor = _angka(b.get("nomor", ""), "nomor", galat)
        if not b.get("nomor"):
            galat.append((KodePemilu.BERKAS_TIDAK_VALID, "nomor TPS wajib diisi"))
        nilai = {
            "alamat": b.get("alamat", "")[:300],
            "lintang": _angka(b.get("lintang", ""), "lintang", galat, desimal=True),
            "bujur": _angka(b.get("bujur", ""), "bujur", galat, desimal=True),
            "jumlah_pemilih": _angka(b.get("jumlah_pemilih", ""), "jumlah_pemilih", galat),
        }
        tps_periksa(pemilu=pemilu, cakupan=cakupan, desa=desa.get(kode_desa),
                    kode_desa=kode_desa, nomor=nomor, galat=galat, **{
                        k: nilai[k] for k in ("lintang", "bujur", "jumlah_pemilih")})
        kunci = (kode_desa, nomor)
        if not galat and kunci in sah:
            galat.append((KodePemilu.TPS_GANDA,
                          f"TPS {nomor:03d} {kode_desa} ganda (sudah di baris {sah[kunci][0]})"))
        if galat:
            hasil.galat.extend(GalatBaris(nomor_baris, k, p) for k, p in galat)
        else:
            sah[kunci] = (nomor_baris, nilai)
    with transaction.atomic():
        ada = {(t.desa_id, t.nomor): t for t in
               TPS.objects.select_for_update().filter(pemilu=pemilu,
                                                      desa_id__in={k for k, _ in sah})}
        baru, ubah, perubahan = [], [], {}
        for (kode_desa, nomor), (_, nilai) in sah.items():
            tps = ada.get((kode_desa, nomor))
            if tps is None:
                baru.append(TPS(pemilu=pemilu, desa_id=kode_desa, nomor=nomor, **nilai))
                continue
            lama = snapshot(tps, nilai.keys())
            if lama == nilai:
                hasil.tetap += 1
                continue
            for k, v in nilai.items():
                setattr(tps, k, v)
            ubah.append(tps)
            perubahan[f"{kode_desa}/{nomor:03d}"] = {"sebelum": lama, "sesudah": nilai}
        TPS.objects.bulk_create(baru, batch_size=2000)
        TPS.objects.bulk_update(ubah, ["alamat", "lintang", "bujur", "jumlah_pemilih"],
                                batch_size=2000)
        hasil.dibuat, hasil.diubah = len(baru), len(ubah)
        if baru or ubah:
            audit_catat(akun=akun, aksi="tps.impor", objek=pemilu,
                        sesudah={"berkas": nama_berkas, "dibuat": [
                            f"{t.desa_id}/{t.nomor:03d}" for t in baru], "diubah": perubahan,
                            "baris_salah": len(hasil.galat)})
    return hasil
