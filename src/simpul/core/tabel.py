"""Reading the spreadsheets staff send (CSV or XLSX) as numbered rows of named cells, and
writing the ones they download."""

import csv
import io
from collections.abc import Iterator

from .errors import DataTidakValid

BATAS_BYTE = 50 * 1024 * 1024


def baca_tabel(data: bytes, nama_berkas: str, *, wajib: set[str],
               kode: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number as the user sees it, {column: text}) for each non-empty row.

    Refuses the whole file only for what makes every row unreadable: size, type,
    encoding, missing columns. Row-level problems are for the caller to report."""
    if not data:
        raise DataTidakValid("Berkas kosong.", code=kode)
    if len(data) > BATAS_BYTE:
        raise DataTidakValid(f"Berkas terlalu besar (maksimal {BATAS_BYTE // 2**20} MB).",
                             code=kode)
    nama = nama_berkas.lower()
    if nama.endswith(".xlsx"):
        baris = baris_xlsx(data, kode)
    elif nama.endswith(".csv") or nama.endswith(".txt"):
        baris = baris_csv(data, kode)
    else:
        raise DataTidakValid("Jenis berkas harus .csv atau .xlsx.", code=kode)
    try:
        kepala = [str(k or "").strip().lower() for k in next(baris)]
    except StopIteration:
        raise DataTidakValid("Berkas kosong.", code=kode) from None
    kurang = sorted(wajib - set(kepala))
    if kurang:
        raise DataTidakValid(f"Kolom wajib tidak ada: {', '.join(kurang)}.", code=kode,
                             details={"kolom_ada": kepala, "kolom_kurang": kurang})
    for nomor, sel in enumerate(baris, start=2):
        teks = ["" if v is None else str(v).strip() for v in sel]
        if any(teks):
            yield nomor, dict(zip(kepala, teks, strict=False))


def baris_csv(data: bytes, kode: str):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        teks = data.decode("utf-8")
    except UnicodeDecodeError as e:
        baris = data[: e.start].count(b"\n") + 1
        raise DataTidakValid(f"Berkas bukan UTF-8 (baris {baris}). Simpan ulang sebagai "
                             "CSV UTF-8.", code=kode) from None
    contoh = teks[:4096]
    pemisah = ";" if contoh.count(";") > contoh.count(",") else ","
    return csv.reader(io.StringIO(teks), delimiter=pemisah)


def baris_xlsx(data: bytes, kode: str):
    from openpyxl import load_workbook

    try:
        buku = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise DataTidakValid("Berkas XLSX rusak atau bukan XLSX.", code=kode) from None
    return (list(r) for r in buku.active.iter_rows(values_only=True))


def tulis_csv(kolom: list[str], baris) -> bytes:
    keluaran = io.StringIO()
    penulis = csv.writer(keluaran)
    penulis.writerow(kolom)
    penulis.writerows(baris)
    return ("\ufeff" + keluaran.getvalue()).encode("utf-8")


def tulis_xlsx(lembar: list[tuple[str, list[list]]]) -> bytes:
    """A workbook of named sheets, each a list of rows, written streaming (write-only mode
    keeps memory flat for a province's worth of rows)."""
    from openpyxl import Workbook

    buku = Workbook(write_only=True)
    for nama, baris in lembar:
        ws = buku.create_sheet(nama)
        for b in baris:
            ws.append(b)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
