"""Importing the Kemendagri region codes: the whole file or nothing."""

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid

from .errors import KodeWilayah
from .models import EdisiWilayah, Wilayah
from .rules import kode_induk, tingkat_dari_kode

BERKAS_BAWAAN = Path(__file__).parent / "data" / "wilayah.csv"
SUMBER_BAWAAN = "cahyadsn/wilayah db/wilayah.sql (d68e8d5), via shared/data/wilayah"
DASAR_HUKUM_BAWAAN = "Kepmendagri 300.2.2-2138/2025 jo. 300.2.2-2430/2025"
KOLOM = ["kode", "nama", "tingkat"]


@dataclass(frozen=True)
class BarisWilayah:
    kode: str
    nama: str
    tingkat: str


@dataclass
class HasilImpor:
    ditambah: int = 0
    diubah: int = 0
    dinonaktifkan: int = 0
    tetap: int = 0
    edisi: EdisiWilayah | None = None
    contoh_perubahan: list = field(default_factory=list)

    @property
    def tanpa_perubahan(self) -> bool:
        return not (self.ditambah or self.diubah or self.dinonaktifkan)


def _dekode(data: bytes) -> tuple[list[str], list[tuple[int, str]]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8").splitlines(), []
    except UnicodeDecodeError:
        salah = []
        for nomor, baris in enumerate(data.split(b"\n"), start=1):
            try:
                baris.decode("utf-8")
            except UnicodeDecodeError:
                salah.append((nomor, "bukan UTF-8 (encoding salah)"))
        return [], salah


def wilayah_baca(data: bytes) -> list[BarisWilayah]:
    """Parse and check a `kode,nama,tingkat` file; refuse it whole with every bad line."""
    baris_teks, galat = _dekode(data)
    if galat:
        raise _berkas_tidak_valid(galat)
    if not baris_teks:
        raise _berkas_tidak_valid([(1, "berkas kosong")])
    hasil: list[BarisWilayah] = []
    pertama: dict[str, int] = {}
    nomor_baris: dict[str, int] = {}
    pembaca = csv.reader(baris_teks)
    kepala = next(pembaca)
    if [k.strip().lower() for k in kepala] != KOLOM:
        galat.append((1, f"kepala kolom harus {','.join(KOLOM)}, tertulis {','.join(kepala)}"))
    for nomor, kolom in enumerate(pembaca, start=2):
        if not kolom or all(not k.strip() for k in kolom):
            continue
        if len(kolom) != 3:
            galat.append((nomor, f"harus 3 kolom, ada {len(kolom)}"))
            continue
        kode, nama, tingkat = (k.strip() for k in kolom)
        seharusnya = tingkat_dari_kode(kode)
        if seharusnya is None:
            galat.append((nomor, f"kode '{kode}' tidak sesuai format Kemendagri"))
            continue
        if kode in pertama:
            galat.append((nomor, f"kode {kode} ganda (sudah ada di baris {pertama[kode]})"))
            continue
        pertama[kode] = nomor
        if not nama:
            galat.append((nomor, f"nama wilayah {kode} kosong"))
        if tingkat != seharusnya:
            galat.append((nomor, f"tingkat '{tingkat}' salah untuk kode {kode}, "
                                 f"seharusnya '{seharusnya}'"))
        nomor_baris[kode] = nomor
        hasil.append(BarisWilayah(kode, nama, tingkat))
    for b in hasil:
        induk = kode_induk(b.kode)
        if induk is not None and induk not in pertama:
            galat.append((nomor_baris[b.kode], f"induk {induk} dari kode {b.kode} tidak ada"))
    if galat:
        raise _berkas_tidak_valid(sorted(galat))
    return hasil


def _berkas_tidak_valid(galat: list[tuple[int, str]]) -> DataTidakValid:
    return DataTidakValid(
        f"Berkas kode wilayah ditolak seluruhnya: {len(galat)} baris salah.",
        code=KodeWilayah.BERKAS_TIDAK_VALID,
        details=[{"baris": n, "alasan": a} for n, a in galat],
    )


def wilayah_impor(*, akun=None, data: bytes | None = None, sumber: str = SUMBER_BAWAAN,
                  dasar_hukum: str = DASAR_HUKUM_BAWAAN) -> HasilImpor:
    """Bring the tree in line with a new edition: add new codes, rename changed ones,
    mark dropped ones inactive. An edition identical to the tree changes nothing."""
    if data is None:
        data = BERKAS_BAWAAN.read_bytes()
    baris = wilayah_baca(data)
    sha = hashlib.sha256(data).hexdigest()
    hasil = HasilImpor()
    with transaction.atomic():
        ada = {k: (n, t, a) for k, n, t, a in
               Wilayah.objects.values_list("kode", "nama", "tingkat", "aktif")}
        baru, ubah = [], []
        for b in baris:
            lama = ada.get(b.kode)
            if lama is None:
                baru.append(b)
            elif lama != (b.nama, b.tingkat, True):
                ubah.append((b, lama))
            else:
                hasil.tetap += 1
        di_berkas = {b.kode for b in baris}
        hilang = [k for k, (_, _, aktif) in ada.items() if aktif and k not in di_berkas]
        if not (baru or ubah or hilang):
            return hasil
        edisi = EdisiWilayah.objects.create(sumber=sumber, dasar_hukum=dasar_hukum,
                                            sha256=sha, jumlah_baris=len(baris))
        Wilayah.objects.bulk_create(
            [Wilayah(kode=b.kode, nama=b.nama, tingkat=b.tingkat, induk_id=kode_induk(b.kode),
                     edisi=edisi) for b in baru], batch_size=5000)
        Wilayah.objects.bulk_update(
            [Wilayah(kode=b.kode, nama=b.nama, tingkat=b.tingkat, induk_id=kode_induk(b.kode),
                     aktif=True, edisi=edisi) for b, _ in ubah],
            ["nama", "tingkat", "aktif", "edisi"], batch_size=2000)
        for mulai in range(0, len(hilang), 5000):
            Wilayah.objects.filter(kode__in=hilang[mulai:mulai + 5000]).update(aktif=False)
        hasil.ditambah, hasil.diubah, hasil.dinonaktifkan = len(baru), len(ubah), len(hilang)
        hasil.edisi = edisi
        audit_catat(
            akun=akun, aksi="wilayah.impor", objek=edisi,
            sebelum={"diubah": {b.kode: {"nama": lama[0], "tingkat": lama[1], "aktif": lama[2]}
                                for b, lama in ubah}},
            sesudah={"sha256": sha, "dasar_hukum": dasar_hukum, "ditambah": len(baru),
                     "diubah": {b.kode: {"nama": b.nama, "tingkat": b.tingkat}
                                for b, _ in ubah},
                     "dinonaktifkan": hilang},
        )
    return hasil
