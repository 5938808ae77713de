"""A Pantarlih does coklit on a phone in Debian's chromium: MS with a correction and the
sticker, a TMS refused without its category then saved with it, a save made while the
connection is down (queued on the device, sent once when back online), a new voter; then
the PPS sees the progress of the TPS."""

from datetime import date

import pytest
from playwright.sync_api import expect

from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.pemilih.models import Pemilih, RiwayatPemilih
from simpul.pemilu.models import TPS, Pemilu

KATA_SANDI = "Rahasia-Uji-123"  # as in tests/conftest.py

pytestmark = pytest.mark.browser
KEDOPOK = "35.74.05.1005"


def _siapkan():
    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    tps = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    pantarlih = Akun.objects.create_user(username="pantarlih1", password=KATA_SANDI,
                                         peran=Peran.PANTARLIH, wilayah_id=KEDOPOK,
                                         pemilu=pemilu, tps=tps)
    pps = Akun.objects.create_user(username="pps1", password=KATA_SANDI, peran=Peran.PPS,
                                   wilayah_id=KEDOPOK, pemilu=pemilu)
    for i, nama in enumerate(["AHMAD", "BUDI", "CANDRA"], start=1):
        Pemilih.objects.create(pemilu=pemilu, nik=f"3574051205{80 + i:02d}0001",
                               nkk=f"35740501010000{i:02d}", nama=nama,
                               tanggal_lahir=date(1980 + i, 5, 12), jenis_kelamin="L",
                               status_kawin="S", alamat="JL. MAWAR", rt=f"00{i}", rw="002",
                               desa_id=KEDOPOK, tps=tps)
    return pemilu, tps, pantarlih, pps


def _buka_pemilih(halaman, nama):
    halaman.goto("/coklit/")
    halaman.get_by_role("link", name=nama).click()
    expect(halaman.get_by_role("heading", name=nama)).to_be_visible()


def test_pantarlih_coklit_di_ponsel_dan_pps_melihat_kemajuan(data_jatim, buka_halaman,
                                                            tangkap_layar):
    pemilu, tps, pantarlih, pps = _siapkan()
    h = buka_halaman(pantarlih)

    _buka_pemilih(h, "AHMAD")
    h.get_by_text("Perbaiki data (U)").click()
    h.fill("input[name=nama]", "ACHMAD")
    h.check("input[name=stiker]")
    h.click("button.utama")
    expect(h.get_by_text("Tersimpan: ACHMAD")).to_be_visible()

    _buka_pemilih(h, "BUDI")
    h.check("input[name=hasil][value=tms]")
    h.click("button.utama")
    expect(h.get_by_role("alert")).to_contain_text("pemilih.tms_tanpa_kategori")
    h.check("input[name=hasil][value=tms]")
    h.select_option("select[name=kategori]", "meninggal")
    h.click("button.utama")
    expect(h.get_by_text("Tersimpan: BUDI")).to_be_visible()
    tangkap_layar(h, "pemilih-coklit-daftar.png")

    _buka_pemilih(h, "CANDRA")
    h.check("input[name=stiker]")
    h.context.set_offline(True)
    h.click("button.utama")
    expect(h.locator("#antrean")).to_be_visible()
    assert Pemilih.objects.get(nama="CANDRA").coklit == "belum"
    h.context.set_offline(False)
    h.evaluate("window.dispatchEvent(new Event('online'))")
    expect(h.get_by_text("Tersimpan: CANDRA")).to_be_visible()
    candra = Pemilih.objects.get(nama="CANDRA")
    assert (candra.coklit, candra.stiker, candra.versi) == ("ms", True, 2)
    assert RiwayatPemilih.objects.filter(pemilih=candra).count() == 1

    h.get_by_role("link", name="Tambah pemilih baru").click()
    h.fill("input[name=nik]", "3574054403060001")
    h.fill("input[name=nkk]", "3574050101000009")
    h.fill("input[name=nama]", "DEWI")
    h.fill("input[name=tanggal_lahir]", "2006-03-04")
    h.select_option("select[name=jenis_kelamin]", "P")
    h.select_option("select[name=status_kawin]", "B")
    h.fill("input[name=rt]", "001")
    h.fill("input[name=rw]", "002")
    h.click("button.utama")
    expect(h.get_by_text("Pemilih baru tersimpan: DEWI")).to_be_visible()
    assert Pemilih.objects.get(nama="DEWI").tps == tps

    p = buka_halaman(pps)
    p.goto(f"/coklit/kemajuan/?pemilu={pemilu.pk}&tingkat=tps")
    baris = p.locator("tr", has_text="TPS 001")
    # 4 voters (3 listed + 1 new): 2 MS, 1 TMS, 1 not yet visited → 75 % done.
    expect(baris.locator("td")).to_have_text(["Kedopok · TPS 001", "4", "2", "1", "1", "75,0",
                                              ""])
    tangkap_layar(p, "pemilih-coklit-kemajuan.png")


