from datetime import date

import pytest

from simpul.core.roles import Peran
from simpul.pemilih.models import Pemilih
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS


def nik_untuk(tanggal: date, *, perempuan: bool = False, kecamatan: str = "357405",
              urut: int = 1) -> str:
    hari = tanggal.day + (40 if perempuan else 0)
    return f"{kecamatan}{hari:02d}{tanggal.month:02d}{tanggal.year % 100:02d}{urut:04d}"


@pytest.fixture
def celery_langsung(settings, tmp_path):
    """Celery runs the real task in-process; uploads go to a temporary media root."""
    from simpul.pemilih.antrean import app

    settings.MEDIA_ROOT = tmp_path
    lama = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = lama


@pytest.fixture
def tps1(pemilu) -> TPS:
    return TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)


@pytest.fixture
def buat_pemilih(pemilu, tps1):
    """A voter in Kedopok TPS 001 of Pemilu 2024, made directly (test set-up only)."""
    nomor = iter(range(1, 10_000))

    def buat(**kw) -> Pemilih:
        urut = next(nomor)
        lahir = kw.pop("tanggal_lahir", date(1990, 5, 12))
        perempuan = kw.get("jenis_kelamin") == "P"
        nilai = {"pemilu": pemilu, "nik": nik_untuk(lahir, perempuan=perempuan, urut=urut),
                 "nkk": f"3574050101{urut:06d}", "nama": f"Warga {urut}",
                 "tanggal_lahir": lahir, "jenis_kelamin": "L", "status_kawin": "S",
                 "alamat": "Jl. Anggrek 3", "rt": "001", "rw": "002", "desa_id": KEDOPOK,
                 "tps": tps1, **kw}
        return Pemilih.objects.create(**nilai)

    return buat


KELUARGA = [  # (RW, RT, members) in house order
    ("001", "001", 3), ("001", "001", 1), ("001", "002", 2), ("001", "002", 2),
    ("001", "003", 4), ("002", "001", 1), ("002", "001", 3), ("002", "002", 2)]


@pytest.fixture
def operator(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


@pytest.fixture
def warga(pemilu):
    """18 voters in 8 families in Kedopok, not yet on a TPS; cap 4 per TPS."""
    pemilu.parameter = {"maks_pemilih_per_tps": 4}
    pemilu.save()
    urut = 0
    for k, (rw, rt, n) in enumerate(KELUARGA):
        for _ in range(n):
            urut += 1
            lahir = date(1980, 1, 1 + urut)
            pr = urut % 3 == 0
            Pemilih.objects.create(pemilu=pemilu, nik=nik_untuk(lahir, urut=urut, perempuan=pr),
                                   nkk=f"35740501010{k:05d}", nama=f"WARGA {urut}",
                                   tanggal_lahir=lahir, jenis_kelamin="P" if pr else "L",
                                   rt=rt, rw=rw, desa_id=KEDOPOK, status_kawin="S")
    return list(Pemilih.objects.filter(pemilu=pemilu).order_by("pk"))
