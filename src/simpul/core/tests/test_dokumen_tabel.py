"""The shared document and spreadsheet helpers every app's exports go through."""

from datetime import date

from simpul.core.dokumen import XLSX, berkas_respons, pdf_dari_html, tanggal_teks
from simpul.core.tabel import baca_tabel, tulis_xlsx


def test_tanggal_ditulis_seperti_surat_dinas():
    assert tanggal_teks(date(2024, 11, 7)) == "7 November 2024"
    assert tanggal_teks(date(2024, 11, 7), hari=True) == "Kamis, 7 November 2024"
    assert tanggal_teks(None) == ""


def test_xlsx_yang_ditulis_terbaca_kembali_per_lembar():
    isi = tulis_xlsx([("Data", [["kode", "nama"], ["35.74", "Kota Probolinggo"], [],
                                ["35.74.05", "Kedopok"]]),
                      ("Kedua", [["x"]])])
    baris = list(baca_tabel(isi, "a.xlsx", wajib={"kode", "nama"}, kode="uji"))
    assert baris == [(2, {"kode": "35.74", "nama": "Kota Probolinggo"}),
                     (4, {"kode": "35.74.05", "nama": "Kedopok"})]


def test_respons_berkas_lampiran_atau_ditampilkan():
    r = berkas_respons(b"isi", "a.xlsx", XLSX)
    assert r["Content-Type"] == XLSX and r.content == b"isi"
    assert r["Content-Disposition"] == 'attachment; filename="a.xlsx"'
    assert berkas_respons(b"", "b.pdf", "application/pdf", lampiran=False)[
        "Content-Disposition"] == 'inline; filename="b.pdf"'


def test_pdf_dari_html():
    assert pdf_dari_html("<p>Pengumuman</p>").startswith(b"%PDF-")
