import pytest

from simpul.adhoc.errors import KodeAdhoc
from simpul.adhoc.models import StatusPendaftar
from simpul.adhoc.selectors import pendaftar_ambil, pendaftar_verifikasi_daftar
from simpul.adhoc.services import pendaftar_daftar, pendaftar_putuskan
from simpul.core.errors import DataTidakValid, Dilarang, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

pytestmark = pytest.mark.django_db


@pytest.fixture
def pendaftar(rekrutmen_kpps, isian):
    return pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())[0]


@pytest.fixture
def pps_kedopok(buat_akun, pilkada):
    return buat_akun(Peran.PPS, KEDOPOK, pilkada)


def test_pps_di_wilayahnya_memutuskan_ms_dan_diaudit(pendaftar, pps_kedopok):
    assert [p.pk for p in pendaftar_verifikasi_daftar(akun=pps_kedopok)] == [pendaftar.pk]
    p = pendaftar_putuskan(akun=pps_kedopok, pendaftar_id=pendaftar.pk, keputusan="ms")
    assert p.status == StatusPendaftar.MEMENUHI_SYARAT and p.diputuskan_oleh == pps_kedopok
    entri = AuditEntry.objects.order_by("-seq").first()
    assert entri.aksi == "adhoc.pendaftar.putuskan" and entri.wilayah_kode == KEDOPOK
    assert entri.sebelum["status"] == "diajukan" and entri.sesudah["status"] == "ms"
    assert entri.sesudah["syarat"]["usia"] == "lulus"


def test_tms_wajib_beralasan_dan_alasan_tersimpan(pendaftar, operator_kota):
    with pytest.raises(DataTidakValid) as e:
        pendaftar_putuskan(akun=operator_kota, pendaftar_id=pendaftar.pk, keputusan="tms")
    assert e.value.code == KodeAdhoc.KEPUTUSAN_TIDAK_VALID
    p = pendaftar_putuskan(akun=operator_kota, pendaftar_id=pendaftar.pk, keputusan="tms",
                           alasan="Ijazah tidak terbaca")
    assert p.alasan_keputusan == "Ijazah tidak terbaca"
    assert AuditEntry.objects.order_by("-seq").first().sesudah["alasan_keputusan"] == \
        "Ijazah tidak terbaca"


def test_ms_melawan_syarat_tidak_lulus_wajib_beralasan(rekrutmen_kpps, isian, operator_kota):
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian(pendidikan="smp"))
    with pytest.raises(DataTidakValid):
        pendaftar_putuskan(akun=operator_kota, pendaftar_id=p.pk, keputusan="ms")
    with pytest.raises(DataTidakValid):
        pendaftar_putuskan(akun=operator_kota, pendaftar_id=p.pk, keputusan="lulus")


def test_verifikator_di_luar_wilayah_tidak_menemukan(pendaftar, buat_akun, pilkada):
    pps_lain = buat_akun(Peran.PPS, "35.74.01.1001", pilkada)
    with pytest.raises(TidakDitemukan):
        pendaftar_putuskan(akun=pps_lain, pendaftar_id=pendaftar.pk, keputusan="ms")
    assert pendaftar_verifikasi_daftar(akun=pps_lain) == []
    kab_lain = buat_akun(Peran.KPU_KAB_OPERATOR, "35.13")
    with pytest.raises(TidakDitemukan):
        pendaftar_ambil(akun=kab_lain, pendaftar_id=pendaftar.pk)


def test_pps_pemilu_lain_tidak_menemukan(pendaftar, buat_akun, pemilu):
    with pytest.raises(TidakDitemukan):
        pendaftar_ambil(akun=buat_akun(Peran.PPS, KEDOPOK, pemilu), pendaftar_id=pendaftar.pk)


def test_peran_bukan_verifikator_dilarang(pendaftar, buat_akun, pilkada):
    tps = TPS.objects.filter(pemilu=pilkada, desa_id=KEDOPOK).first()
    with pytest.raises(Dilarang):
        pendaftar_putuskan(akun=buat_akun(Peran.KPPS, KEDOPOK, pilkada, tps),
                           pendaftar_id=pendaftar.pk, keputusan="ms")


