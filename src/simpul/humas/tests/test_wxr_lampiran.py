"""WordPress attachments: a WXR file holds only their addresses and nothing is fetched from
the internet, so they (and images the imported HTML still loads from the old site) become
pending media; staff upload the files and the HTML is re-pointed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from simpul.core.errors import DataTidakValid
from simpul.core.models import AuditEntry
from simpul.humas.arsip import situs_data, situs_ekspor, situs_impor, wxr_impor
from simpul.humas.errors import KodeHumas
from simpul.humas.models import Artikel, HalamanSitus, MediaTertunda
from simpul.humas.rules import gambar_luar, url_asli_wp
from simpul.humas.situs_services import media_tertunda_unggah

from .test_situs import png

LAMA = "https://kab-probolinggo.kpu.go.id/wp-content/uploads/2024/06"
WXR = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>KPU</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Sosialisasi PPS</title>
<content:encoded><![CDATA[<p>Kegiatan PPS.</p><img src="{LAMA}/pps-300x200.jpg" alt="PPS">
<p>Spanduk:</p><img src="https://cdn.example.org/spanduk.png?ver=2&amp;x=1">]]></content:encoded>
<wp:post_date_gmt>2024-06-10 02:00:00</wp:post_date_gmt><wp:post_name>sosialisasi-pps</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Profil</title><content:encoded><![CDATA[<p>Kantor</p><img src="{LAMA}/pps.jpg">]]>
</content:encoded><wp:post_name>profil</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>page</wp:post_type></item>
<item><title>Foto PPS</title><wp:post_id>55</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:post_mime_type>image/jpeg</wp:post_mime_type>
<wp:attachment_url>{LAMA}/pps.jpg</wp:attachment_url></item>
<item><title>SK PPS</title><wp:post_id>56</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:attachment_url>{LAMA}/sk-pps.pdf</wp:attachment_url></item>
</channel></rss>"""


def test_url_asli_dan_gambar_luar():
    assert url_asli_wp(f"{LAMA}/pps-300x200.jpg") == f"{LAMA}/pps.jpg"
    assert url_asli_wp(f"{LAMA}/pps.jpg?ver=1") == f"{LAMA}/pps.jpg"
    assert url_asli_wp(f"{LAMA}/1024x768.jpg") == f"{LAMA}/1024x768.jpg"
    html = ('<p>x</p><img src="/kpu/35.74/media/ab/c.png"><img alt="" src="https://a.example/'
            'b.png?x=1&amp;y=2"><img src="https://a.example/b.png?x=1&amp;y=2">')
    assert gambar_luar(html) == ["https://a.example/b.png?x=1&y=2"]


def test_lampiran_dan_gambar_lama_menjadi_media_tertunda(staf_kota, client):
    hasil = wxr_impor(akun=staf_kota, data=WXR.encode())
    assert (hasil.artikel, hasil.halaman, hasil.media_tertunda) == (1, 1, 4)
    assert hasil.lewati == []
    t = {m.url_asal: m for m in MediaTertunda.objects.filter(kantor_id="35.74")}
    assert sorted(t) == sorted([f"{LAMA}/pps.jpg", f"{LAMA}/pps-300x200.jpg", f"{LAMA}/sk-pps.pdf",
                                "https://cdn.example.org/spanduk.png?ver=2&x=1"])
    assert (t[f"{LAMA}/pps.jpg"].wp_id, t[f"{LAMA}/pps.jpg"].mime) == (55, "image/jpeg")
    assert wxr_impor(akun=staf_kota, data=WXR.encode()).media_tertunda == 0  # again: no new
    client.force_login(staf_kota)
    isi = client.get(reverse("humas-media-tertunda")).content.decode()
    assert f"{LAMA}/pps-300x200.jpg" in isi and "Sosialisasi PPS" in isi
    assert "2 artikel/halaman masih memuat gambar dari situs lama" in isi


def test_unggah_berkas_mengarahkan_ulang_artikel(staf_kota, staf_kab, client):
    wxr_impor(akun=staf_kota, data=WXR.encode())
    asli = MediaTertunda.objects.get(url_asal=f"{LAMA}/pps.jpg")
    with pytest.raises(DataTidakValid) as e:
        media_tertunda_unggah(akun=staf_kota, tertunda_id=asli.pk, data=b"<html>x</html>",
                              nama_berkas="pps.jpg")
    assert e.value.code == KodeHumas.BERKAS_TIDAK_VALID
    assert MediaTertunda.objects.filter(selesai__isnull=True).count() == 4
    from simpul.core.errors import TidakDitemukan

    with pytest.raises(TidakDitemukan):
        media_tertunda_unggah(akun=staf_kab, tertunda_id=asli.pk, data=png(),
                              nama_berkas="pps.png")
    client.get("/kpu/35.74/berita/sosialisasi-pps/")  # cached before the change
    m, diubah = media_tertunda_unggah(akun=staf_kota, tertunda_id=asli.pk, data=png(),
                                      nama_berkas="pps.png")
    assert sorted(diubah) == ["artikel:sosialisasi-pps", "halamansitus:profil"]
    baru = f"/kpu/35.74/media/{m.sha256}/pps.png"
    a = Artikel.objects.get(slug="sosialisasi-pps")
    assert f'src="{baru}"' in a.isi and LAMA not in a.isi and "cdn.example.org" in a.isi
    assert f'src="{baru}"' in HalamanSitus.objects.get(slug="profil").isi
    # The original and its resized copy are done; the other host's image and the PDF wait.
    sisa = sorted(MediaTertunda.objects.filter(selesai__isnull=True)
                  .values_list("url_asal", flat=True))
    assert sisa == ["https://cdn.example.org/spanduk.png?ver=2&x=1", f"{LAMA}/sk-pps.pdf"]
    assert baru in client.get("/kpu/35.74/berita/sosialisasi-pps/").content.decode()
    entri = AuditEntry.objects.get(aksi="situs.media_tertunda")
    assert sorted(entri.sebelum["url_asal"]) == [f"{LAMA}/pps-300x200.jpg", f"{LAMA}/pps.jpg"]
    client.force_login(staf_kota)
    spanduk = MediaTertunda.objects.get(url_asal__startswith="https://cdn.example.org")
    r = client.post(reverse("humas-media-tertunda"), {
        "tertunda_id": spanduk.pk, "berkas": SimpleUploadedFile("spanduk.png", png())})
    assert r.status_code == 302
    assert "cdn.example.org" not in Artikel.objects.get(slug="sosialisasi-pps").isi


def test_arsip_membawa_media_tertunda(staf_kota, staf_kab):
    wxr_impor(akun=staf_kota, data=WXR.encode())
    asli = MediaTertunda.objects.get(url_asal=f"{LAMA}/pps.jpg")
    media_tertunda_unggah(akun=staf_kota, tertunda_id=asli.pk, data=png(), nama_berkas="pps.png")
    hasil = situs_impor(akun=staf_kab, data=situs_ekspor(akun=staf_kota))
    assert hasil.media_tertunda == 4
    kota, kab = situs_data("35.74")[0], situs_data("35.13")[0]
    assert kab["media_tertunda"] == kota["media_tertunda"]
    assert sum(t["media"] is not None for t in kab["media_tertunda"]) == 2
