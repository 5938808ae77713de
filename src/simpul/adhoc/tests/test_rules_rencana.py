"""Body sizes of RULES.md §1 (lines 20–24), each as an election parameter."""

from types import SimpleNamespace

from simpul.adhoc.rules import (
    Kursi,
    kursi_hitung,
    kursi_kpps,
    kursi_pantarlih,
    kursi_ppk,
    kursi_pps,
    pantarlih_per_tps,
    ukuran_badan,
)
from simpul.pemilu.rules import parameter_pemilu


def _pemilu(jenis: str, **parameter):
    p = SimpleNamespace(jenis=jenis, parameter=parameter)
    p.param = lambda nama, bawaan=None: parameter_pemilu(jenis, parameter, nama, bawaan)
    return p


def test_ppk_5_per_kecamatan_rules_1_baris_20():
    assert kursi_ppk(24, ukuran_badan(_pemilu("pemilu"))) == 120


def test_pps_3_per_desa_rules_1_baris_21_kab_probolinggo_990():
    assert kursi_pps(330, ukuran_badan(_pemilu("pemilu"))) == 990


def test_kpps_7_per_tps_rules_1_baris_22():
    assert kursi_kpps(328, ukuran_badan(_pemilu("pilkada"))) == 2296
    assert kursi_kpps(669, ukuran_badan(_pemilu("pemilu"))) == 4683


def test_pantarlih_pemilu_1_per_tps_berapa_pun_pemilihnya_rules_1_baris_23():
    u = ukuran_badan(_pemilu("pemilu"))
    assert [pantarlih_per_tps(n, u) for n in (None, 100, 400, 401, 900)] == [1, 1, 1, 1, 1]
    assert kursi_pantarlih(669, 0, u) == 669


def test_pantarlih_pilkada_2_di_atas_400_pemilih_rules_1_baris_24():
    u = ukuran_badan(_pemilu("pilkada"))
    assert [pantarlih_per_tps(n, u) for n in (None, 1, 400, 401, 600)] == [1, 1, 1, 2, 2]
    assert kursi_pantarlih(10, 4, u) == 6 + 8


def test_jumlah_pantarlih_sama_dengan_jumlah_per_tps():
    u = ukuran_badan(_pemilu("pilkada"))
    pemilih = [120, 400, 401, 599, 600, None, 250]
    besar = sum(1 for n in pemilih if n is not None and n > 400)
    assert kursi_pantarlih(len(pemilih), besar, u) == sum(pantarlih_per_tps(n, u)
                                                          for n in pemilih)


def test_parameter_pemilu_mengganti_bawaan():
    u = ukuran_badan(_pemilu("pilkada", kpps_per_tps=9, pantarlih_ambang_pemilih=300,
                             pps_per_desa=5))
    assert (u.kpps_per_tps, u.pps_per_desa, u.ppk_per_kecamatan) == (9, 5, 5)
    assert pantarlih_per_tps(301, u) == 2 and pantarlih_per_tps(300, u) == 1


def test_kursi_hitung_dan_total():
    k = kursi_hitung(kecamatan=5, desa=29, tps=328, tps_di_atas_ambang=10,
                     u=ukuran_badan(_pemilu("pilkada")))
    assert k == Kursi(ppk=25, pps=87, kpps=2296, pantarlih=338)
    assert k.total == 25 + 87 + 2296 + 338
