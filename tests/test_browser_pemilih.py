"""A Pantarlih does coklit on a phone in Debian's chromium: MS with a correction and the
sticker, a TMS refused without its category then saved with it, a save made while the
connection is down (queued on the device, sent once when back online), a new voter; then
the PPS sees the progress of the TPS. Offline first: pages kept by the service worker and
saved without a signal, and the per-TPS reconciliation of device against server."""

import re
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


def _tanpa_jaringan(environ, start_response):
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"tanpa sinyal"]


def _sinyal(h, live_server, ada: bool) -> None:
    """Cut or restore the phone's connection. Chromium's offline emulation (and a route)
    leak now and then for pages a service worker controls: seen here, an 'online' event
    and a queued save reaching the server while offline, right after a page loads. So
    while the signal is off the live server also answers 503 to whatever gets through,
    which the phone treats as no answer (the save stays queued, the kept page is shown)."""
    httpd = live_server.thread.httpd
    if ada:
        httpd.set_app(httpd.app_asli)
        h.context.set_offline(False)
        h.evaluate("window.dispatchEvent(new Event('online'))")
    else:
        httpd.app_asli = httpd.get_app()
        httpd.set_app(_tanpa_jaringan)
        h.context.set_offline(True)


def _buka_pemilih(halaman, nama):
    halaman.goto("/coklit/")
    halaman.get_by_role("link", name=nama).click()
    expect(halaman.get_by_role("heading", name=nama)).to_be_visible()


