"""End to end in a real browser (Debian's chromium): a PPK officer on a phone, the language
switch, and the KPU Kota dashboard on a desktop."""

import re

import pytest
from playwright.sync_api import expect

from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK, KOTA_PROBOLINGGO, TPS_PEMILU_2024
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.models import Wilayah

pytestmark = pytest.mark.browser

KEC_KEDOPOK = "35.74.05"
KEC_LAIN = "35.74.01"  # Kademangan, same kota, not the PPK's kecamatan
DESKTOP = {"width": 1280, "height": 800}


def lebar_gulir(halaman) -> int:
    return halaman.evaluate("document.documentElement.scrollWidth")


def angka(teks: str) -> int:
    return int(re.sub(r"\D", "", teks))


def test_ppk_di_ponsel_menelusuri_sampai_tps_dan_ditolak_di_kecamatan_lain(
        data_jatim, buat_akun, buka_halaman, tangkap_layar):
    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    ppk = buat_akun(Peran.PPK, KEC_KEDOPOK, pemilu)
    tps_kedopok = TPS.objects.filter(pemilu=pemilu, desa_id__startswith=KEC_KEDOPOK + ".")
    halaman = buka_halaman(ppk)

    # The stylesheet is served (the phone layout depends on it).
    expect(halaman.locator("header.kepala")).to_have_css("background-color", "rgb(179, 18, 27)")

    # Lands on the dashboard of their own kecamatan, counts of that kecamatan only.
    expect(halaman.locator("h1")).to_have_text("Kecamatan Kedopok")
    expect(halaman.locator(".judul-halaman .kode")).to_have_text(KEC_KEDOPOK)
    jumlah_tps = halaman.get_by_test_id("jumlah-tps").inner_text()
    assert angka(jumlah_tps) == tps_kedopok.count()
    kelurahan = Wilayah.objects.filter(induk_id=KEC_KEDOPOK)
    expect(halaman.locator("table.daftar tbody tr")).to_have_count(kelurahan.count())
    assert lebar_gulir(halaman) <= 360
    tangkap_layar(halaman, "dasbor-ponsel.png")

    # Kecamatan -> kelurahan Kedopok: its TPS as cards.
    halaman.locator(f'table.daftar a[href^="/wilayah/{KEDOPOK}/"]').click()
    expect(halaman.locator("h1")).to_have_text("Kelurahan Kedopok")
    tps_kelurahan = tps_kedopok.filter(desa_id=KEDOPOK).order_by("nomor")
    expect(halaman.locator(".kartu-tps li")).to_have_count(tps_kelurahan.count())
    assert lebar_gulir(halaman) <= 360

    # Kelurahan -> TPS 001: number and the KPU TPS code.
    tps = tps_kelurahan.first()
    halaman.locator(".kartu-tps a", has_text=tps.label).click()
    expect(halaman.locator("h1")).to_contain_text(f"TPS {tps.nomor:03d}")
    expect(halaman.locator("dd.kode")).to_have_text(tps.kode_kpu)
    assert tps.kode_kpu == KEDOPOK.replace(".", "") + f"{tps.nomor:03d}"
    assert lebar_gulir(halaman) <= 360

    # Another kecamatan of the same kota: 404 with the Indonesian message, nothing leaked.
    lain = Wilayah.objects.get(kode=KEC_LAIN)
    respons = halaman.goto(f"/wilayah/{KEC_LAIN}/?pemilu={pemilu.pk}")
    assert respons.status == 404
    expect(halaman.get_by_role("alert")).to_have_text(
        "Wilayah tidak ditemukan di wilayah kerja Anda.")
    isi = halaman.locator("body").inner_text()
    assert lain.nama not in isi
    assert halaman.get_by_test_id("jumlah-tps").count() == 0
    assert halaman.locator("table.daftar, .kartu-tps").count() == 0
    assert lebar_gulir(halaman) <= 360

    # A TPS in that other kecamatan is refused the same way.
    tps_lain = TPS.objects.filter(pemilu=pemilu, desa_id__startswith=KEC_LAIN + ".").first()
    respons = halaman.goto(f"/tps/{tps_lain.pk}/")
    assert respons.status == 404
    expect(halaman.get_by_role("alert")).to_have_text("TPS tidak ditemukan di wilayah kerja Anda.")
    assert tps_lain.kode_kpu not in halaman.locator("body").inner_text()


def test_ganti_bahasa_ke_inggris_dan_kembali(data_jatim, buat_akun, buka_halaman):
    ppk = buat_akun(Peran.PPK, KEC_KEDOPOK, Pemilu.objects.get(nama="Pemilu 2024"))
    halaman = buka_halaman(ppk)
    nav = halaman.locator(".kepala nav")
    expect(nav).to_contain_text("Dasbor")

    halaman.get_by_role("button", name="English").click()
    expect(halaman.locator("html")).to_have_attribute("lang", "en")
    expect(nav).to_contain_text("Dashboard")
    expect(halaman.get_by_role("button", name="Log out")).to_be_visible()
    expect(halaman.get_by_test_id("jumlah-tps")).to_be_visible()
    assert halaman.url.endswith("/dasbor/")
    assert lebar_gulir(halaman) <= 360

    halaman.get_by_role("button", name="Bahasa Indonesia").click()
    expect(halaman.locator("html")).to_have_attribute("lang", "id")
    expect(nav).to_contain_text("Dasbor")
    expect(halaman.get_by_role("button", name="Keluar")).to_be_visible()


def test_operator_kota_melihat_jumlah_tps_pemilu_2024_di_desktop(
        data_jatim, buat_akun, buka_halaman, tangkap_layar):
    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    operator = buat_akun(Peran.KPU_KAB_OPERATOR, KOTA_PROBOLINGGO)
    halaman = buka_halaman(operator, viewport=DESKTOP)
    halaman.goto(f"/dasbor/?pemilu={pemilu.pk}")

    expect(halaman.locator("h1")).to_have_text("Kota Probolinggo")
    expect(halaman.locator("select[name=pemilu]")).to_have_value(str(pemilu.pk))
    assert angka(halaman.get_by_test_id("jumlah-tps").inner_text()) == TPS_PEMILU_2024
    baris = halaman.locator("table.daftar tbody tr")
    expect(baris).to_have_count(5)
    per_kecamatan = [angka(t) for t in baris.locator("td:nth-child(3)").all_inner_texts()]
    assert sum(per_kecamatan) == TPS_PEMILU_2024
    assert lebar_gulir(halaman) <= DESKTOP["width"]
    tangkap_layar(halaman, "dasbor.png")
