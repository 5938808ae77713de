import io
from datetime import date

import pytest
from docx import Document

from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.humas.demo import demo_humas
from simpul.humas.dokumen import laporan_docx, laporan_html, laporan_pdf
from simpul.humas.errors import KodeHumas
from simpul.humas.rules import periode, tanggal_laporan_sah, tingkat_atas
from simpul.humas.selectors import laporan_ambil, laporan_daftar
from simpul.humas.services import laporan_buat, laporan_tindak, laporan_ubah, templat_unggah
from simpul.humas.templat import templat_bawaan


def test_tingkat_atas_kpu_561_2021_kabkota_lapor_ke_provinsi():
    """Keputusan KPU 561/HM.03.5-Kpt/06/KPU/VIII/2021: kab/kota reports to the province,
    the province to KPU."""
    assert tingkat_atas("35.74", "35") and tingkat_atas("35.74", None)
    assert tingkat_atas("35", None)
    assert not tingkat_atas("35.74", "35.74") and not tingkat_atas("35.74", "36")
    assert not tingkat_atas("35.74", "35.7") and not tingkat_atas(None, None)


def test_tanggal_laporan_di_luar_periode():
    s1 = periode("semester", 2022, 1)
    assert tanggal_laporan_sah(s1, date(2022, 6, 23), date(2022, 6, 24)) == ""
    assert "di luar periode" in tanggal_laporan_sah(s1, date(2022, 7, 1), date(2022, 7, 2))
    assert "sebelum awal" in tanggal_laporan_sah(s1, date(2021, 12, 31), None)


@pytest.fixture
def laporan_s1(staf_kota):
    demo_humas(akun=staf_kota)
    return laporan_buat(akun=staf_kota, jenis_periode="semester", tahun=2022, nomor_periode=1,
                        tanggal_surat="2022-06-23", nomor_surat="138/PR.04.1/3574/2022",
                        data_sampai="2022-06-24")


def _tabel_teks(doc) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]


def test_docx_struktur_dan_tabel_sama_dengan_seed(laporan_s1, staf_kota):
    laporan_ubah(akun=staf_kota, laporan_id=laporan_s1.pk,
                 narasi={"penandatangan_nama": "AHMAD HUDRI",
                         "masalah": "Migrasi laman website.\nGrup WhatsApp satu arah."})
    laporan_s1.refresh_from_db()
    doc = Document(io.BytesIO(laporan_docx(akun=staf_kota, laporan=laporan_s1)))
    teks = "\n".join(p.text for p in doc.paragraphs)
    for bagian in ("Nomor\t: 138/PR.04.1/3574/2022", "KATA PENGANTAR", "DAFTAR ISI",
                   "BAB I PENDAHULUAN", "BAB II KOORDINASI", "BAB III PELAKSANAAN",
                   "BAB IV EVALUASI DAN MONITORING", "BAB V PENUTUP", "LAMPIRAN",
                   "1. Migrasi laman website.", "AHMAD HUDRI",
                   "laporan Bakohumas KPU Kota Probolinggo Januari s/d Juni 2022",
                   "sebagaimana diubah terakhir dengan keputusan tanggal 20 April 2022 nomor "
                   "33/HK.03.1/3574/2022", "data sampai dengan tanggal 24 Juni 2022"):
        assert bagian in teks, bagian
    tabel = _tabel_teks(doc)
    evaluasi = next(t for t in tabel if t[0][1] == "MEDIA")
    assert evaluasi[0][2:8] == ["JAN", "FEB", "MAR", "APR", "MEI", "JUN"]
    assert [r[2:8] for r in evaluasi[1:]] == [
        ["79", "72", "88", "120", "121", "127"], ["6", "2", "10", "16", "20", "20"],
        ["79", "72", "88", "120", "121", "127"], ["79", "72", "88", "120", "121", "127"]]
    rekap = [t for t in tabel if t[0][1] == "JENIS KONTEN"]
    assert len(rekap) == 6
    assert rekap[0][0][2:] == ["IG", "TWITTER", "FB", "YOUTUBE", "TIKTOK"]
    assert rekap[0][1][1:] == ["Foto Berita", "51", "42", "36", "-", "-"]
    assert rekap[3][11][1:] == ["Video lainnya", "2", "2", "-", "-", "5"]
    pemerintah = next(t for t in tabel if t[0][1] == "TGL PELAKSANAAN")
    assert len(pemerintah) == 9 and pemerintah[6][1] == "12 Mei s/d 3 Juni 2022"
    tim = next(t for t in tabel if t[0][1] == "NAMA")
    assert tim[4][1:] == ["QORI MUGHNI KUMARA, M.IP",
                          "Kasubbag teknis Hubungan Partisipasi Masyarakat", "Ketua Pelaksana"]
    assert doc.inline_shapes  # the chart


