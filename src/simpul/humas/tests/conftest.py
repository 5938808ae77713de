import pytest

from simpul.core.roles import Peran


@pytest.fixture
def staf_kota(buat_akun):
    """An operator of KPU Kota Probolinggo, the office of seed 002."""
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


@pytest.fixture
def staf_jatim(buat_akun):
    return buat_akun(Peran.KPU_PROVINSI, "35")


@pytest.fixture
def staf_kab(buat_akun):
    """KPU Kabupaten Probolinggo: a sibling office of the city."""
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.13")


@pytest.fixture(autouse=True)
def _cache_bersih():
    """Public pages are kept in the process's cache; each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
