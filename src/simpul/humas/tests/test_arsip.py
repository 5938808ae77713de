import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from simpul.core.errors import DataTidakValid
from simpul.core.models import AuditEntry
from simpul.humas.arsip import situs_data, situs_ekspor, situs_impor, wxr_impor
from simpul.humas.errors import KodeHumas
from simpul.humas.models import Artikel, HalamanSitus, Media
from simpul.humas.situs_services import (
    artikel_simpan,
    dokumen_simpan,
    halaman_simpan,
    media_unggah,
    media_url,
)

from .test_situs import PDF, png


def isi_situs(akun):
    m1 = media_unggah(akun=akun, data=png((10, 120, 30)), nama_berkas="pelantikan.png",
                      keterangan="Pelantikan PPS")
    m2 = media_unggah(akun=akun, data=png((1, 2, 3), (8, 8)), nama_berkas="maskot.png")
    artikel_simpan(akun=akun, judul="990 Anggota PPS Dilantik", ringkasan="Pelantikan.",
                   isi=f'<p>Bertempat di alun-alun.</p><figure><img src="{media_url(m1)}" '
                       f'alt="pelantikan"><figcaption>Foto</figcaption></figure>',
                   kategori="berita-terkini", tag="PPS, Pelantikan", status="terbit",
                   gambar_id=m1.pk)
    artikel_simpan(akun=akun, judul="Gala Dinner Maskot", isi=f'<p><img src="{media_url(m2)}">'
                   '</p><table><tbody><tr><td>Juara 1</td><td>Si Tengger</td></tr></tbody>'
                   '</table>', tag=["maskot"], status="terbit",
                   terbit_pada=timezone.now() + timedelta(days=2))
    artikel_simpan(akun=akun, judul="Draf rapat", isi="<p>belum</p>", status="tinjau")
    halaman_simpan(akun=akun, judul="Profil", isi="<h2>Visi</h2><ul><li>Berintegritas</li></ul>",
                   urutan=2)
    dokumen_simpan(akun=akun, judul="SK Penetapan PPS", jenis="sk", tanggal="2023-01-20",
                   nomor="15/PP.04.2-Kpt/3574/2023", data=PDF, nama_berkas="sk.pdf",
                   keterangan="SK lengkap")


def tanpa_kantor(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "kantor"}


def test_ekspor_impor_ke_kantor_lain_tanpa_kehilangan(staf_kota, staf_kab, client):
    isi_situs(staf_kota)
    zip_kota = situs_ekspor(akun=staf_kota)
    hasil = situs_impor(akun=staf_kab, data=zip_kota)
    assert (hasil.artikel, hasil.halaman, hasil.dokumen, hasil.media) == (3, 1, 1, 3)
    kota, berkas_kota = situs_data("35.74")
    kab, berkas_kab = situs_data("35.13")
    # Every field of every item, every timestamp, and every media byte is the same.
    assert tanpa_kantor(kab) == tanpa_kantor(kota)
    assert berkas_kab == berkas_kota
    assert len(kota["artikel"]) == 3 and kota["artikel"][0]["tag"]
    # Media links inside HTML now point to the new office's site, and resolve.
    a = Artikel.objects.get(kantor_id="35.13", slug="990-anggota-pps-dilantik")
    assert "/kpu/35.13/media/" in a.isi and "/kpu/35.74/" not in a.isi
    src = a.isi.split('src="')[1].split('"')[0]
    assert client.get(src).status_code == 200
    # Importing again changes nothing.
    situs_impor(akun=staf_kab, data=zip_kota)
    assert tanpa_kantor(situs_data("35.13")[0]) == tanpa_kantor(kota)
    assert Artikel.objects.filter(kantor_id="35.13").count() == 3
    assert AuditEntry.objects.filter(aksi="situs.ekspor").count() == 1
    assert AuditEntry.objects.filter(aksi="situs.impor").count() == 2


def test_ekspor_hapus_impor_kembali_sama_persis(staf_kota):
    isi_situs(staf_kota)
    sebelum = situs_data("35.74")
    arsip = situs_ekspor(akun=staf_kota)
    Artikel.objects.filter(kantor_id="35.74").delete()
    HalamanSitus.objects.filter(kantor_id="35.74").delete()
    from simpul.humas.models import DokumenSitus

    DokumenSitus.objects.filter(kantor_id="35.74").delete()
    Media.objects.filter(kantor_id="35.74").delete()
    situs_impor(akun=staf_kota, data=arsip)
    assert situs_data("35.74") == sebelum


def _zip(berkas: dict[str, bytes]) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for nama, isi in berkas.items():
            z.writestr(nama, isi)
    return b.getvalue()


