"""The built-in DOCX template of the Bakohumas report, in seed 002's structure, written
with python-docx and filled by docxtpl. Staff download it, edit it in a word processor
(keeping the {{ }} / {% %} tags) and upload their own per office."""

import io
from functools import lru_cache

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def _tengah(doc, teks, *, tebal=False, ukuran=None):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(teks)
    r.bold = tebal
    if ukuran:
        r.font.size = Pt(ukuran)
    return p


def _halaman_baru(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _paragraf(doc, nama):
    """Paragraphs of a narrative part: one Word paragraph per paragraph of text."""
    doc.add_paragraph(f"{{%p for par in {nama} %}}")
    doc.add_paragraph("{{ par }}")
    doc.add_paragraph("{%p endfor %}")


def _daftar(doc, nama):
    doc.add_paragraph(f"{{%p for par in {nama} %}}")
    doc.add_paragraph("{{ loop.index }}. {{ par }}")
    doc.add_paragraph("{%p endfor %}")


def _tabel(doc, kepala: list[str], baris_loop: str, sel: list[str], lebar=None):
    """A table with a header row and one templated row repeated by docxtpl."""
    t = doc.add_table(rows=4, cols=len(kepala))
    t.style = "Table Grid"
    for i, k in enumerate(kepala):
        t.rows[0].cells[i].text = k
        t.rows[0].cells[i].paragraphs[0].runs[0].bold = True
    t.rows[1].cells[0].text = f"{{%tr for b in {baris_loop} %}}"
    for i, s in enumerate(sel):
        t.rows[2].cells[i].text = s
    t.rows[3].cells[0].text = "{%tr endfor %}"
    if lebar:
        for baris in t.rows:
            for c, w in zip(baris.cells, lebar, strict=False):
                c.width = Cm(w)
    return t


def _daftar_isi(doc):
    """A Word TOC field; Word fills it (F9 / on open), the PDF has its own."""
    p = doc.add_paragraph()
    r = p.add_run()
    for jenis, teks in (("begin", None), (None, 'TOC \\o "1-2" \\h \\z \\u'), ("separate", None),
                        (None, None), ("end", None)):
        if jenis:
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), jenis)
            if jenis == "begin":
                f.set(qn("w:dirty"), "true")
            r._r.append(f)
        elif teks:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = teks
            r._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = "Klik kanan lalu Perbarui Bidang untuk menampilkan daftar isi."
            r._r.append(t)


def _tanda_tangan(doc):
    for teks in ("Dibuat di {{ tempat }}", "Tanggal {{ tanggal_surat }}", "",
                 "{{ narasi.penandatangan_jabatan }}", "", "", "",
                 "{{ narasi.penandatangan_nama }}"):
        p = doc.add_paragraph(teks)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


