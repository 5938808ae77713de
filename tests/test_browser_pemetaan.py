"""Staff map the voters of a kelurahan to TPS from the page, on a phone: the run is queued,
the page shows its progress while it waits and runs, and when the worker is done the page
shows each TPS with the reason it holds whom."""

from datetime import date

import pytest
from playwright.sync_api import expect

from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.pemilih.models import PemetaanTPS, Pemilih
from simpul.pemilih.tasks import pemetaan_tugas
from simpul.pemilu.models import Pemilu

KATA_SANDI = "Rahasia-Uji-123"  # as in conftest.py
KEDOPOK = "35.74.05.1005"

pytestmark = pytest.mark.browser


def test_pemetaan_antre_kemajuan_lalu_alasan_per_tps(data_jatim, buka_halaman, tangkap_layar,
                                                     monkeypatch):
    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    pemilu.parameter = {"maks_pemilih_per_tps": 5}
    pemilu.save()
    operator = Akun.objects.create_user(username="operator_peta", password=KATA_SANDI,
                                        peran=Peran.KPU_KAB_OPERATOR, wilayah_id="35.74")
    for i in range(12):  # 4 families of 3 in two RTs: 4 TPS, a family of 3 never split
        Pemilih.objects.create(pemilu=pemilu, nik=f"357405120580{i:04d}",
                               nkk=f"35740501010000{i // 3:02d}", nama=f"WARGA {i + 1}",
                               tanggal_lahir=date(1980, 5, 12), jenis_kelamin="L",
                               status_kawin="S", rt=f"00{1 + i // 6}", rw="002",
                               desa_id=KEDOPOK)
    # The test is the worker: what the page queues is handed to the real task below.
    antre = []
    monkeypatch.setattr("simpul.pemilih.services_pemetaan._antrekan", antre.append)
    h = buka_halaman(operator)
    h.goto(f"/pemilih/pemetaan/?pemilu={pemilu.pk}")
    h.fill("input[name=wilayah]", KEDOPOK)
    h.get_by_role("button", name="Petakan ulang").click()
    kemajuan = h.locator("#kemajuan")
    expect(kemajuan).to_contain_text("menunggu giliran")
    expect(kemajuan.locator("progress")).to_be_visible()
    tangkap_layar(h, "pemilih-pemetaan-antre.png")
    assert len(antre) == 1 and not Pemilih.objects.filter(tps__isnull=False).exists()

    assert pemetaan_tugas(antre[0])["status"] == "selesai"
    # The page asks for the status and reloads itself when the run is done.
    expect(h.get_by_text("KK utuh").first).to_be_visible()
    expect(kemajuan).to_have_count(0)
    expect(h.locator("section.angka")).to_contain_text("12")
    assert PemetaanTPS.objects.get(pk=antre[0]).jumlah_tps == 4  # a KK of 3 per TPS of 5
    assert not Pemilih.objects.filter(tps__isnull=True).exists()
    tangkap_layar(h, "pemilih-pemetaan-hasil.png")