def test_pdf_dan_html(laporan_s1, staf_kota):
    html = laporan_html(akun=staf_kota, laporan=laporan_s1)
    assert "Grup Bakohumas KPU Provinsi Jawa Timur" in html and "data:image/png" in html
    pdf = laporan_pdf(akun=staf_kota, laporan=laporan_s1)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_narasi_dibawa_dari_laporan_sebelumnya(laporan_s1, staf_kota):
    laporan_ubah(akun=staf_kota, laporan_id=laporan_s1.pk,
                 narasi={"rekomendasi": "Posting serentak se-Indonesia dengan tagar."})
    tw3 = laporan_buat(akun=staf_kota, jenis_periode="triwulan", tahun=2022, nomor_periode=3,
                       tanggal_surat="2022-09-30")
    assert tw3.narasi["rekomendasi"] == "Posting serentak se-Indonesia dengan tagar."
    entri = AuditEntry.objects.filter(aksi="laporan.buat", objek_id=str(tw3.pk)).get()
    assert entri.sesudah["narasi_dari"] == laporan_s1.pk


def test_tanggal_di_luar_periode_ditolak(staf_kota):
    with pytest.raises(DataTidakValid) as e:
        laporan_buat(akun=staf_kota, jenis_periode="triwulan", tahun=2022, nomor_periode=2,
                     tanggal_surat="2022-06-30", data_sampai="2022-07-05")
    assert e.value.code == KodeHumas.TANGGAL_TIDAK_VALID
    with pytest.raises(DataTidakValid):
        laporan_buat(akun=staf_kota, jenis_periode="triwulan", tahun=2022, nomor_periode=2,
                     tanggal_surat="2022-03-01")