def test_pantarlih_coklit_di_ponsel_dan_pps_melihat_kemajuan(data_jatim, buka_halaman,
                                                            tangkap_layar, live_server):
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
    _sinyal(h, live_server, False)
    h.click("button.utama")
    expect(h.locator("#antrean")).to_be_visible()
    assert Pemilih.objects.get(nama="CANDRA").coklit == "belum"
    _sinyal(h, live_server, True)
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
    antrean = f"simpul-coklit:{pantarlih.pk}:antrean"
    h.evaluate("""(antrean) => { var d = {}; new FormData(document.getElementById("form-coklit"))
        .forEach(function (v, k) { d[k] = v; });
        localStorage.setItem(antrean, JSON.stringify([{url: location.pathname, data: d,
            jenis: "coklit", pemilih: null, waktu: new Date().toISOString()}])); }""", antrean)
    tahap_kunci(akun=kpu, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    h.goto("/coklit/")  # the list page sends what the device queued
    ditolak = h.locator("#ditolak")
    expect(ditolak).to_be_visible()
    expect(ditolak).to_contain_text("HTTP 409")
    ahmad = Pemilih.objects.get(nama="AHMAD")
    assert (ahmad.coklit, ahmad.stiker, ahmad.versi) == ("belum", False, 1)
    assert h.evaluate("(k) => localStorage.getItem(k)", antrean) == "[]"
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


# --- offline first: pages kept by the service worker, the device log, reconciliation -----------
def _antrean(h, akun) -> list:
    return h.evaluate("(k) => JSON.parse(localStorage.getItem(k) || '[]')",
                      f"simpul-coklit:{akun.pk}:antrean")


def _simpan_tanpa_sinyal(h, pantarlih, nama, isi=lambda h: None) -> str:
    """Open a voter's form from the list kept on the phone, fill it (`isi`) and save it
    without a signal; returns the key of the queued save."""
    h.goto("/coklit/")
    h.get_by_role("link", name=nama).click()
    expect(h.get_by_role("heading", name=nama)).to_be_visible()
    isi(h)
    disimpan = h.evaluate("""() => caches.match(location.pathname, {ignoreVary: true})
                                 .then((r) => r.text())""")  # the page as the phone keeps it
    tertanam = re.search(r'name="kunci" value="([^"]+)"', disimpan).group(1)
    sebelum = len(_antrean(h, pantarlih))
    h.click("button.utama")
    expect(h.locator("#antrean")).to_be_visible()
    item = _antrean(h, pantarlih)[sebelum]
    # The key was made on the phone at save time, not taken from the kept page.
    assert item["data"]["kunci"] != tertanam
    return item["data"]["kunci"]


def test_coklit_tanpa_sinyal_dari_halaman_tersimpan_lalu_rekonsiliasi(data_jatim, buka_halaman,
                                                                      live_server):
    """The Pantarlih opens the list with a signal (the service worker keeps the list and the
    form of each voter), loses the signal, opens two voters' forms from the phone and saves
    both (queued), gets the signal back: each save arrives once, and the reconciliation
    page shows the device count equal to the server count."""
    from simpul.pemilih.models import KunciIdempoten, LaporanPerangkat

    pemilu, tps, pantarlih, pps = _siapkan()
    h = buka_halaman(pantarlih)
    h.goto("/coklit/")
    expect(h.locator("#luring")).to_contain_text("3 pemilih")

    _sinyal(h, live_server, False)
    h.goto("/coklit/rekonsiliasi/")  # not kept on the phone: the offline page, in Indonesian
    expect(h.get_by_role("heading", name="Tidak ada sinyal")).to_be_visible()
    ahmad = Pemilih.objects.get(nama="AHMAD")
    kunci_dibuka = set()
    for _ in range(2):  # the same kept page opened twice: a fresh key each time
        h.goto(f"/coklit/{ahmad.pk}/")
        kunci_dibuka.add(h.evaluate("document.querySelector('input[name=kunci]').value"))
    assert len(kunci_dibuka) == 2

    def tms(h):
        h.check("input[name=hasil][value=tms]")
        h.select_option("select[name=kategori]", "meninggal")

    kunci = {_simpan_tanpa_sinyal(h, pantarlih, "AHMAD", lambda h: h.check("input[name=stiker]")),
             _simpan_tanpa_sinyal(h, pantarlih, "BUDI", tms)}
    assert len(kunci) == 2
    h.goto("/coklit/")
    expect(h.locator("li", has_text="AHMAD")).to_contain_text("menunggu dikirim")
    expect(h.locator("li", has_text="BUDI")).to_contain_text("menunggu dikirim")
    assert Pemilih.objects.filter(coklit="belum").count() == 3

    _sinyal(h, live_server, True)
    expect(h.locator("li", has_text="AHMAD")).to_contain_text("MS")
    expect(h.locator("li", has_text="BUDI")).to_contain_text("TMS")
    ahmad, budi = Pemilih.objects.get(nama="AHMAD"), Pemilih.objects.get(nama="BUDI")
    assert (ahmad.coklit, ahmad.stiker, budi.coklit, budi.kategori_tms.kode) == (
        "ms", True, "tms", "meninggal")
    for p in (ahmad, budi):  # sent once each
        assert RiwayatPemilih.objects.filter(pemilih=p).count() == 1
    assert set(KunciIdempoten.objects.values_list("kunci", flat=True)) == kunci
    assert _antrean(h, pantarlih) == []
    lap = LaporanPerangkat.objects.latest("id")  # sent with the sync
    assert (lap.jumlah, lap.terkirim, lap.tps) == (2, 2, tps)

    h.goto("/coklit/rekonsiliasi/")
    expect(h.get_by_test_id("jumlah-perangkat").locator("b")).to_have_text("2")
    expect(h.get_by_test_id("jumlah-server").locator("b")).to_have_text("2")
    expect(h.locator("#belum-sampai")).to_contain_text("Tidak ada")
    expect(h.locator("#belum-dicoklit")).to_contain_text("CA****")

    # The PPS sees the same numbers for the TPS.
    p = buka_halaman(pps)
    p.goto(f"/coklit/rekonsiliasi/?tps={tps.pk}")
    expect(p.locator("#per-perangkat li")).to_contain_text(["pantarlih1"])
    expect(p.get_by_test_id("jumlah-server").locator("b")).to_have_text("2")

    # Logging out drops the pages kept on the phone.
    h.goto("/coklit/")
    assert h.evaluate("caches.keys()")
    h.get_by_role("button", name="Keluar").click()
    h.wait_for_url("**/masuk/")
    h.wait_for_function("""() => caches.keys().then((k) =>
        k.filter((n) => n.startsWith("simpul-coklit-")).length === 0)""")


def test_simpanan_yang_hilang_di_perangkat_tampil_di_rekonsiliasi(data_jatim, buka_halaman,
                                                                  tangkap_layar, live_server):
    """A save queued without a signal that is lost on the phone before it is sent (the queue
    wiped, the log kept) never reaches the server: the device's report says so and the
    reconciliation page lists it, with the masked name and the device time."""
    from simpul.pemilih.models import KunciIdempoten

    pemilu, tps, pantarlih, _ = _siapkan()
    h = buka_halaman(pantarlih)
    _buka_pemilih(h, "AHMAD")
    h.click("button.utama")
    expect(h.get_by_text("Tersimpan: AHMAD")).to_be_visible()
    expect(h.locator("#luring")).to_contain_text("3 pemilih")

    _sinyal(h, live_server, False)
    kunci = _simpan_tanpa_sinyal(h, pantarlih, "CANDRA")
    h.evaluate("(k) => localStorage.removeItem(k)", f"simpul-coklit:{pantarlih.pk}:antrean")
    _sinyal(h, live_server, True)

    h.goto("/coklit/rekonsiliasi/")
    h.get_by_role("button", name="Kirim laporan perangkat ini").click()
    belum = h.locator("#belum-sampai li")
    expect(belum).to_have_count(1)
    expect(belum).to_contain_text("CA****")
    expect(belum).to_contain_text("Hilang dari antrean perangkat")
    expect(belum).to_contain_text(kunci)
    expect(h.get_by_test_id("jumlah-perangkat").locator("b")).to_have_text("2")
    expect(h.get_by_test_id("jumlah-server").locator("b")).to_have_text("1")
    expect(h.locator("#per-perangkat").get_by_test_id("selisih")).to_have_text("1")
    assert not KunciIdempoten.objects.filter(kunci=kunci).exists()
    assert Pemilih.objects.get(nama="CANDRA").coklit == "belum"
    assert h.evaluate("document.documentElement.scrollWidth") <= 360
    tangkap_layar(h, "pemilih-coklit-rekonsiliasi.png")
