import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.humas.errors import KodeHumas
from simpul.humas.models import Artikel, Media
from simpul.humas.sanitasi import html_bersih
from simpul.humas.situs_services import (
    BATAS_MEDIA,
    artikel_simpan,
    dokumen_simpan,
    halaman_simpan,
    media_unggah,
    media_url,
)


def png(warna=(200, 20, 20), ukuran=(40, 30)) -> bytes:
    b = io.BytesIO()
    Image.new("RGB", ukuran, warna).save(b, "PNG")
    return b.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_script_di_html_artikel_dibuang(staf_kota):
    a = artikel_simpan(akun=staf_kota, judul="Uji", status="terbit", isi=(
        '<p onclick="curi()">Halo<script>alert(document.cookie)</script></p>'
        '<img src="x.png" onerror="curi()"><a href="javascript:curi()">tautan</a>'
        '<iframe src="https://jahat.example"></iframe><style>body{}</style>'))
    a.refresh_from_db()
    for jahat in ("<script", "alert(", "onclick", "onerror", "javascript:", "<iframe", "<style"):
        assert jahat not in a.isi
    assert "<p>Halo</p>" in a.isi and '<img src="x.png">' in a.isi
    assert html_bersih("<p></p>") == ""


def test_artikel_terbit_terjadwal_dan_draf(client, staf_kota):
    artikel_simpan(akun=staf_kota, judul="Sudah terbit", isi="<p>a</p>", status="terbit")
    artikel_simpan(akun=staf_kota, judul="Terjadwal", isi="<p>b</p>", status="terbit",
                   terbit_pada=timezone.now() + timedelta(hours=3))
    artikel_simpan(akun=staf_kota, judul="Masih draf", isi="<p>c</p>")
    artikel_simpan(akun=staf_kota, judul="Ditinjau", isi="<p>d</p>", status="tinjau")
    isi = client.get("/kpu/35.74/").content.decode()
    assert "Sudah terbit" in isi
    assert "Terjadwal" not in isi and "Masih draf" not in isi and "Ditinjau" not in isi
    assert client.get("/kpu/35.74/berita/terjadwal/").status_code == 404
    Artikel.objects.filter(slug="terjadwal").update(terbit_pada=timezone.now())
    assert client.get("/kpu/35.74/berita/terjadwal/").status_code == 200
    with pytest.raises(DataTidakValid) as e:
        artikel_simpan(akun=staf_kota, judul="x", isi="<p>x</p>", status="tayang")
    assert e.value.code == KodeHumas.STATUS_ARTIKEL


def test_halaman_publik_og_rss_sitemap_cari(client, staf_kota):
    m = media_unggah(akun=staf_kota, data=png(), nama_berkas="Foto Rapat.PNG",
                     keterangan="Rapat koordinasi")
    a = artikel_simpan(
        akun=staf_kota, judul="Rapat Koordinasi Bersama Dinas Kesehatan",
        ringkasan="Pembentukan Pantarlih.", kategori="berita-terkini", tag="Pantarlih, Coklit",
        isi=f'<p>Dalam rangka pembentukan Pantarlih.</p><img src="{media_url(m)}" alt="f">',
        status="terbit", gambar_id=m.pk)
    assert a.slug == "rapat-koordinasi-bersama-dinas-kesehatan"
    r = client.get(f"/kpu/35.74/berita/{a.slug}/")
    isi = r.content.decode()
    assert r.status_code == 200 and "max-age=60" in r["Cache-Control"]
    assert '<meta property="og:title" content="Rapat Koordinasi Bersama Dinas Kesehatan">' in isi
    assert f'<meta property="og:image" content="http://testserver{media_url(m)}">' in isi
    assert '<meta property="article:tag" content="Pantarlih">' in isi
    assert 'name="viewport"' in isi
    gambar = client.get(media_url(m))
    assert gambar.status_code == 200 and gambar["Content-Type"] == "image/png"
    assert b"".join(gambar.streaming_content if gambar.streaming else [gambar.content]) == \
        bytes(Media.objects.get(pk=m.pk).isi)
    assert "immutable" in gambar["Cache-Control"]
    rss = client.get("/kpu/35.74/rss/")
    assert rss.status_code == 200 and "application/rss+xml" in rss["Content-Type"]
    assert b"Rapat Koordinasi Bersama Dinas Kesehatan" in rss.content
    assert b"<category>Berita Terkini</category>" in rss.content
    peta = client.get("/kpu/35.74/sitemap.xml").content.decode()
    assert f"http://testserver/kpu/35.74/berita/{a.slug}/" in peta
    assert "Rapat Koordinasi" in client.get("/kpu/35.74/cari/?q=pantarlih dinas").content.decode()
    assert "Rapat Koordinasi" not in client.get("/kpu/35.74/cari/?q=maskot").content.decode()
    assert "Rapat Koordinasi" in client.get(
        "/kpu/35.74/kategori/berita-terkini/").content.decode()
    assert "Rapat Koordinasi" in client.get("/kpu/35.74/tag/coklit/").content.decode()
    # Another office's site does not show it.
    assert "Rapat Koordinasi" not in client.get("/kpu/35.13/").content.decode()
    assert client.get("/kpu/35.74.05/").status_code == 404  # a kecamatan has no site


