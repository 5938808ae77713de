"""An office enters DPTb on a phone in Debian's chromium while the connection drops and
the server answers 503, and once after the server stored an entry but the answer was lost
(ANCHORS.md, SIDALIH Jan 2024): entries wait on the device, are sent again with the same
keys, and each is recorded once, at the time the server first received it."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.pemilih.models import EntriDPTb, Pemilih, PindahMemilih
from simpul.pemilih.services_pemetaan import pemetaan_jalankan
from simpul.pemilih.services_tahap import tahap_kunci, tahap_tetapkan
from simpul.pemilu.models import Pemilu

KATA_SANDI = "Rahasia-Uji-123"  # as in conftest.py
KEDOPOK = "35.74.05.1005"
TUJUAN = "35.74.05.1006"

pytestmark = pytest.mark.browser


def _siapkan():
    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    operator = Akun.objects.create_user(username="operator_dptb", password=KATA_SANDI,
                                        peran=Peran.KPU_KAB_OPERATOR, wilayah_id="35.74")
    for i in range(1, 5):
        Pemilih.objects.create(pemilu=pemilu, nik=f"3574051205{80 + i:02d}0001",
                               nkk=f"35740501010000{i:02d}", nama=f"WARGA {i}",
                               tanggal_lahir=date(1980 + i, 5, 12), jenis_kelamin="L",
                               status_kawin="S", rt="001", rw="002", desa_id=KEDOPOK)
    pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    for tahap in ("dps", "dpshp", "dpshp_akhir", "dpt"):
        tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap=tahap)
        tahap_tetapkan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    pemilu.tanggal_pemungutan = date.today() + timedelta(days=30)
    pemilu.save()
    return pemilu, operator, list(Pemilih.objects.filter(pemilu=pemilu).order_by("nik"))


def _isi(h, nik):
    h.fill("input[name=nik]", nik)
    h.fill("input[name=kode_desa_tujuan]", TUJUAN)
    h.fill("input[name=tps_tujuan]", "1")
    h.fill("input[name=alasan]", "bekerja di luar kota")
    h.get_by_role("button", name="Kirim").click()


def _tunggu(h, hitungan):
    """Until the routed request has been answered and the page has handled the answer."""
    for _ in range(100):
        if hitungan:
            break
        h.wait_for_timeout(100)
    h.wait_for_timeout(300)
    assert hitungan


def test_dptb_antre_di_perangkat_saat_server_tumbang(data_jatim, buka_halaman, tangkap_layar):
    pemilu, operator, warga = _siapkan()
    h = buka_halaman(operator)
    h.goto(f"/pemilih/dptb/?pemilu={pemilu.pk}")
    expect(h.get_by_text("Batas penerimaan")).to_be_visible()

    # The connection is down: two entries wait on the device.
    h.context.set_offline(True)
    _isi(h, warga[0].nik)
    _isi(h, warga[1].nik)
    expect(h.locator("#dptb-antrean")).to_contain_text("2 entri menunggu")
    assert EntriDPTb.objects.count() == 0

    # Back online, but the server is overloaded (503): still waiting, nothing lost.
    sibuk = []
    h.route("**/api/v1/pemilih/dptb/kirim",
            lambda r: (sibuk.append(1), r.fulfill(status=503, body="sibuk")))
    h.context.set_offline(False)  # the browser says "online": the page sends at once
    _tunggu(h, sibuk)
    expect(h.locator("#dptb-antrean")).to_contain_text("2 entri menunggu")
    h.unroute("**/api/v1/pemilih/dptb/kirim")

    # The server stores the batch but the answer is lost on the way back.
    hilang = []

    def jawaban_hilang(route):
        route.fetch()  # reaches the server, which stores and decides the entries
        hilang.append(1)
        route.fulfill(status=502, body="gateway")

    h.route("**/api/v1/pemilih/dptb/kirim", jawaban_hilang)
    h.evaluate("window.dispatchEvent(new Event('online'))")
    _tunggu(h, hilang)
    expect(h.locator("#dptb-antrean")).to_contain_text("2 entri menunggu")
    assert hilang and PindahMemilih.objects.count() == 2
    diterima = {e.kunci: e.diterima for e in EntriDPTb.objects.all()}
    h.unroute("**/api/v1/pemilih/dptb/kirim")

    # Resent with the same keys: answered from the first receipt, nothing recorded twice.
    h.evaluate("window.dispatchEvent(new Event('online'))")
    expect(h.locator("#dptb-hasil li")).to_have_count(2)
    expect(h.locator("#dptb-antrean")).to_be_hidden()
    expect(h.locator("#dptb-hasil")).to_contain_text("dicatat")
    assert EntriDPTb.objects.count() == 2 and PindahMemilih.objects.count() == 2
    assert {e.kunci: e.diterima for e in EntriDPTb.objects.all()} == diterima

    # A bad NIK is refused by name, and the desk lists what arrived.
    _isi(h, "9999991205810001")  # no such kecamatan
    expect(h.locator("#dptb-hasil li.error").first).to_contain_text("(nik.")
    h.reload()
    expect(h.locator("table.daftar").nth(1)).to_contain_text("Dicatat di DPTb")
    tangkap_layar(h, "pemilih-dptb.png")
