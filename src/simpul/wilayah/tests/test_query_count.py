"""The drill-down page and the API make the same number of queries whatever the number
of children or TPS: counts come from grouped queries, never one query per child."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS
from simpul.wilayah.models import Wilayah

pytestmark = pytest.mark.django_db

KOTA = "35.74"            # Kota Probolinggo: 5 kecamatan
KABUPATEN = "35.13"       # Kabupaten Probolinggo: 24 kecamatan
PROVINSI_BESAR = "35"     # Jawa Timur: 38 kabupaten/kota
PROVINSI_KECIL = "31"     # DKI Jakarta: 6 kabupaten/kota
KEC_SEDIKIT = "35.74.05"  # Kedopok: 6 kelurahan
KEC_BANYAK = "35.13.12"   # 20 desa/kelurahan


@pytest.fixture
def klien_kpu_ri(client, buat_akun):
    client.force_login(buat_akun(Peran.KPU_RI))
    return client


@pytest.fixture
def tps_kabupaten(pemilu):
    """A TPS in every desa of Kabupaten Probolinggo, so each of its children has counts."""
    desa = Wilayah.objects.filter(kode__startswith=KABUPATEN + ".",
                                  tingkat__in=("desa", "kelurahan"))
    TPS.objects.bulk_create([TPS(pemilu=pemilu, desa=d, nomor=1, jumlah_pemilih=250)
                             for d in desa])
    return desa.count()


def _jumlah_query(klien, url: str) -> int:
    with CaptureQueriesContext(connection) as q:
        r = klien.get(url)
    assert r.status_code == 200, url
    return len(q)


def _halaman(kode: str, pemilu) -> str:
    return f"/wilayah/{kode}/?pemilu={pemilu.pk}"


def _api(kode: str, pemilu) -> str:
    return f"/api/v1/wilayah/{kode}?pemilu={pemilu.pk}"


def _sama(klien, url, kode: dict[str, int]) -> None:
    """Same number of queries for nodes of one level with `kode[k]` children each."""
    assert {k: Wilayah.objects.filter(induk_id=k, aktif=True).count() for k in kode} == kode
    _jumlah_query(klien, url(next(iter(kode))))  # warm caches (content types, session)
    jumlah = {k: _jumlah_query(klien, url(k)) for k in kode}
    assert len(set(jumlah.values())) == 1, jumlah


@pytest.mark.parametrize("url", [_halaman, _api], ids=["halaman", "api"])
def test_jumlah_query_kabkota_tetap_untuk_5_dan_24_kecamatan(klien_kpu_ri, pemilu,
                                                             tps_kabupaten, url):
    _sama(klien_kpu_ri, lambda k: url(k, pemilu), {KOTA: 5, KABUPATEN: 24})


@pytest.mark.parametrize("url", [_halaman, _api], ids=["halaman", "api"])
def test_jumlah_query_provinsi_tetap_untuk_6_dan_38_kabkota(klien_kpu_ri, pemilu,
                                                            tps_kabupaten, url):
    _sama(klien_kpu_ri, lambda k: url(k, pemilu), {PROVINSI_KECIL: 6, PROVINSI_BESAR: 38})


@pytest.mark.parametrize("url", [_halaman, _api], ids=["halaman", "api"])
def test_jumlah_query_kecamatan_tetap_untuk_6_dan_20_desa(klien_kpu_ri, pemilu,
                                                          tps_kabupaten, url):
    _sama(klien_kpu_ri, lambda k: url(k, pemilu), {KEC_SEDIKIT: 6, KEC_BANYAK: 20})


def test_jumlah_query_dasbor_tetap_dengan_tps_di_semua_anak(klien_kpu_ri, pemilu):
    """Counts with and without TPS below each child: the TPS are grouped, not fetched."""
    url = _halaman(KABUPATEN, pemilu)
    _jumlah_query(klien_kpu_ri, url)
    tanpa = _jumlah_query(klien_kpu_ri, url)
    desa = Wilayah.objects.filter(kode__startswith=KABUPATEN + ".", tingkat="desa")
    TPS.objects.bulk_create([TPS(pemilu=pemilu, desa=d, nomor=n, jumlah_pemilih=200)
                             for d in desa for n in (1, 2, 3)])
    assert _jumlah_query(klien_kpu_ri, url) == tanpa


def test_jumlah_query_halaman_desa_tetap_untuk_banyak_dan_sedikit_tps(klien_kpu_ri, pemilu):
    sedikit = (TPS.objects.filter(pemilu=pemilu, desa_id__startswith=KOTA + ".")
               .exclude(desa_id=KEDOPOK).values("desa_id").order_by().distinct()
               .first()["desa_id"])
    n_banyak = TPS.objects.filter(pemilu=pemilu, desa_id=KEDOPOK).count()
    TPS.objects.filter(pemilu=pemilu, desa_id=sedikit).exclude(nomor=1).delete()
    assert n_banyak == 13
    assert TPS.objects.filter(pemilu=pemilu, desa_id=sedikit).count() == 1
    _jumlah_query(klien_kpu_ri, _halaman(KEDOPOK, pemilu))
    banyak = _jumlah_query(klien_kpu_ri, _halaman(KEDOPOK, pemilu))
    assert _jumlah_query(klien_kpu_ri, _halaman(sedikit, pemilu)) == banyak
