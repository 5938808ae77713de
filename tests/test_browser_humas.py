"""Bakohumas end to end in Debian's chromium: an editor publishes an article from a phone
and it shows on the office's public site; staff log a week of posts on the phone form; the
quarterly report is generated, its PDF turned into page images (pypdfium2: poppler's
pdftoppm is not on the machines) and the page with the recap table is checked."""

import importlib
import io
import re

import pypdfium2 as pdfium
import pytest
from django.apps import apps
from playwright.sync_api import expect

from simpul.core.roles import Peran
from simpul.humas.models import Artikel, Publikasi

pytestmark = pytest.mark.browser

MINGGU = [f"2024-04-0{d}" for d in range(1, 8)]  # Monday 1 to Sunday 7 April 2024


@pytest.fixture
def daftar_humas(data_jatim):
    """The editable lists that data migrations install (flushed by transactional tests)."""
    for modul, fungsi in (("0002_daftar_awal", "isi"), ("0006_situs", "kategori_awal")):
        getattr(importlib.import_module(f"simpul.humas.migrations.{modul}"), fungsi)(apps, None)


def lebar_gulir(halaman) -> int:
    return halaman.evaluate("document.documentElement.scrollWidth")


def test_editor_menerbitkan_dari_ponsel_dan_tampil_di_situs_publik(
        daftar_humas, buat_akun, buka_halaman, tangkap_layar):
    editor = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74", first_name="Bayu", last_name="Rizky")
    halaman = buka_halaman(editor)
    halaman.goto("/humas/situs/artikel/baru/")
    halaman.fill("input[name=judul]", "Media Sosial Sarana Sosialisasi")
    halaman.fill("textarea[name=ringkasan]", "PPS diajak memaksimalkan media sosial.")
    badan = halaman.locator("[contenteditable=true].ProseMirror")
    expect(badan).to_be_visible()
    badan.click()
    halaman.keyboard.type("Setiap kegiatan PPS bisa dipublikasikan melalui akun media sosial.")
    halaman.fill("input[name=tag]", "PPS, Sosialisasi")
    halaman.select_option("select[name=status]", "terbit")
    assert lebar_gulir(halaman) <= 360
    tangkap_layar(halaman, "humas-editor-ponsel.png")
    halaman.click("button[name=simpan]")
    expect(halaman.locator(".pesan")).to_contain_text("Artikel tersimpan")
    a = Artikel.objects.get()
    assert a.status == "terbit" and "Setiap kegiatan PPS" in a.isi

    publik = buka_halaman()  # a reader, not logged in, on a phone
    publik.goto("/kpu/35.74/")
    publik.get_by_role("link", name="Media Sosial Sarana Sosialisasi").click()
    expect(publik.locator("article h1")).to_have_text("Media Sosial Sarana Sosialisasi")
    expect(publik.locator(".badan")).to_contain_text("Setiap kegiatan PPS")
    expect(publik.locator('meta[property="og:title"]')).to_have_attribute(
        "content", "Media Sosial Sarana Sosialisasi")
    assert lebar_gulir(publik) <= 360
    tangkap_layar(publik, "humas-situs-ponsel.png")