def test_halaman_verifikasi_dan_404_di_luar_wilayah(client, pendaftar, pps_kedopok, buat_akun,
                                                    pilkada):
    client.force_login(pps_kedopok)
    r = client.get(f"/adhoc/verifikasi/{pendaftar.pk}/")
    assert r.status_code == 200
    assert b'data-syarat="partai" data-hasil="lulus"' in r.content
    assert pendaftar.nik.encode() in r.content  # the verifier compares it with the KTP-el
    assert client.get(f"/adhoc/verifikasi/{pendaftar.pk}/berkas/ktp").status_code == 200
    kosong = client.post(f"/adhoc/verifikasi/{pendaftar.pk}/", {"keputusan": "tms"})
    assert kosong.status_code == 422 and b"adhoc.keputusan_tidak_valid" in kosong.content
    r = client.post(f"/adhoc/verifikasi/{pendaftar.pk}/", {"keputusan": "ms"})
    assert r.status_code == 302
    client.force_login(buat_akun(Peran.PPS, "35.74.01.1001", pilkada))
    assert client.get(f"/adhoc/verifikasi/{pendaftar.pk}/").status_code == 404
    assert client.post(f"/adhoc/verifikasi/{pendaftar.pk}/",
                       {"keputusan": "tms", "alasan": "x"}).status_code == 404
    assert client.get(f"/adhoc/verifikasi/{pendaftar.pk}/berkas/ktp").status_code == 404


def test_api_verifikasi(client, pendaftar, operator_kota, buat_akun):
    client.force_login(operator_kota)
    daftar = client.get("/api/v1/adhoc/pendaftar").json()
    assert [d["nomor"] for d in daftar] == [pendaftar.nomor]
    assert daftar[0]["nik"] != pendaftar.nik
    satu = client.get(f"/api/v1/adhoc/pendaftar/{pendaftar.pk}").json()
    assert len(satu["syarat"]) == 9 and satu["nik_lengkap"] == pendaftar.nik
    r = client.post(f"/api/v1/adhoc/pendaftar/{pendaftar.pk}/keputusan",
                    {"keputusan": "tms", "alasan": "Domisili tidak sesuai"},
                    content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "tms"
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.13"))
    luar = client.post(f"/api/v1/adhoc/pendaftar/{pendaftar.pk}/keputusan",
                       {"keputusan": "ms"}, content_type="application/json")
    assert luar.status_code == 404 and luar.json()["code"] == "tidak_ditemukan"


def test_impor_daftar_partai_lalu_verifikasi_melihat_kecocokan(pendaftar, operator_kota,
                                                              pilkada, pps_kedopok):
    """PKPU 8/2022 Pasal 35 ayat (1) huruf e against an uploaded SIPOL-like CSV."""
    from simpul.adhoc.selectors import pendaftar_syarat
    from simpul.adhoc.services import anggota_partai_impor

    csv = (b"nik,nama,tanggal_lahir,partai,keluar\n"
           b",Budi  SANTOSO,12-05-1990,Partai Uji,\n"
           b"12345,Salah NIK,1990-01-01,Partai Uji,\n"
           b",Tanpa Tanggal,,Partai Uji,\n")
    hasil = anggota_partai_impor(akun=operator_kota, pemilu=pilkada, data=csv,
                                 nama_berkas="sipol.csv")
    assert hasil["diimpor"] == 1 and [g["baris"] for g in hasil["galat"]] == [3, 4]
    assert AuditEntry.objects.order_by("-seq").first().aksi == "adhoc.anggota_partai.impor"
    partai = next(h for h in pendaftar_syarat(pendaftar=pendaftar) if h.syarat == "partai")
    assert partai.hasil == "perlu_ditinjau" and partai.bukti[0]["sumber"] == "sipol.csv baris 2"
    with pytest.raises(Dilarang):
        anggota_partai_impor(akun=pps_kedopok, pemilu=pilkada, data=csv, nama_berkas="x.csv")