@lru_cache(maxsize=16)
def templat_bawaan(n_kolom: int = 5, n_bulan: int = 6) -> bytes:
    """The template for `n_kolom` recap channel columns and a period of `n_bulan` months."""
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(11)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2.5)

    # Cover letter
    _tengah(doc, "KOMISI PEMILIHAN UMUM {{ kantor_nama_kapital }}", tebal=True, ukuran=13)
    for teks in ("Nomor\t: {{ laporan.nomor_surat }}", "Lampiran\t: 1 (satu) berkas",
                 "Sifat\t: Penting",
                 "Perihal\t: Laporan {{ periode_judul }} Bakohumas {{ kantor_nama }}"):
        doc.add_paragraph(teks)
    doc.add_paragraph("{{ tempat }}, {{ tanggal_surat }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("Kepada:")
    _paragraf(doc, "narasi_p.tujuan_surat")
    _paragraf(doc, "narasi_p.surat")
    doc.add_paragraph("Tembusan Disampaikan Kepada Yth:")
    _daftar(doc, "narasi_p.tembusan")
    _halaman_baru(doc)

    # Title page
    _tengah(doc, "KOMISI PEMILIHAN UMUM", tebal=True, ukuran=16)
    _tengah(doc, "{{ kantor_nama_kapital }}", tebal=True, ukuran=16)
    _tengah(doc, "{{ laporan.tahun }}", ukuran=14)
    _tengah(doc, "LAPORAN BAKOHUMAS {{ kantor_nama_kapital }}", tebal=True, ukuran=14)
    _tengah(doc, "{{ periode_judul_kapital }} BULAN {{ rentang_bulan_kapital }}", tebal=True,
            ukuran=14)
    _tengah(doc, "{{ narasi.alamat }}")
    _halaman_baru(doc)

    doc.add_heading("KATA PENGANTAR", level=1)
    _paragraf(doc, "narasi_p.kata_pengantar")
    p = doc.add_paragraph("{{ narasi.penandatangan_jabatan }},")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("{{ narasi.penandatangan_nama }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _halaman_baru(doc)

    _tengah(doc, "DAFTAR ISI", tebal=True)
    _daftar_isi(doc)
    _halaman_baru(doc)

    doc.add_heading("BAB I PENDAHULUAN", level=1)
    doc.add_heading("1. Gambaran Umum", level=2)
    _paragraf(doc, "narasi_p.gambaran_umum")
    doc.add_heading("2. Maksud dan Tujuan Kegiatan", level=2)
    _daftar(doc, "narasi_p.maksud_tujuan")
    doc.add_heading("3. Ruang Lingkup dan Anggaran Kegiatan", level=2)
    _paragraf(doc, "narasi_p.ruang_lingkup")
    doc.add_heading("4. Struktur Organisasi Bakohumas", level=2)
    doc.add_paragraph("{{ kalimat_sk }}")
    _tabel(doc, ["NO.", "NAMA", "JABATAN KEDINASAN", "JABATAN DALAM TIM"], "tim",
           ["{{ loop.index }}.", "{{ b.nama }}", "{{ b.jabatan_kedinasan }}",
            "{{ b.jabatan_tim }}"], lebar=[1.2, 5.5, 6, 3.5])
    doc.add_heading("5. Dasar Pelaksanaan Kegiatan", level=2)
    _daftar(doc, "narasi_p.dasar_hukum")

    doc.add_heading("BAB II KOORDINASI, KOMUNIKASI DAN KERJA SAMA", level=1)
    doc.add_paragraph("Kegiatan koordinasi, komunikasi dan kerja sama yang dilakukan oleh "
                      "{{ kantor_nama }} selama {{ periode_nama }} baik dengan instansi "
                      "pemerintahan maupun noninstansi pemerintah sebagai berikut:")
    for huruf, kunci, judul in (("a", "pemerintah", "Dengan Instansi Pemerintah"),
                                ("b", "nonpemerintah", "Dengan Instansi Nonpemerintah")):
        doc.add_paragraph(f"{huruf}. {judul}")
        _tabel(doc, ["NO.", "TGL PELAKSANAAN", "URAIAN", "INSTANSI", "KETERANGAN"],
               f"koordinasi.{kunci}",
               ["{{ loop.index }}.", "{{ b.tanggal }}", "{{ b.jenis }}", "{{ b.mitra }}",
                "{{ b.uraian }}"], lebar=[1.2, 3, 3, 4, 5.5])
    _paragraf(doc, "narasi_p.uraian_koordinasi")

    doc.add_heading("BAB III PELAKSANAAN KEGIATAN BAKOHUMAS", level=1)
    _paragraf(doc, "narasi_p.pengantar_kegiatan")
    doc.add_paragraph("a. Data Informasi Kepemiluan yang disebarluaskan")
    doc.add_paragraph("{%p for bulan in diseminasi %}")
    doc.add_paragraph("Bulan {{ bulan.nama }}")
    _tabel(doc, ["NO.", "TANGGAL", "JENIS INFORMASI", "MEDIA PENYEBARAN"], "bulan.baris",
           ["{{ loop.index }}.", "{{ b.tanggal }}", "{{ b.informasi }}", "{{ b.media }}"],
           lebar=[1.2, 3.5, 7.5, 4])
    doc.add_paragraph("{%p endfor %}")
    _paragraf(doc, "narasi_p.uraian_diseminasi")
    doc.add_paragraph("b. Rekapitulasi Media Sosial per-{{ laporan.jenis_periode }}")
    doc.add_paragraph("{{ grafik }}")
    doc.add_paragraph("{%p for bulan in rekap_bulanan %}")
    doc.add_paragraph("Bulan {{ bulan.nama }}")
    _tabel(doc, ["NO", "JENIS KONTEN", *[f"{{{{ kolom[{i}] }}}}" for i in range(n_kolom)]],
           "bulan.baris", ["{{ loop.index }}.", "{{ b.nama }}",
                           *[f"{{{{ b.angka[{i}] }}}}" for i in range(n_kolom)]],
           lebar=[1.2, 6, *[9 / max(n_kolom, 1)] * n_kolom])
    doc.add_paragraph("{%p endfor %}")
    _paragraf(doc, "narasi_p.uraian_medsos")

    doc.add_heading("BAB IV EVALUASI DAN MONITORING", level=1)
    doc.add_paragraph("a. Hasil Evaluasi")
    doc.add_paragraph("Publikasi informasi kami lakukan selama kurun waktu "
                      "{{ rentang_bulan }} melalui beberapa media diantaranya:")
    _tabel(doc, ["NO", "MEDIA", *[f"{{{{ bulan_singkat[{i}] }}}}" for i in range(n_bulan)],
                 "KETERANGAN"], "evaluasi",
           ["{{ loop.index }}.", "{{ b.media }}",
            *[f"{{{{ b.per_bulan[{i}] }}}}" for i in range(n_bulan)], "{{ b.keterangan }}"],
           lebar=[1, 4, *[7 / n_bulan] * n_bulan, 4])
    doc.add_paragraph("Catatan: data sampai dengan tanggal {{ data_sampai }}")
    _paragraf(doc, "narasi_p.uraian_evaluasi")
    doc.add_paragraph("b. Daftar Inventarisasi Masalah dan Tantangan")
    _daftar(doc, "narasi_p.masalah")
    doc.add_paragraph("c. Saran dan Rekomendasi")
    _daftar(doc, "narasi_p.rekomendasi")
    doc.add_paragraph("d. Pemantauan Media")
    doc.add_paragraph("Pemberitaan dan unggahan media sosial tentang kepemiluan di wilayah "
                      "{{ kantor_nama }} yang dipantau selama {{ rentang_bulan }}:")
    _tabel(doc, ["BULAN", "JUMLAH", "BERITA", "MEDSOS", "POSITIF", "NETRAL", "NEGATIF",
                 "HOAKS", "PERLU TANGGAPAN", "SELESAI DITANGGAPI"], "pantauan",
           ["{{ b.bulan }}", "{{ b.jumlah }}", "{{ b.berita }}", "{{ b.medsos }}",
            "{{ b.positif }}", "{{ b.netral }}", "{{ b.negatif }}", "{{ b.hoaks }}",
            "{{ b.perlu_tanggapan }}", "{{ b.selesai }}"])
    doc.add_paragraph("e. Kampanye Serentak")
    doc.add_paragraph("Kampanye serentak yang ditujukan kepada {{ kantor_nama }} selama "
                      "{{ rentang_bulan }}:")
    _tabel(doc, ["NO", "KAMPANYE", "TAGAR", "WAKTU", "UNGGAHAN PERTAMA", "JUMLAH",
                 "KETERANGAN"], "kampanye_diikuti",
           ["{{ loop.index }}.", "{{ b.judul }}", "{{ b.tagar }}", "{{ b.waktu }}",
            "{{ b.pertama }}", "{{ b.jumlah }}", "{{ b.status }}"])
    doc.add_paragraph("{%p if kampanye_diterbitkan %}")
    doc.add_paragraph("Kampanye serentak yang diterbitkan {{ kantor_nama }} kepada satuan "
                      "kerja di bawahnya:")
    _tabel(doc, ["NO", "KAMPANYE", "TAGAR", "WAKTU", "SUDAH MENGUNGGAH", "BELUM", "%"],
           "kampanye_diterbitkan",
           ["{{ loop.index }}.", "{{ b.judul }}", "{{ b.tagar }}", "{{ b.waktu }}",
            "{{ b.sudah }} / {{ b.sasaran }}", "{{ b.belum }}", "{{ b.persen }}"])
    doc.add_paragraph("{%p endif %}")

    doc.add_heading("BAB V PENUTUP", level=1)
    _paragraf(doc, "narasi_p.penutup")
    _tanda_tangan(doc)

    bagian = doc.add_section(WD_SECTION.NEW_PAGE)
    bagian.left_margin = bagian.right_margin = Cm(2)
    doc.add_heading("LAMPIRAN: DAFTAR PUBLIKASI", level=1)
    _tabel(doc, ["NO", "TANGGAL", "JENIS KONTEN", "JUDUL", "KANAL"], "lampiran",
           ["{{ loop.index }}.", "{{ b.tanggal }}", "{{ b.jenis }}", "{{ b.judul }}",
            "{{ b.kanal }}"], lebar=[1.2, 2.4, 3.5, 6.5, 3.4])

    keluaran = io.BytesIO()
    doc.save(keluaran)
    return keluaran.getvalue()
