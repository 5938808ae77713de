"""The periodic report carries the period's media-monitoring counters and campaign
participation, computed from the logs (Bab IV d and e)."""

import io
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from docx import Document

from simpul.humas.dokumen import laporan_docx, laporan_html
from simpul.humas.rules import periode
from simpul.humas.selectors import kampanye_laporan, laporan_konteks
from simpul.humas.services import (
    kampanye_terbitkan,
    kampanye_unggahan_catat,
    laporan_buat,
    pantauan_catat,
)


def _waktu(teks: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(teks))


@pytest.fixture
def log_t2(staf_kota, staf_jatim, staf_kab):
    """Triwulan II 2024: three monitored items of the city (one a hoax, answered), one in
    July (outside); two province campaigns: the city posts late to one and not to the
    other; the sibling office posts on time to the first."""
    for tanggal, sumber, sentimen, hoaks, tautan in (
            ("2024-04-03", "berita", "positif", False, "https://radar.example/1"),
            ("2024-05-10", "medsos", "negatif", True, "https://www.facebook.com/p/2"),
            ("2024-05-11", "medsos", "netral", False, "https://www.instagram.com/p/3/"),
            ("2024-07-01", "berita", "netral", False, "https://radar.example/4")):
        pantauan_catat(akun=staf_kota, tanggal=tanggal, jenis_sumber=sumber, sumber="Sumber",
                       judul=f"Item {tautan[-2:]}", sentimen=sentimen, hoaks=hoaks,
                       tautan=tautan, tanggapan="Klarifikasi" if hoaks else "",
                       status_tanggapan="selesai" if hoaks else None)
    cek = kampanye_terbitkan(akun=staf_jatim, judul="Cek DPT", isi="Naskah", tagar="#CekDPT",
                             mulai=_waktu("2024-04-10 08:00"), selesai=_waktu("2024-04-12 20:00"))
    kampanye_terbitkan(akun=staf_jatim, judul="Hari H", isi="Naskah", tagar="#HariH",
                       mulai=_waktu("2024-06-01 08:00"), selesai=_waktu("2024-06-02 20:00"))
    kampanye_terbitkan(akun=staf_jatim, judul="Lain waktu", isi="Naskah", tagar="#Lain",
                       mulai=_waktu("2024-08-01 08:00"), selesai=_waktu("2024-08-02 20:00"))
    kampanye_unggahan_catat(akun=staf_kota, kampanye_id=cek.pk, waktu="2024-04-13 09:30",
                            tautan="https://www.instagram.com/p/CEKDPT1/")
    kampanye_unggahan_catat(akun=staf_kota, kampanye_id=cek.pk, waktu="2024-04-13 10:00",
                            tautan="https://x.com/kpukota/status/1")
    kampanye_unggahan_catat(akun=staf_kab, kampanye_id=cek.pk, waktu="2024-04-10 09:00",
                            tautan="https://www.instagram.com/p/KAB1/")


def test_konteks_laporan_memuat_pantauan_dan_kampanye(log_t2, staf_kota, staf_jatim):
    lap = laporan_buat(akun=staf_kota, jenis_periode="triwulan", tahun=2024, nomor_periode=2,
                       tanggal_surat="2024-07-05")
    k = laporan_konteks(akun=staf_kota, laporan=lap)
    assert [(r["bulan"], r["jumlah"], r["hoaks"], r["selesai"]) for r in k["pantauan"]] == [
        ("April", 1, 0, 0), ("Mei", 2, 1, 1), ("Juni", 0, 0, 0), ("Jumlah", 3, 1, 1)]
    assert k["pantauan"][-1]["negatif"] == 1 and k["pantauan"][-1]["medsos"] == 2
    assert [(c["tagar"], c["jumlah"], c["status"]) for c in k["kampanye_diikuti"]] == [
        ("#CekDPT", 2, "terlambat"), ("#HariH", 0, "belum mengunggah")]
    assert k["kampanye_diikuti"][0]["pertama"] == "13 April 2024 09.30"
    assert k["kampanye_diterbitkan"] == []
    # The province's own report: its campaigns and how many of its 38 offices posted.
    prov = laporan_buat(akun=staf_jatim, jenis_periode="triwulan", tahun=2024,
                        nomor_periode=2, tanggal_surat="2024-07-05")
    kp = laporan_konteks(akun=staf_jatim, laporan=prov)
    assert kp["kampanye_diikuti"] == []
    assert [(c["tagar"], c["sudah"], c["sasaran"], c["belum"]) for c in
            kp["kampanye_diterbitkan"]] == [("#CekDPT", 2, 38, 36), ("#HariH", 0, 38, 38)]


def test_docx_dan_pdf_memuat_tabel_pantauan_dan_kampanye(log_t2, staf_kota):
    lap = laporan_buat(akun=staf_kota, jenis_periode="triwulan", tahun=2024, nomor_periode=2,
                       tanggal_surat="2024-07-05")
    doc = Document(io.BytesIO(laporan_docx(akun=staf_kota, laporan=lap)))
    tabel = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    pantauan = next(t for t in tabel if t[0][0] == "BULAN")
    assert pantauan[2] == ["Mei", "2", "0", "2", "0", "1", "1", "1", "0", "1"]
    assert pantauan[-1][:2] == ["Jumlah", "3"]
    kampanye = next(t for t in tabel if t[0][1] == "KAMPANYE")
    assert [r[2] for r in kampanye[1:]] == ["#CekDPT", "#HariH"]
    assert kampanye[1][5:] == ["2", "terlambat"]
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "d. Pemantauan Media" in teks and "e. Kampanye Serentak" in teks
    html = laporan_html(akun=staf_kota, laporan=lap)
    assert "#HariH" in html and "belum mengunggah" in html and "d. Pemantauan Media" in html


def test_kampanye_laporan_jumlah_query_tetap(log_t2, staf_kota, staf_jatim):
    from simpul.humas.services import kampanye_terbitkan

    t2 = periode("triwulan", 2024, 2)
    with CaptureQueriesContext(connection) as sedikit:
        kampanye_laporan(akun=staf_kota, kantor_kode=None, periode=t2)
    for i in range(5):
        kampanye_terbitkan(akun=staf_jatim, judul=f"K{i}", isi="Naskah", tagar=f"#K{i}",
                           mulai=_waktu("2024-05-01 08:00"), selesai=_waktu("2024-05-02 08:00"))
    with CaptureQueriesContext(connection) as banyak:
        assert len(kampanye_laporan(akun=staf_kota, kantor_kode=None,
                                    periode=t2)["kampanye_diikuti"]) == 7
    assert len(banyak) == len(sedikit)