def test_alur_ajukan_komentar_kembalikan_terima(laporan_s1, staf_kota, staf_jatim, staf_kab):
    # The province does not see a draft; a sibling office never sees it.
    with pytest.raises(TidakDitemukan):
        laporan_ambil(akun=staf_jatim, laporan_id=laporan_s1.pk)
    with pytest.raises(DataTidakValid) as e:
        laporan_tindak(akun=staf_kota, laporan_id=laporan_s1.pk, tindakan="terima")
    assert e.value.code == KodeHumas.LAPORAN_STATUS
    laporan_tindak(akun=staf_kota, laporan_id=laporan_s1.pk, tindakan="ajukan")
    assert laporan_daftar(akun=staf_jatim)["bawah"] == [laporan_s1]
    with pytest.raises(TidakDitemukan):
        laporan_ambil(akun=staf_kab, laporan_id=laporan_s1.pk)
    with pytest.raises(DataTidakValid):  # submitted: no more edits
        laporan_ubah(akun=staf_kota, laporan_id=laporan_s1.pk, narasi={"penutup": "x"})
    with pytest.raises(DataTidakValid):  # the office cannot accept its own report
        laporan_tindak(akun=staf_kota, laporan_id=laporan_s1.pk, tindakan="terima")
    with pytest.raises(DataTidakValid):  # a return names what to fix
        laporan_tindak(akun=staf_jatim, laporan_id=laporan_s1.pk, tindakan="kembalikan")
    laporan_tindak(akun=staf_jatim, laporan_id=laporan_s1.pk, tindakan="kembalikan",
                   isi="Lengkapi rekomendasi.")
    laporan_ubah(akun=staf_kota, laporan_id=laporan_s1.pk, narasi={"rekomendasi": "Tagar."})
    laporan_tindak(akun=staf_kota, laporan_id=laporan_s1.pk, tindakan="komentar",
                   isi="Sudah dilengkapi.")
    laporan_tindak(akun=staf_kota, laporan_id=laporan_s1.pk, tindakan="ajukan")
    lap = laporan_tindak(akun=staf_jatim, laporan_id=laporan_s1.pk, tindakan="terima")
    assert lap.status == "diterima"
    assert [c.tindakan for c in lap.catatan.all()] == [
        "ajukan", "kembalikan", "komentar", "ajukan", "terima"]
    aksi = list(AuditEntry.objects.filter(objek_id=str(lap.pk), aksi__startswith="laporan.")
                .order_by("seq").values_list("aksi", flat=True))
    assert aksi == ["laporan.buat", "laporan.ajukan", "laporan.kembalikan", "laporan.ubah",
                    "laporan.komentar", "laporan.ajukan", "laporan.terima"]


def test_templat_staf_dipakai_dan_templat_rusak_ditolak(laporan_s1, staf_kota):
    doc = Document(io.BytesIO(templat_bawaan()))
    doc.paragraphs[0].insert_paragraph_before("KOP SURAT KHUSUS KOTA")
    keluaran = io.BytesIO()
    doc.save(keluaran)
    templat_unggah(akun=staf_kota, data=keluaran.getvalue(), nama_berkas="kop.docx")
    hasil = Document(io.BytesIO(laporan_docx(akun=staf_kota, laporan=laporan_s1)))
    assert hasil.paragraphs[0].text == "KOP SURAT KHUSUS KOTA"
    rusak = Document(io.BytesIO(templat_bawaan()))
    rusak.add_paragraph("{% for x in %}")
    keluaran = io.BytesIO()
    rusak.save(keluaran)
    for data, nama in ((keluaran.getvalue(), "rusak.docx"), (b"bukan docx", "a.docx"),
                       (b"x", "a.pdf")):
        with pytest.raises(DataTidakValid) as e:
            templat_unggah(akun=staf_kota, data=data, nama_berkas=nama)
        assert e.value.code == KodeHumas.TEMPLAT_TIDAK_VALID
    assert AuditEntry.objects.filter(aksi="templat_laporan.unggah").count() == 1


def test_halaman_laporan_buat_ubah_ajukan_unduh(client, staf_kota, staf_jatim):
    client.force_login(staf_kota)
    r = client.post("/humas/laporan/", {"periode": "triwulan", "nomor": "2", "tahun": "2022",
                                        "tanggal_surat": "2022-06-23", "nomor_surat": "138/X"})
    assert r.status_code == 302
    url = r["Location"]
    r = client.post(url, {"nomor_surat": "138/PR", "penandatangan_nama": "AHMAD HUDRI"})
    assert r.status_code == 302
    assert "AHMAD HUDRI" in client.get(url).content.decode()
    r = client.get(url + "unduh.docx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    client.post(url, {"tindakan": "ajukan"})
    client.force_login(staf_jatim)
    halaman = client.get(url).content.decode()
    assert 'value="terima"' in halaman
    assert client.post(url, {"tindakan": "terima"}).status_code == 302
    r = client.get(url + "unduh.pdf")
    assert r.status_code == 200 and r.content[:4] == b"%PDF"
    assert client.get("/humas/laporan/templat/").content[:2] == b"PK"