def test_halaman_dan_dokumen(client, staf_kota):
    halaman_simpan(akun=staf_kota, judul="Profil PPID",
                   isi="<p>PPID KPU Kota</p><script>x</script>")
    d = dokumen_simpan(akun=staf_kota, judul="Pengumuman Hasil Seleksi PPS", jenis="pengumuman",
                       tanggal="2022-05-10", nomor="12/PP.04.2-Pu/3574/2022", data=PDF,
                       nama_berkas="pengumuman.pdf")
    isi = client.get("/kpu/35.74/halaman/profil-ppid/").content.decode()
    assert "PPID KPU Kota" in isi and "<script>x" not in isi
    daftar = client.get("/kpu/35.74/dokumen/?jenis=pengumuman").content.decode()
    assert "Pengumuman Hasil Seleksi PPS" in daftar and "12/PP.04.2-Pu/3574/2022" in daftar
    assert "Pengumuman Hasil" not in client.get("/kpu/35.74/dokumen/?jenis=sk").content.decode()
    unduh = client.get(media_url(d.berkas))
    assert unduh.status_code == 200 and unduh.content == PDF
    assert AuditEntry.objects.filter(aksi__in=["halaman.buat", "dokumen.buat"]).count() == 2


def test_unggahan_rusak_terlalu_besar_atau_bukan_gambar_ditolak(staf_kota):
    with pytest.raises(DataTidakValid) as e:
        media_unggah(akun=staf_kota, data=b"\xff\xd8\xff" + b"0" * BATAS_MEDIA,
                     nama_berkas="besar.jpg")
    assert e.value.code == KodeHumas.BERKAS_TERLALU_BESAR
    with pytest.raises(DataTidakValid) as e:
        media_unggah(akun=staf_kota, data=b"\x89PNG\r\n\x1a\nrusak", nama_berkas="rusak.png")
    assert e.value.code == KodeHumas.BERKAS_TIDAK_VALID
    with pytest.raises(DataTidakValid) as e:
        media_unggah(akun=staf_kota, data=b"<svg onload=alert(1)>", nama_berkas="a.svg")
    assert e.value.code == KodeHumas.BERKAS_TIDAK_VALID
    assert not Media.objects.exists()
    m1 = media_unggah(akun=staf_kota, data=png(), nama_berkas="a.png")
    assert media_unggah(akun=staf_kota, data=png(), nama_berkas="b.png").pk == m1.pk


def test_slug_unik_dan_kantor_lain_tidak_bisa_mengubah(staf_kota, staf_kab):
    a1 = artikel_simpan(akun=staf_kota, judul="KPU Melantik PPS", isi="<p>1</p>")
    a2 = artikel_simpan(akun=staf_kota, judul="KPU Melantik PPS", isi="<p>2</p>")
    assert (a1.slug, a2.slug) == ("kpu-melantik-pps", "kpu-melantik-pps-2")
    # The same slug in another office is fine.
    assert artikel_simpan(akun=staf_kab, judul="KPU Melantik PPS",
                          isi="<p>3</p>").slug == "kpu-melantik-pps"
    with pytest.raises(DataTidakValid) as e:
        artikel_simpan(akun=staf_kota, judul="Lain", isi="<p>x</p>", slug="kpu-melantik-pps")
    assert e.value.code == KodeHumas.SLUG_GANDA
    with pytest.raises(TidakDitemukan):
        artikel_simpan(akun=staf_kab, artikel_id=a1.pk, judul="Dibajak", isi="<p>x</p>")


def test_halaman_artikel_jumlah_kueri_tetap(client, staf_kota):
    for i in range(3):
        artikel_simpan(akun=staf_kota, judul=f"Berita {i}", isi="<p>x</p>", status="terbit",
                       tag=[f"t{i}", "umum"], kategori="berita-terkini")
    hitung = []
    for slug in ("berita-0", "berita-2"):
        with CaptureQueriesContext(connection) as q:
            assert client.get(f"/kpu/35.74/berita/{slug}/").status_code == 200
        hitung.append(len(q.captured_queries))
    with CaptureQueriesContext(connection) as q:
        client.get("/kpu/35.74/")
    assert hitung[0] == hitung[1] <= 6 and len(q.captured_queries) <= 6


def test_editor_lokal_dan_form_staf(client, staf_kota):
    client.force_login(staf_kota)
    r = client.get(reverse("humas-artikel-baru"))
    isi = r.content.decode()
    assert r.status_code == 200 and "data-django-prose-editor-configurable" in isi
    assert "/static/django_prose_editor/editor.js" in isi and "cdn" not in isi.lower()
    r = client.post(reverse("humas-artikel-baru"), {
        "judul": "Gala Dinner Maskot", "isi": "<p>Maskot <b>Si Tengger</b></p><script>x</script>",
        "kategori": "berita-terkini", "status": "terbit", "tag": "maskot"})
    assert r.status_code == 302
    a = Artikel.objects.get(judul="Gala Dinner Maskot")
    assert "<script" not in a.isi and a.penulis == staf_kota
    assert client.get(reverse("humas-situs")).status_code == 200
    r = client.post("/api/v1/humas/situs/artikel", {"judul": "Lewat API", "isi": "<p>x</p>",
                                                    "tag": ["a"], "status": "terbit"},
                    content_type="application/json")
    assert r.status_code == 201 and r.json()["slug"] == "lewat-api"
