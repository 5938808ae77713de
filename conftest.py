"""Shared fixtures. The national region tree and the demo elections are loaded once per
test database; each test runs in a transaction that is rolled back."""

import pytest

from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK, demo_pemilu
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor


def isi_dasar(hanya: str | None = None) -> None:
    """Regions (all Indonesia, or only the codes under `hanya`) and the demo elections."""
    data = None
    if hanya:
        baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
        data = b"".join([baris[0]] + [b for b in baris[1:] if b.startswith(hanya.encode())])
    wilayah_impor(data=data)
    demo_pemilu()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        isi_dasar()


@pytest.fixture
def pemilu(db) -> Pemilu:
    return Pemilu.objects.get(nama="Pemilu 2024")


@pytest.fixture
def pilkada(db) -> Pemilu:
    return Pemilu.objects.get(nama="Pilkada 2024 Kota Probolinggo")


@pytest.fixture
def buat_akun(db):
    """Make an account of a role bound to a territory (and election/TPS for ad hoc)."""
    nomor = iter(range(1, 10_000))

    def buat(peran: str, wilayah: str | None = None, pemilu=None, tps=None, **kw) -> Akun:
        akun = Akun.objects.create_user(username=f"{peran}_{next(nomor)}",
                                        password="Rahasia-Uji-123", peran=peran,
                                        wilayah_id=wilayah, pemilu=pemilu, tps=tps, **kw)
        return akun

    return buat


@pytest.fixture
def akun_per_peran(buat_akun, pemilu):
    """One account per role, all placed in Kota Probolinggo / Kedopok where they are bound."""
    tps = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    return {
        Peran.KPU_RI: buat_akun(Peran.KPU_RI),
        Peran.KPU_PROVINSI: buat_akun(Peran.KPU_PROVINSI, "35"),
        Peran.KPU_KAB_KOMISIONER: buat_akun(Peran.KPU_KAB_KOMISIONER, "35.74"),
        Peran.KPU_KAB_OPERATOR: buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"),
        Peran.PPK: buat_akun(Peran.PPK, "35.74.05", pemilu),
        Peran.PPS: buat_akun(Peran.PPS, KEDOPOK, pemilu),
        Peran.KPPS: buat_akun(Peran.KPPS, KEDOPOK, pemilu, tps),
        Peran.PANTARLIH: buat_akun(Peran.PANTARLIH, KEDOPOK, pemilu, tps),
        Peran.PUBLIK: buat_akun(Peran.PUBLIK),
    }