def test_isian_luring_ditolak_karena_daftar_dikunci_tampil_di_ponsel(data_jatim, buka_halaman):
    """A save queued offline that the server refuses when it arrives (the list was locked
    for the plenary meanwhile: 409 pemilih.tahap_terkunci) is not dropped silently: the
    officer sees which voter to open again (ANCHORS.md, SIDALIH/e-Coklit)."""
    from simpul.pemilih.services_tahap import tahap_kunci

    pemilu, tps, pantarlih, _ = _siapkan()
    kpu = Akun.objects.create_user(username="kpu_kota", password=KATA_SANDI,
                                   peran=Peran.KPU_KAB_OPERATOR, wilayah_id="35.74")
    h = buka_halaman(pantarlih)
    _buka_pemilih(h, "AHMAD")
    h.check("input[name=stiker]")
    # The save as the form queues it on the device when the connection is down (put in the
    # queue directly: whether the page or the list sends it first is otherwise a race).
    h.evaluate("""() => { var d = {}; new FormData(document.getElementById("form-coklit"))
        .forEach(function (v, k) { d[k] = v; });
        localStorage.setItem("simpul-coklit-antrean",
                             JSON.stringify([{url: location.pathname, data: d}])); }""")
    tahap_kunci(akun=kpu, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    h.goto("/coklit/")  # the list page sends what the device queued
    ditolak = h.locator("#ditolak")
    expect(ditolak).to_be_visible()
    expect(ditolak).to_contain_text("HTTP 409")
    ahmad = Pemilih.objects.get(nama="AHMAD")
    assert (ahmad.coklit, ahmad.stiker, ahmad.versi) == ("belum", False, 1)
    assert h.evaluate("localStorage.getItem('simpul-coklit-antrean')") == "[]"
    ditolak.get_by_role("button", name="Tutup").click()
    expect(ditolak).to_be_hidden()


def test_pps_mencatat_dpk_di_ponsel(data_jatim, buka_halaman):
    """A PPS records a DPK voter on a phone: the TPS chosen from a list, a wrong NIK
    refused with its code and nothing typed lost, then saved and listed with NIK masked."""
    from simpul.pemilih.models import PemilihKhusus

    pemilu, _, _, pps = _siapkan()
    halaman = buka_halaman(pps)
    halaman.goto(f"/pemilih/tahap/?pemilu={pemilu.pk}")
    form = halaman.locator("#form-dpk")
    form.locator("select[name=tps]").select_option(label="TPS 002 · Kedopok")
    form.locator("input[name=nik]").fill("357405520790")
    form.locator("input[name=nama]").fill("SITI KHUSUS")
    form.locator("input[name=tanggal_lahir]").fill("1990-07-12")
    form.locator("select[name=jenis_kelamin]").select_option("P")
    form.locator("input[name=alamat]").fill("JL. MAWAR 1")
    form.get_by_role("button", name="Catat DPK").click()
    galat = halaman.locator("#form-dpk [role=alert]")
    expect(galat).to_contain_text("NIK harus tepat 16 angka. (nik.format)")
    expect(form.locator("input[name=nama]")).to_have_value("SITI KHUSUS")
    expect(form.locator("select[name=tps]")).to_have_value(
        str(TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2).pk))
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    form.locator("input[name=nik]").fill("3574055207900001")
    form.get_by_role("button", name="Catat DPK").click()
    expect(halaman.get_by_text("Pemilih khusus (DPK) dicatat: SITI KHUSUS, TPS 002 Kedopok."))\
        .to_be_visible()
    expect(halaman.locator("#daftar-dpk")).to_contain_text("SITI KHUSUS · 3574**********01")
    assert PemilihKhusus.objects.get().tps.nomor == 2
