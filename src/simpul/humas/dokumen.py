"""The report as documents: DOCX from a docxtpl template (the office's own, or the
built-in), PDF from HTML with WeasyPrint through the shared `simpul.core.dokumen` helper
(LibreOffice is not on the machines)."""

import base64
import io
import zipfile

from django.template.loader import render_to_string
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError

from simpul.core.dokumen import pdf_dari_html
from simpul.core.errors import DataTidakValid

from .errors import KodeHumas
from .grafik import grafik_png
from .models import TemplatLaporan
from .narasi import NARASI_BAWAAN, narasi_paragraf
from .selectors import laporan_konteks
from .templat import templat_bawaan


def _templat(laporan, n_kolom: int, n_bulan: int) -> bytes:
    milik = (TemplatLaporan.objects.filter(kantor_id=laporan.kantor_id, aktif=True)
             .only("isi").first())
    return bytes(milik.isi) if milik else templat_bawaan(n_kolom, n_bulan)


def _isi_docx(data: bytes, konteks: dict, grafik: bytes | None) -> bytes:
    tpl = DocxTemplate(io.BytesIO(data))
    if grafik is not None:
        konteks = {**konteks, "grafik": InlineImage(tpl, io.BytesIO(grafik), width=Cm(15))}
    tpl.render(konteks, autoescape=True)
    keluaran = io.BytesIO()
    tpl.save(keluaran)
    return keluaran.getvalue()


def laporan_docx(*, akun, laporan) -> bytes:
    k = laporan_konteks(akun=akun, laporan=laporan)
    r = k["rekap"]
    data = _templat(laporan, len(r["kolom"]), len(k["bulan_singkat"]))
    return _isi_docx(data, k, grafik_png(r["bulanan"], r["kolom"]))


def laporan_html(*, akun, laporan) -> str:
    k = laporan_konteks(akun=akun, laporan=laporan)
    r = k["rekap"]
    # The appendix is one pre-formatted block per month: a table of a year's ~1,200 rows
    # takes WeasyPrint several seconds to lay out, lines of text a fraction of that.
    lampiran: dict[str, list[str]] = {}
    for i, b in enumerate(k["lampiran"], start=1):
        lampiran.setdefault(b["tanggal"][3:], []).append(
            f"{i}. {b['tanggal']} · {b['jenis']} · {b['judul']} · {b['kanal']}")
    png = base64.b64encode(grafik_png(r["bulanan"], r["kolom"])).decode()
    return render_to_string("humas/laporan_pdf.html", {
        **k, "grafik_png": png, "lampiran_teks": [(bulan, "\n".join(baris))
                                                  for bulan, baris in lampiran.items()],
        "koordinasi_judul": [("a. Dengan Instansi Pemerintah", k["koordinasi"]["pemerintah"]),
                             ("b. Dengan Instansi Nonpemerintah",
                              k["koordinasi"]["nonpemerintah"])]})


def laporan_pdf(*, akun, laporan) -> bytes:
    return pdf_dari_html(laporan_html(akun=akun, laporan=laporan))


def konteks_contoh() -> dict:
    """A small report-shaped context to try an uploaded template on."""
    baris = {"nama": "Foto Berita", "angka": ["1", "-", "2", "-", "3"]}
    return {
        "laporan": {"nomor_surat": "1/PR.04.1/2022", "tahun": 2022, "jenis_periode": "triwulan"},
        "kantor_nama": "KPU Contoh", "kantor_nama_kapital": "CONTOH", "tempat": "Contoh",
        "tanggal_surat": "1 Juli 2022", "periode_nama": "Triwulan II 2022",
        "periode_judul": "Triwulan II", "periode_judul_kapital": "TRIWULAN II",
        "rentang_bulan": "April s/d Juni 2022", "rentang_bulan_kapital": "APRIL S/D JUNI 2022",
        "data_sampai": "30 Juni 2022", "narasi": NARASI_BAWAAN,
        "narasi_p": narasi_paragraf(NARASI_BAWAAN, {"kantor": "KPU Contoh", "periode": "x"}),
        "kalimat_sk": "", "tim": [], "koordinasi": {"pemerintah": [], "nonpemerintah": []},
        "diseminasi": [], "kolom": ["IG", "TWITTER", "FB", "YOUTUBE", "TIKTOK"],
        "rekap_bulanan": [{"nama": "April 2022", "baris": [baris]}],
        "bulan_singkat": ["APR", "MEI", "JUN"], "evaluasi": [], "lampiran": [], "grafik": "",
        "pantauan": [{"bulan": "April", "jumlah": 1, "berita": 1, "medsos": 0, "positif": 0,
                      "netral": 0, "negatif": 1, "hoaks": 1, "perlu_tanggapan": 0,
                      "selesai": 1}],
        "kampanye_diikuti": [{"judul": "Contoh", "tagar": "#Contoh", "waktu": "-",
                              "pertama": "-", "jumlah": 0, "status": "belum mengunggah"}],
        "kampanye_diterbitkan": [],
    }


def periksa_templat(data: bytes) -> None:
    """Refuse a file that is not a DOCX or whose tags do not render."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise zipfile.BadZipFile
    except zipfile.BadZipFile:
        raise DataTidakValid("Berkas bukan dokumen DOCX.",
                             code=KodeHumas.TEMPLAT_TIDAK_VALID) from None
    try:
        _isi_docx(data, konteks_contoh(), None)
    except (TemplateError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise DataTidakValid(f"Templat tidak dapat diisi: {e}",
                             code=KodeHumas.TEMPLAT_TIDAK_VALID) from None
