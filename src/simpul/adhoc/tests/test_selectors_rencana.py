import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from simpul.adhoc.errors import KodeAdhoc
from simpul.adhoc.rules import pantarlih_per_tps, ukuran_badan
from simpul.adhoc.selectors import rencana_kursi, rencana_rinci
from simpul.adhoc.services import rencana_ekspor_xlsx
from simpul.core.errors import DataTidakValid, Dilarang, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

pytestmark = pytest.mark.django_db


@pytest.fixture
def kpu_ri(buat_akun):
    return buat_akun(Peran.KPU_RI)


def test_seed_001_990_pps_kabupaten_probolinggo(kpu_ri, pemilu):
    """Seed 001: 990 PPS in 325 desa and 5 kelurahan of Kabupaten Probolinggo."""
    r = rencana_kursi(akun=kpu_ri, pemilu=pemilu, kode="35.13")
    assert (r.total.desa, r.total.kursi.pps) == (330, 990)
    assert (r.total.kecamatan, r.total.kursi.ppk) == (24, 120)
    assert len(r.anak) == 24 and sum(b.kursi.pps for b in r.anak) == 990


def test_seed_003_2296_kpps_pilkada_kota_probolinggo(kpu_ri, pilkada):
    r = rencana_kursi(akun=kpu_ri, pemilu=pilkada, kode="35.74")
    assert (r.total.tps, r.total.kursi.kpps) == (328, 2296)
    assert (r.total.kecamatan, r.total.desa) == (5, 29)


def test_seed_004_4683_kpps_pemilu_kota_probolinggo(kpu_ri, pemilu):
    r = rencana_kursi(akun=kpu_ri, pemilu=pemilu, kode="35.74")
    assert (r.total.tps, r.total.kursi.kpps) == (669, 4683)
    assert r.total.kursi.pantarlih == 669


def test_pantarlih_pilkada_membaca_jumlah_pemilih_tiap_tps(kpu_ri, pilkada):
    u = ukuran_badan(pilkada)
    harapan = sum(pantarlih_per_tps(n, u) for n in
                  TPS.objects.filter(pemilu=pilkada).values_list("jumlah_pemilih", flat=True))
    r = rencana_kursi(akun=kpu_ri, pemilu=pilkada, kode="35.74")
    assert r.total.kursi.pantarlih == harapan
    assert r.total.tps_di_atas_ambang > 0 and harapan > 328


def test_turun_sampai_desa_dan_tps(kpu_ri, pilkada):
    kec = rencana_kursi(akun=kpu_ri, pemilu=pilkada, kode="35.74.05")
    assert all(b.tingkat == "kelurahan" for b in kec.anak)
    desa = rencana_kursi(akun=kpu_ri, pemilu=pilkada, kode=KEDOPOK)
    assert desa.anak == [] and len(desa.tps) == desa.total.tps > 0
    assert desa.total.kursi.kpps == 7 * len(desa.tps)
    assert desa.total.kursi.pantarlih == sum(k.pantarlih for k in desa.tps)
    assert desa.total.kursi.pps == 3
    assert sum(b.kursi.kpps for b in kec.anak) == kec.total.kursi.kpps


def test_nasional_pilkada_hanya_cakupannya(kpu_ri, pilkada):
    r = rencana_kursi(akun=kpu_ri, pemilu=pilkada)
    assert [b.kode for b in r.anak] == ["35"]
    assert r.total.desa == 29 and r.total.kursi.kpps == 2296


def test_wilayah_di_luar_cakupan_pilkada_ditolak(kpu_ri, pilkada):
    with pytest.raises(DataTidakValid) as e:
        rencana_kursi(akun=kpu_ri, pemilu=pilkada, kode="35.13")
    assert e.value.code == KodeAdhoc.RENCANA_DI_LUAR_PEMILU


def test_akun_di_luar_wilayah_kerja_tidak_melihat(buat_akun, pemilu):
    ppk = buat_akun(Peran.PPK, "35.74.05", pemilu)
    with pytest.raises(TidakDitemukan):
        rencana_kursi(akun=ppk, pemilu=pemilu, kode="35.74.01")
    assert rencana_kursi(akun=ppk, pemilu=pemilu).total.kode == "35.74.05"
    with pytest.raises(Dilarang):
        rencana_kursi(akun=buat_akun(Peran.PUBLIK), pemilu=pemilu, kode="35.74")


def test_jumlah_query_tetap_berapa_pun_jumlah_anak(kpu_ri, pemilu):
    hitung = {}
    for kode in ("35.74", "35.13", "35"):  # 5, 24 and 38 children
        with CaptureQueriesContext(connection) as q:
            rencana_kursi(akun=kpu_ri, pemilu=pemilu, kode=kode)
        hitung[kode] = len(q)
    assert len(set(hitung.values())) == 1, hitung


def test_rinci_sama_dengan_ringkas(kpu_ri, pilkada):
    rinci = rencana_rinci(akun=kpu_ri, pemilu=pilkada, kode="35.74")
    ringkas = rencana_kursi(akun=kpu_ri, pemilu=pilkada, kode="35.74")
    assert rinci.total.kursi == ringkas.total.kursi
    assert len(rinci.kecamatan) == 5 and len(rinci.desa) == 29


def test_ekspor_xlsx_diaudit(kpu_ri, pilkada):
    sebelum = AuditEntry.objects.count()
    isi = rencana_ekspor_xlsx(akun=kpu_ri, pemilu=pilkada, kode="35.74")
    buku = load_workbook(io.BytesIO(isi), read_only=True)
    assert buku.sheetnames == ["Ringkasan", "Per kecamatan", "Per desa"]
    desa = list(buku["Per desa"].iter_rows(values_only=True))
    assert len(desa) == 1 + 29
    kolom = desa[0].index("KPPS")
    assert sum(b[kolom] for b in desa[1:]) == 2296
    entri = AuditEntry.objects.order_by("-seq").first()
    assert AuditEntry.objects.count() == sebelum + 1
    assert entri.aksi == "adhoc.rencana.ekspor" and entri.sesudah["kursi"]["kpps"] == 2296
