"""The fixed-window counter behind the per-client limits of the public endpoints."""

import pytest
from django.core.cache import cache

from simpul.core.batas import batas_hitung

DETIK_KE_15 = 6000 * 60 + 15.4  # 15.4 s into a one-minute window


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()
    yield
    cache.clear()


def test_dalam_batas_nol_lewat_batas_sisa_detik_jendela():
    assert [batas_hitung("uji:a", batas=3, sekarang=DETIK_KE_15) for _ in range(3)] == [0, 0, 0]
    assert batas_hitung("uji:a", batas=3, sekarang=DETIK_KE_15) == 45
    assert batas_hitung("uji:a", batas=3, sekarang=DETIK_KE_15 + 44) == 1


def test_kunci_lain_dan_jendela_berikutnya_dihitung_sendiri():
    for _ in range(2):
        batas_hitung("uji:a", batas=1, sekarang=DETIK_KE_15)
    assert batas_hitung("uji:a", batas=1, sekarang=DETIK_KE_15) > 0
    assert batas_hitung("uji:b", batas=1, sekarang=DETIK_KE_15) == 0
    assert batas_hitung("uji:a", batas=1, sekarang=DETIK_KE_15 + 60) == 0


def test_panjang_jendela_menentukan_sisa():
    assert batas_hitung("uji:j", batas=0, jendela_detik=3600, sekarang=7200 + 600) == 3001
