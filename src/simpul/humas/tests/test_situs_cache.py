"""Server-side cache of the public site: a publish or an edit shows at once (the version
token changes in the same transaction), a cached page costs one query; full-text search
on PostgreSQL."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from simpul.humas.models import VersiSitus
from simpul.humas.situs_services import artikel_hapus, artikel_simpan, halaman_simpan


def _kueri(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q.captured_queries), r.content.decode()


def test_halaman_tersimpan_dan_diperbarui_saat_terbit_atau_diubah(client, staf_kota, staf_kab):
    a = artikel_simpan(akun=staf_kota, judul="Berita Pertama", isi="<p>Isi lama.</p>",
                       status="terbit", kategori="berita-terkini")
    url = f"/kpu/35.74/berita/{a.slug}/"
    pertama, isi = _kueri(client, url)
    kedua, isi_kedua = _kueri(client, url)
    assert "Isi lama." in isi and isi_kedua == isi
    assert kedua == 1 < pertama  # only the version token
    _, beranda = _kueri(client, "/kpu/35.74/")
    assert "Berita Pertama" in beranda
    # An edit and a new publication are seen at once on the article and the lists.
    artikel_simpan(akun=staf_kota, artikel_id=a.pk, judul="Berita Pertama",
                   isi="<p>Isi baru.</p>", status="terbit", kategori="berita-terkini")
    assert "Isi baru." in _kueri(client, url)[1]
    artikel_simpan(akun=staf_kota, judul="Berita Kedua", isi="<p>x</p>", status="terbit")
    assert "Berita Kedua" in _kueri(client, "/kpu/35.74/")[1]
    assert "Berita Kedua" in _kueri(client, "/kpu/35.74/rss/")[1]
    halaman_simpan(akun=staf_kota, judul="Profil", isi="<p>Profil KPU</p>")
    assert "Profil" in _kueri(client, "/kpu/35.74/")[1]
    # A draft, a deletion, another office's change.
    artikel_simpan(akun=staf_kota, artikel_id=a.pk, judul="Berita Pertama",
                   isi="<p>Isi baru.</p>", status="draf")
    assert client.get(url).status_code == 404
    token = VersiSitus.objects.get(kantor_id="35.74").token
    artikel_simpan(akun=staf_kab, judul="Berita Kabupaten", isi="<p>x</p>", status="terbit")
    assert VersiSitus.objects.get(kantor_id="35.74").token == token
    assert "Berita Kabupaten" not in _kueri(client, "/kpu/35.74/")[1]
    b = artikel_simpan(akun=staf_kota, judul="Akan Dihapus", isi="<p>x</p>", status="terbit")
    assert "Akan Dihapus" in _kueri(client, "/kpu/35.74/")[1]
    artikel_hapus(akun=staf_kota, artikel_id=b.pk)
    assert "Akan Dihapus" not in _kueri(client, "/kpu/35.74/")[1]


def test_kunci_cache_memuat_host_dan_tidak_menyimpan_404(client, staf_kota, settings):
    settings.ALLOWED_HOSTS = ["testserver", "kota-probolinggo.kpu.go.id"]
    a = artikel_simpan(akun=staf_kota, judul="Tautan Mutlak", isi="<p>x</p>", status="terbit")
    url = f"/kpu/35.74/berita/{a.slug}/"
    assert "http://testserver/" in client.get(url).content.decode()
    lain = client.get(url, HTTP_HOST="kota-probolinggo.kpu.go.id").content.decode()
    assert "http://kota-probolinggo.kpu.go.id/" in lain
    assert client.get("/kpu/35.74/berita/belum-ada/").status_code == 404
    artikel_simpan(akun=staf_kota, judul="Belum Ada", isi="<p>x</p>", status="terbit",
                   slug="belum-ada")
    assert client.get("/kpu/35.74/berita/belum-ada/").status_code == 200


def test_cari_teks_penuh(client, staf_kota):
    artikel_simpan(akun=staf_kota, judul="Pemilihan Wali Kota", isi="<p>Warga diajak datang ke "
                   "TPS.</p>", status="terbit")
    artikel_simpan(akun=staf_kota, judul="Rapat pleno", ringkasan="Pemilihan disebut sekali.",
                   isi='<p>Rekapitulasi.</p><img src="https://lama.example/pemilihan.jpg">',
                   status="terbit")
    artikel_simpan(akun=staf_kota, judul="Gambar saja", isi='<p>Foto.</p><img '
                   'src="https://lama.example/memilih.jpg" alt="">', status="terbit")
    isi = client.get("/kpu/35.74/cari/?q=pemilihan").content.decode()
    assert "Pemilihan Wali Kota" in isi and "Rapat pleno" in isi
    assert "Pemilihan Wali Kota" in client.get("/kpu/35.74/cari/?q=wali+tps").content.decode()
    assert "Pemilihan Wali Kota" not in client.get(
        "/kpu/35.74/cari/?q=wali+bupati").content.decode()
    if connection.vendor == "postgresql":
        # The title match ranks first (though older); an address inside a tag is not
        # text; 'memilih' and 'pemilihan' share the stem.
        assert isi.index("Pemilihan Wali Kota") < isi.index("Rapat pleno")
        assert "Gambar saja" not in isi
        assert "Pemilihan Wali Kota" in client.get(
            "/kpu/35.74/cari/?q=memilih").content.decode()