def test_arsip_rusak_ditolak_tanpa_mengubah_apa_pun(staf_kota):
    isi_situs(staf_kota)
    baik = situs_ekspor(akun=staf_kota)
    jumlah = Artikel.objects.count()
    with zipfile.ZipFile(io.BytesIO(baik)) as z:
        data = json.loads(z.read("situs.json"))
        media = {n: z.read(n) for n in z.namelist() if n.startswith("media/")}
    sha = data["media"][0]["sha256"]
    data["artikel"][0]["judul"] = "Judul baru"  # would change an article if accepted
    kasus = {
        "bukan zip": b"ini teks biasa",
        "tanpa situs.json": _zip(media),
        "json rusak": _zip({"situs.json": b"{rusak", **media}),
        "format lain": _zip({"situs.json": json.dumps({"format": "lain"}).encode()}),
        "media hilang": _zip({"situs.json": json.dumps(data).encode()}),
        "media diubah": _zip({"situs.json": json.dumps(data).encode(), **media,
                              f"media/{sha}": b"bukan aslinya"}),
        "artikel cacat": _zip({"situs.json": json.dumps(
            {**data, "artikel": [{"judul": "x"}]}).encode(), **media}),
    }
    for nama, isi in kasus.items():
        with pytest.raises(DataTidakValid) as e:
            situs_impor(akun=staf_kota, data=isi)
        assert e.value.code == KodeHumas.ARSIP_TIDAK_VALID, nama
    assert Artikel.objects.count() == jumlah
    assert not Artikel.objects.filter(judul="Judul baru").exists()


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>KPU Kabupaten Probolinggo</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Media Sosial Sarana Sosialisasi</title><dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[Kab-probolinggo.kpu.go.id, Media sosial menjadi sarana sosialiasi KPU.

Setiap kegiatan PPS bisa dipublikasikan.<script>alert(1)</script>]]></content:encoded>
<excerpt:encoded><![CDATA[Bayu mengajak PPS memaksimalkan media sosial.]]></excerpt:encoded>
<wp:post_date_gmt>2024-06-10 02:00:00</wp:post_date_gmt>
<wp:post_name>media-sosial-sarana-sosialisasi</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="berita-terkini"><![CDATA[Berita Terkini]]></category>
<category domain="post_tag" nicename="pps"><![CDATA[PPS]]></category></item>
<item><title>Pembentukan PANTARLIH.</title><dc:creator>operator</dc:creator>
<content:encoded><![CDATA[<p>Anggota PPS perlu melakukan persiapan.</p>]]></content:encoded>
<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><wp:post_name></wp:post_name>
<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Profil KPU</title>
<content:encoded><![CDATA[<p>Jl. Panglima Sudirman</p>]]></content:encoded>
<wp:post_name>profil</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type>
<wp:menu_order>1</wp:menu_order></item>
<item><title>logo.png</title><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status></item>
</channel></rss>"""


def test_impor_wxr_wordpress(staf_kota, client):
    hasil = wxr_impor(akun=staf_kota, data=WXR.encode())
    assert (hasil.artikel, hasil.halaman) == (2, 1) and hasil.lewati == ["attachment: logo.png"]
    a = Artikel.objects.get(kantor_id="35.74", slug="media-sosial-sarana-sosialisasi")
    assert a.status == "terbit" and a.terbit_pada.isoformat() == "2024-06-10T02:00:00+00:00"
    assert a.isi.startswith("<p>Kab-probolinggo.kpu.go.id") and a.isi.count("<p>") == 2
    assert "<script" not in a.isi and a.kategori.slug == "berita-terkini"
    assert [t.slug for t in a.tag.all()] == ["pps"] and a.penulis_nama == "admin"
    assert a.ringkasan == "Bayu mengajak PPS memaksimalkan media sosial."
    draf = Artikel.objects.get(kantor_id="35.74", judul="Pembentukan PANTARLIH.")
    assert draf.status == "draf" and draf.slug == "pembentukan-pantarlih"
    assert "Media Sosial Sarana" in client.get("/kpu/35.74/").content.decode()
    wxr_impor(akun=staf_kota, data=WXR.encode())  # again: updated, not duplicated
    assert Artikel.objects.filter(kantor_id="35.74").count() == 2


def test_berkas_bukan_wxr_ditolak(staf_kota):
    bukan = [
        b"<rss version='2.0'><channel><title>RSS biasa</title><item><title>x</title></item>"
        b"</channel></rss>",
        b"<html><body>bukan</body></html>",
        b"tanggal,judul\n2022-01-01,x\n",
        b"<rss><channel><unclosed></channel>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>',
    ]
    for data in bukan:
        with pytest.raises(DataTidakValid) as e:
            wxr_impor(akun=staf_kota, data=data)
        assert e.value.code == KodeHumas.BUKAN_WXR
    assert not Artikel.objects.exists()


def test_halaman_arsip(client, staf_kota):
    isi_situs(staf_kota)
    client.force_login(staf_kota)
    r = client.post(reverse("humas-arsip"), {"aksi": "ekspor"})
    assert r.status_code == 200 and r["Content-Type"] == "application/zip"
    r = client.post(reverse("humas-arsip"), {"aksi": "wxr", "berkas": SimpleUploadedFile(
        "ekspor.xml", b"<html></html>")})
    assert "humas.bukan_wxr" in r.content.decode()
    r = client.post(reverse("humas-arsip"), {"aksi": "arsip", "berkas": SimpleUploadedFile(
        "arsip.zip", b"PK\x03\x04rusak")})
    assert "humas.arsip_tidak_valid" in r.content.decode()
