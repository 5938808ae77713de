from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.humas.errors import KodeHumas
from simpul.humas.rules import galat_tanggapan, periode, rekap_pantauan, status_tanggapan_awal
from simpul.humas.selectors import pantauan_daftar, pantauan_rekap
from simpul.humas.services import pantauan_catat, pantauan_tanggapi

T1 = periode("triwulan", 2024, 1)


def test_aturan_tanggapan():
    assert status_tanggapan_awal(hoaks=True, sentimen="netral") == "belum"
    assert status_tanggapan_awal(hoaks=False, sentimen="negatif") == "belum"
    assert status_tanggapan_awal(hoaks=False, sentimen="positif") == "tidak_perlu"
    assert galat_tanggapan(hoaks=True, status="tidak_perlu", tanggapan="")
    assert galat_tanggapan(hoaks=False, status="selesai", tanggapan=" ")
    assert not galat_tanggapan(hoaks=True, status="selesai", tanggapan="Klarifikasi di IG")
    baris = [(1, "berita", "positif", False, "tidak_perlu", 2),
             (1, "medsos", "negatif", True, "belum", 1), (3, "medsos", "netral", True,
                                                          "selesai", 4)]
    r = rekap_pantauan(baris, [1, 2, 3])
    assert r[0]["jumlah"] == 3 and r[0]["hoaks"] == 1 and r[0]["perlu_tanggapan"] == 1
    assert r[1]["jumlah"] == 0 and r[3]["bulan"] == "Jumlah" and r[3]["jumlah"] == 7
    assert r[3]["selesai"] == 4 and r[3]["medsos"] == 5


def test_catat_tanggapi_dan_rekap_per_periode(staf_kota, staf_jatim, staf_kab):
    pantauan_catat(akun=staf_kota, tanggal="2024-01-10", jenis_sumber="berita",
                   sumber="Radar Bromo", judul="KPU Kota lantik PPS", sentimen="positif",
                   tautan="https://radarbromo.example/pps")
    h = pantauan_catat(akun=staf_kota, tanggal="2024-02-14", jenis_sumber="medsos",
                       sumber="Facebook", judul="Surat suara sudah dicoblos", sentimen="negatif",
                       hoaks=True, tautan="https://www.facebook.com/x/posts/9")
    assert h.status_tanggapan == "belum"
    pantauan_catat(akun=staf_kota, tanggal="2024-02-20", jenis_sumber="medsos",
                   sumber="TikTok", judul="Kritik antrean", sentimen="negatif")
    with pytest.raises(DataTidakValid) as e:
        pantauan_tanggapi(akun=staf_kota, pantauan_id=h.pk, status_tanggapan="selesai")
    assert e.value.code == KodeHumas.PANTAUAN_TIDAK_SAH
    with pytest.raises(DataTidakValid):
        pantauan_tanggapi(akun=staf_kota, pantauan_id=h.pk, status_tanggapan="tidak_perlu")
    h = pantauan_tanggapi(akun=staf_kota, pantauan_id=h.pk, status_tanggapan="selesai",
                          tanggapan="Klarifikasi di Instagram dan laporan ke Bawaslu")
    assert h.ditanggapi is not None
    with pytest.raises(TidakDitemukan):
        pantauan_tanggapi(akun=staf_kab, pantauan_id=h.pk, status_tanggapan="proses")
    with CaptureQueriesContext(connection) as q:
        rekap = pantauan_rekap(akun=staf_kota, kantor_kode=None, periode=T1)
    assert len(q.captured_queries) <= 2
    jan, feb, mar, total = rekap
    assert (jan["jumlah"], jan["positif"], jan["berita"]) == (1, 1, 1)
    assert (feb["jumlah"], feb["hoaks"], feb["negatif"], feb["selesai"],
            feb["perlu_tanggapan"]) == (2, 1, 2, 1, 1)
    assert total["jumlah"] == 3 and mar["jumlah"] == 0
    # The province sees the city's counters; the sibling office does not.
    assert pantauan_rekap(akun=staf_jatim, kantor_kode="35.74", periode=T1)[-1]["jumlah"] == 3
    with pytest.raises(TidakDitemukan):
        pantauan_rekap(akun=staf_kab, kantor_kode="35.74", periode=T1)
    assert [p.judul for p in pantauan_daftar(akun=staf_kota, kantor_kode=None, periode=T1,
                                             hoaks=True)] == ["Surat suara sudah dicoblos"]
    assert AuditEntry.objects.filter(aksi__startswith="pantauan.").count() == 4


def test_isian_salah_ditolak(staf_kota):
    dasar = {"tanggal": "2024-01-10", "jenis_sumber": "berita", "sumber": "Radar",
             "judul": "x", "sentimen": "netral"}
    for ubah, kode in [({"sentimen": "marah"}, KodeHumas.PANTAUAN_TIDAK_SAH),
                       ({"jenis_sumber": "radio"}, KodeHumas.PANTAUAN_TIDAK_SAH),
                       ({"tautan": "bukan tautan"}, KodeHumas.TAUTAN_TIDAK_VALID),
                       ({"tanggal": date(2999, 1, 1)}, KodeHumas.TANGGAL_TIDAK_VALID),
                       ({"hoaks": True, "status_tanggapan": "tidak_perlu"},
                        KodeHumas.PANTAUAN_TIDAK_SAH)]:
        with pytest.raises(DataTidakValid) as e:
            pantauan_catat(akun=staf_kota, **{**dasar, **ubah})
        assert e.value.code == kode
    pantauan_catat(akun=staf_kota, **dasar, tautan="https://a.example/1")
    with pytest.raises(DataTidakValid) as e:
        pantauan_catat(akun=staf_kota, **dasar, tautan="https://a.example/1")
    assert e.value.code == KodeHumas.TAUTAN_GANDA


def test_halaman_pantauan(client, staf_kota):
    client.force_login(staf_kota)
    url = reverse("humas-pantauan") + "?periode=triwulan&nomor=1&tahun=2024"
    r = client.post(url, {"tanggal": "2024-03-01", "jenis_sumber": "medsos",
                          "sumber": "X", "judul": "Hoaks TPS dipindah", "sentimen": "negatif",
                          "hoaks": "1"})
    assert r.status_code == 302
    isi = client.get(url).content.decode()
    assert "Hoaks TPS dipindah" in isi and "HOAKS" in isi
    r = client.post("/api/v1/humas/pantauan", {
        "tanggal": "2024-03-02", "jenis_sumber": "berita", "sumber": "Koran",
        "judul": "Baik", "sentimen": "positif"}, content_type="application/json")
    assert r.status_code == 201 and r.json()["status_tanggapan"] == "tidak_perlu"
    r = client.get("/api/v1/humas/pantauan/rekap?periode=triwulan&nomor=1&tahun=2024")
    assert r.json()[-1]["jumlah"] == 2 and r.json()[-1]["hoaks"] == 1
