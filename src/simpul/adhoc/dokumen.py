"""Documents of the ad hoc bodies: decree (SK), oath record (berita acara sumpah/janji),
integrity pact (pakta integritas) and training certificate.

DOCX comes from a docxtpl template: the built-in one in `templat/<jenis>.docx`, or the
newest one an office uploaded for its territory (staff download the built-in, edit it in a
word processor and upload it back). PDF is rendered by WeasyPrint from the HTML template
`adhoc/dokumen/<jenis>.html` with the same context (`simpul.core.dokumen.pdf_render`);
an office's DOCX override changes the DOCX only, since no DOCX-to-PDF converter is on
the servers.
"""

import io
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate

TEMPLAT_BAWAAN = Path(__file__).parent / "templat"


def templat_bawaan(jenis: str) -> bytes:
    return (TEMPLAT_BAWAAN / f"{jenis}.docx").read_bytes()


def docx_render(templat: bytes, konteks: dict) -> bytes:
    dok = DocxTemplate(io.BytesIO(templat))
    dok.render(konteks, autoescape=True)
    keluar = io.BytesIO()
    dok.save(keluar)
    return keluar.getvalue()


def templat_periksa(data: bytes, konteks_contoh: dict) -> str | None:
    """Why an uploaded template cannot be used (None when it renders): not a DOCX, or a
    template syntax error, found by rendering it once with sample data."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return "Berkas bukan DOCX (Word 2007 ke atas)."
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/document.xml" not in z.namelist():
            return "Berkas bukan dokumen Word (word/document.xml tidak ada)."
    try:
        docx_render(data, konteks_contoh)
    except Exception as e:  # docxtpl raises Jinja and XML errors of many kinds
        return f"Templat tidak dapat diisi: {e}"
    return None


KONTEKS_CONTOH = {
    "kantor": "KPU Kota Contoh", "tempat": "Contoh", "pemilu": "Pemilu Contoh",
    "badan": "KPPS", "wilayah": "Kota Contoh", "penandatangan": "Ketua KPU Kota Contoh",
    "sk": {"nomor": "1/PP.04/0000/2024", "tanggal": "1 Januari 2024", "perihal": "Contoh",
           "jenis": "Pengangkatan"},
    "acara": {"nama": "Bimtek", "tanggal": "Senin, 1 Januari 2024", "tempat": "Aula",
              "agenda": ["Pembukaan"]},
    "anggota": [{"no": 1, "nama": "Nama Contoh", "nik": "3574************", "jabatan": "Ketua",
                 "unit": "TPS 001 Contoh", "wilayah": "Contoh", "kode_hadir": "x"}],
}


def qr_svg(teks: str) -> str:
    """A QR code as inline SVG (the `qrcode` package; no image library needed)."""
    import qrcode
    import qrcode.image.svg

    gambar = qrcode.make(teks, image_factory=qrcode.image.svg.SvgPathImage, box_size=8,
                         border=2)
    return gambar.to_string(encoding="unicode")