def test_seminggu_unggahan_lalu_laporan_pdf_halaman_rekap(
        daftar_humas, buat_akun, buka_halaman, tmp_path):
    staf = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    halaman = buka_halaman(staf)
    for i, tanggal in enumerate(MINGGU, start=1):
        halaman.goto("/humas/publikasi/baru/")
        halaman.fill("input[name=tanggal]", tanggal)
        halaman.select_option("select[name=jenis_konten]", label="Foto Berita")
        halaman.fill("input[name=judul]", f"Kegiatan hari ke-{i}")
        halaman.fill("input[name=tautan_instagram]", f"https://www.instagram.com/p/MG{i}/")
        halaman.fill("input[name=tautan_facebook]", f"https://www.facebook.com/kpu/posts/{i}")
        if i % 2:
            halaman.fill("input[name=tautan_x]", f"https://x.com/kpu/status/{i}")
        halaman.click("button.utama")
        expect(halaman.locator(".pesan")).to_contain_text("Publikasi tersimpan")
    assert Publikasi.objects.filter(kantor_id="35.74").count() == 7

    halaman.goto("/humas/laporan/")
    halaman.select_option("select[name=periode]", "triwulan")
    halaman.fill("input[name=nomor]", "2")
    halaman.fill("input[name=tahun]", "2024")
    halaman.fill("input[name=nomor_surat]", "99/PR.04.1/3574/2024")
    halaman.fill("input[name=tanggal_surat]", "2024-06-28")
    halaman.locator("form.kartu").first.locator("button.utama").click()
    expect(halaman.locator("h1")).to_contain_text("triwulan 2 2024")
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="PDF").click()
    pdf = pdfium.PdfDocument(unduhan.value.path())

    halaman_rekap = None
    for nomor in range(len(pdf)):
        teks = pdf[nomor].get_textpage().get_text_range()
        if "Bulan April" in teks and "JENIS KONTEN" in teks:
            halaman_rekap = nomor
            break
    assert halaman_rekap is not None, "no page holds April's recap table"
    teks = pdf[halaman_rekap].get_textpage().get_text_range()
    # April's row for Foto Berita: IG 7, TWITTER 4, FB 7.
    baris = next(b for b in teks.splitlines() if "Foto Berita" in b)
    assert re.findall(r"\d+", baris)[1:4] == ["7", "4", "7"], baris

    gambar = pdf[halaman_rekap].render(scale=1.5).to_pil()
    gambar.save(tmp_path / "rekap.png")
    abu = gambar.convert("L")
    assert gambar.width > 800 and gambar.height > 1000
    gelap = sum(abu.histogram()[:128])  # pixels darker than mid-grey
    assert gelap > 0.002 * gambar.width * gambar.height  # text and table rules, not blank
    buka_png = io.BytesIO()
    gambar.save(buka_png, "PNG")
    assert buka_png.getbuffer().nbytes > 10_000


def test_koordinasi_dan_sk_perubahan_dari_ponsel(daftar_humas, buat_akun, buka_halaman,
                                                 tangkap_layar):
    """Staff record a coordination entry and amend the team decree on a phone, without the
    API; the amendment form starts from the team in force."""
    from simpul.humas.models import Koordinasi, SKTim

    staf = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    halaman = buka_halaman(staf)
    halaman.goto("/humas/koordinasi/")
    halaman.fill("input[name=tanggal_mulai]", "2024-04-02")
    halaman.fill("input[name=mitra]", "Bawaslu Kota Probolinggo")
    halaman.fill("textarea[name=uraian]", "Rakor pengawasan coklit")
    assert lebar_gulir(halaman) <= 360
    halaman.locator("form.kartu button.utama").click()
    expect(halaman.locator(".pesan")).to_contain_text("Koordinasi tersimpan")
    expect(halaman.locator(".humas-daftar")).to_contain_text("Bawaslu Kota Probolinggo")
    assert Koordinasi.objects.get().kantor_id == "35.74"

    halaman.goto("/humas/tim/")
    halaman.fill("input[name=nomor]", "17/HK.03.1/3574/2024")
    halaman.fill("input[name=tanggal]", "2024-01-03")
    halaman.fill("textarea[name=anggota]", "Ketua KPU | Ketua | Pembina\n"
                                           "Kasubbag Teknis | Kasubbag | Ketua Pelaksana")
    halaman.locator("form.kartu button.utama").click()
    expect(halaman.locator(".pesan")).to_contain_text("SK tim tersimpan")
    expect(halaman.locator("input[name=mengubah]")).to_have_value("17/HK.03.1/3574/2024")
    expect(halaman.locator("textarea[name=anggota]")).to_contain_text("Kasubbag Teknis")
    halaman.fill("input[name=nomor]", "33/HK.03.1/3574/2024")
    halaman.fill("input[name=tanggal]", "2024-04-20")
    halaman.fill("textarea[name=anggota]", "Ketua KPU | Ketua | Pembina\n"
                                           "Staf Baru | Staf | Anggota")
    assert lebar_gulir(halaman) <= 360
    tangkap_layar(halaman, "humas-tim-ponsel.png")
    halaman.locator("form.kartu button.utama").click()
    expect(halaman.locator(".pesan")).to_contain_text("SK tim tersimpan")
    ubah = SKTim.objects.get(nomor="33/HK.03.1/3574/2024")
    assert ubah.mengubah.nomor == "17/HK.03.1/3574/2024"
    assert [a.nama for a in ubah.anggota.all()] == ["Ketua KPU", "Staf Baru"]
