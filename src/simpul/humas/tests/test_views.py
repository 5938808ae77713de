from django.urls import reverse

from simpul.humas.models import Publikasi

IG = "https://www.instagram.com/p/CZ0009/"


def test_form_ponsel_mencatat_publikasi_dengan_beberapa_kanal(client, staf_kota):
    client.force_login(staf_kota)
    halaman = client.get(reverse("humas-publikasi-baru"))
    assert halaman.status_code == 200
    assert 'name="tautan_instagram"' in halaman.content.decode()
    r = client.post(reverse("humas-publikasi-baru"), {
        "tanggal": "2022-03-09", "jenis_konten": "1", "judul": "Silaturahmi Polresta",
        "tautan_instagram": IG, "tautan_x": "https://x.com/kpu/status/5",
        "sasaran_whatsapp": "Grup Bakohumas KPU Kota Probolinggo\nGrup Bakohumas KPU Provinsi"})
    assert r.status_code == 302
    p = Publikasi.objects.get()
    assert p.unggahan.count() == 4
    daftar = client.get(reverse("humas-log")).content.decode()
    assert "Silaturahmi Polresta" in daftar


def test_form_galat_ditampilkan_dan_isian_tidak_hilang(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post(reverse("humas-publikasi-baru"), {
        "tanggal": "2022-03-09", "jenis_konten": "1", "judul": "Uji",
        "tautan_instagram": "https://www.facebook.com/x/posts/1"})
    isi = r.content.decode()
    assert r.status_code == 200 and "bukan tautan Instagram" in isi
    assert "https://www.facebook.com/x/posts/1" in isi
    assert not Publikasi.objects.exists()


def test_tempel_dan_impor_halaman(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post(reverse("humas-tempel"), {"tautan": IG, "tanggal": "2022-03-09",
                                              "jenis_konten": "1", "judul": "Tempel"})
    assert r.status_code == 302
    from django.core.files.uploadedfile import SimpleUploadedFile

    berkas = SimpleUploadedFile("log.csv", b"tanggal,jenis_konten,judul,kanal,tautan\n"
                                           b"2022-03-10,Repost,R1,,https://x.com/a/status/1\n"
                                           b"2022-03-10,Repost,R1,,https://x.com/a/status/1\n")
    r = client.post(reverse("humas-impor"), {"berkas": berkas})
    isi = r.content.decode()
    assert r.status_code == 200 and "humas.baris_ganda" in isi
    assert Publikasi.objects.count() == 2


def test_halaman_untuk_petugas_saja(client, akun_per_peran):
    from simpul.core.roles import Peran

    client.force_login(akun_per_peran[Peran.PUBLIK])
    assert client.get(reverse("humas-log")).status_code == 403


def test_halaman_daftar_laporan_dan_pantauan_tampil(client, staf_kota):
    client.force_login(staf_kota)
    isi = client.get(reverse("humas-laporan-daftar")).content.decode()
    assert "{{ }}" in isi.replace("<code>", "").replace("</code>", "")
    for nama in ("humas-kampanye-daftar", "humas-situs", "humas-arsip", "humas-pantauan",
                 "humas-halaman-baru"):
        assert client.get(reverse(nama)).status_code == 200, nama
