"""What every app's documents share: PDF from an HTML template (WeasyPrint; no office
suite is on the servers), dates written the Indonesian way, and the HTTP answer that
hands a generated file to the browser."""

from datetime import date

from django.http import HttpResponse
from django.template.loader import render_to_string

PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal_teks(t: date | None, hari: bool = False) -> str:
    """A date the way Indonesian letters write it: "Kamis, 7 November 2024"."""
    if t is None:
        return ""
    teks = f"{t.day} {BULAN[t.month - 1]} {t.year}"
    return f"{HARI[t.weekday()]}, {teks}" if hari else teks


def pdf_dari_html(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango and fonts, which pages without a PDF never need.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def pdf_render(templat: str, konteks: dict) -> bytes:
    """The Django template `templat` filled with `konteks`, as PDF."""
    return pdf_dari_html(render_to_string(templat, konteks))


def berkas_respons(isi: bytes, nama: str, mime: str, *, lampiran: bool = True) -> HttpResponse:
    """A generated file for the browser: saved (`lampiran`) or shown in place. The file
    name is the caller's own ASCII name, never text a user typed."""
    respons = HttpResponse(isi, content_type=mime)
    respons["Content-Disposition"] = (f'{"attachment" if lampiran else "inline"}; '
                                      f'filename="{nama}"')
    return respons
