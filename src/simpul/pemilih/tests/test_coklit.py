import pytest

from simpul.core.errors import Dilarang, SimpulError
from simpul.core.roles import Peran
from simpul.pemilih.errors import KodePemilih
from simpul.pemilih.models import KunciIdempoten, Pemilih, RiwayatPemilih, StatusPemilih
from simpul.pemilih.selectors import coklit_daftar, coklit_kemajuan
from simpul.pemilih.services import KonflikVersi, coklit_simpan
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS


@pytest.fixture
def pantarlih(buat_akun, pemilu, tps1):
    return buat_akun(Peran.PANTARLIH, KEDOPOK, pemilu, tps1)


def test_pantarlih_melihat_pemilih_tpsnya_saja(pantarlih, pemilu, buat_pemilih):
    sendiri = [buat_pemilih(rt="002"), buat_pemilih(rt="001")]
    buat_pemilih(tps=TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2))
    assert [p.pk for p in coklit_daftar(akun=pantarlih)] == [sendiri[1].pk, sendiri[0].pk]


def test_ms_dan_tms_dengan_kategori(pantarlih, buat_pemilih):
    a, b = buat_pemilih(), buat_pemilih()
    r = coklit_simpan(akun=pantarlih, pemilih_id=a.pk, versi=1, kunci="kunci-a-0001",
                      hasil="ms", stiker=True)
    assert not r.diulang and r.pemilih.coklit == "ms" and r.pemilih.stiker
    assert r.pemilih.status == StatusPemilih.AKTIF and r.pemilih.versi == 2
    r = coklit_simpan(akun=pantarlih, pemilih_id=b.pk, versi=1, kunci="kunci-b-0001",
                      hasil="tms", kategori="meninggal", alasan="surat kematian")
    assert r.pemilih.status == StatusPemilih.TMS and r.pemilih.kategori_tms.kode == "meninggal"
    assert RiwayatPemilih.objects.filter(pemilih=b, aksi="pemilih.coklit_tms").exists()


def test_tms_tanpa_kategori_ditolak(pantarlih, buat_pemilih):
    p = buat_pemilih()
    with pytest.raises(SimpulError) as e:
        coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="kunci-tms-01",
                      hasil="tms")
    assert e.value.code == KodePemilih.TMS_TANPA_KATEGORI
    p.refresh_from_db()
    assert (p.coklit, p.versi) == ("belum", 1) and not KunciIdempoten.objects.exists()


def test_simpan_diulang_dengan_kunci_sama_tidak_diterapkan_dua_kali(pantarlih, buat_pemilih):
    p = buat_pemilih(nama="AHMAD")
    pertama = coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="perangkat-1-77",
                            hasil="ms", perubahan={"nama": "ACHMAD"})
    kedua = coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="perangkat-1-77",
                          hasil="ms", perubahan={"nama": "ACHMAD"})
    assert (pertama.diulang, kedua.diulang) == (False, True)
    assert kedua.pemilih.versi == 2 and kedua.pemilih.nama == "ACHMAD"
    assert RiwayatPemilih.objects.filter(pemilih=p).count() == 1
    with pytest.raises(SimpulError) as e:
        coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="perangkat-1-77",
                      hasil="tms", kategori="ganda")
    assert e.value.code == KodePemilih.KUNCI_IDEMPOTEN_BENTROK


def test_dua_petugas_bersamaan_yang_kedua_mendapat_konflik(pantarlih, buat_akun, pemilu,
                                                           buat_pemilih):
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    p = buat_pemilih()
    coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="pantarlih-0001",
                  hasil="tms", kategori="pindah_domisili")
    with pytest.raises(KonflikVersi):
        coklit_simpan(akun=pps, pemilih_id=p.pk, versi=1, kunci="pps-000000001", hasil="ms")
    p.refresh_from_db()
    assert (p.coklit, p.kategori_tms.kode, p.versi) == ("tms", "pindah_domisili", 2)


def test_pantarlih_tidak_boleh_coklit_di_luar_tpsnya(pantarlih, pemilu, buat_pemilih):
    lain = buat_pemilih(tps=TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2))
    with pytest.raises(Dilarang):
        coklit_simpan(akun=pantarlih, pemilih_id=lain.pk, versi=1, kunci="kunci-luar-01",
                      hasil="ms")
    assert Pemilih.objects.get(pk=lain.pk).coklit == "belum"


def test_kunci_wajib_dan_hasil_dikenal(pantarlih, buat_pemilih):
    p = buat_pemilih()
    for kw in ({"kunci": "", "hasil": "ms"}, {"kunci": "kunci-ok-01", "hasil": "x"},
               {"kunci": "kunci-ok-02", "hasil": "ms", "kategori": "ganda"}):
        with pytest.raises(SimpulError):
            coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, **kw)


def test_kemajuan_dihitung_dari_data_per_tps_desa_kecamatan(pantarlih, buat_akun, pemilu,
                                                            buat_pemilih):
    ps = [buat_pemilih() for _ in range(4)]
    buat_pemilih(tps=TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2))
    coklit_simpan(akun=pantarlih, pemilih_id=ps[0].pk, versi=1, kunci="k-kemajuan-1",
                  hasil="ms")
    coklit_simpan(akun=pantarlih, pemilih_id=ps[1].pk, versi=1, kunci="k-kemajuan-2",
                  hasil="tms", kategori="ganda")
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    per_tps = {b["nama"]: b for b in coklit_kemajuan(akun=pps, pemilu=pemilu, tingkat="tps")}
    b = per_tps["Kedopok · TPS 001"]
    assert (b["jumlah"], b["ms"], b["tms"], b["belum"], b["persen"]) == (4, 1, 1, 2, 50.0)
    assert per_tps["Kedopok · TPS 002"]["belum"] == 1
    [desa] = coklit_kemajuan(akun=pps, pemilu=pemilu, tingkat="desa")
    assert (desa["kunci"], desa["jumlah"], desa["ms"] + desa["tms"]) == (KEDOPOK, 5, 2)
    ppk = buat_akun(Peran.PPK, "35.74.05", pemilu)
    [kec] = coklit_kemajuan(akun=ppk, pemilu=pemilu, tingkat="kecamatan")
    assert (kec["kunci"], kec["nama"], kec["jumlah"]) == ("35.74.05", "Kedopok", 5)
    lain = buat_akun(Peran.PPS, "35.74.05.1006", pemilu)
    assert coklit_kemajuan(akun=lain, pemilu=pemilu, tingkat="desa") == []


def test_halaman_coklit_di_ponsel_ms_tms_dan_pemilih_baru(client, pantarlih, buat_akun, pemilu,
                                                          buat_pemilih, tps1):
    from datetime import date

    from django.urls import reverse

    from .conftest import nik_untuk

    a, b = buat_pemilih(nama="AHMAD"), buat_pemilih(nama="BUDI")
    client.force_login(pantarlih)
    daftar = client.get(reverse("coklit"))
    assert daftar.status_code == 200 and "AHMAD" in daftar.content.decode()
    form = client.get(reverse("coklit-form", args=[a.pk]))
    kunci = form.context["kunci"]
    data = {"versi": 1, "kunci": kunci, "hasil": "ms", "nama": "ACHMAD", "stiker": "1",
            "tempat_lahir": "", "alamat": a.alamat, "rt": a.rt, "rw": a.rw,
            "status_kawin": a.status_kawin, "disabilitas": "0"}
    r = client.post(reverse("coklit-form", args=[a.pk]), data)
    assert r.status_code == 302
    r = client.post(reverse("coklit-form", args=[a.pk]), data, follow=True)  # retried
    assert "Sudah tersimpan sebelumnya" in r.content.decode()
    a.refresh_from_db()
    assert (a.nama, a.coklit, a.stiker, a.versi) == ("ACHMAD", "ms", True, 2)
    r = client.post(reverse("coklit-form", args=[b.pk]),
                    {"versi": 1, "kunci": "kunci-tms-halaman", "hasil": "tms", "kategori": ""})
    assert r.status_code == 422 and KodePemilih.TMS_TANPA_KATEGORI in r.content.decode()
    r = client.post(reverse("coklit-form", args=[b.pk]),
                    {"versi": 1, "kunci": "kunci-tms-halaman2", "hasil": "tms",
                     "kategori": "meninggal"})
    assert r.status_code == 302
    lahir = date(2006, 3, 4)
    r = client.post(reverse("coklit-baru"), {
        "kunci": client.get(reverse("coklit-baru")).context["kunci"],
        "nik": nik_untuk(lahir, perempuan=True, urut=77), "nkk": "3574050101009977",
        "nama": "CITRA", "tanggal_lahir": lahir.isoformat(), "jenis_kelamin": "P",
        "status_kawin": "B", "rt": "001", "rw": "002", "disabilitas": "0"})
    assert r.status_code == 302
    baru = Pemilih.objects.get(nama="CITRA")
    assert (baru.tps, baru.sumber, baru.desa_id) == (tps1, "coklit", KEDOPOK)
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    client.force_login(pps)
    r = client.get(reverse("coklit-kemajuan"), {"pemilu": pemilu.pk, "tingkat": "tps"})
    assert r.status_code == 200
    [baris] = [x for x in r.context["baris"] if x["kunci"] == tps1.pk]
    assert (baris["jumlah"], baris["ms"], baris["tms"]) == (3, 1, 1)


def test_api_coklit_konflik_dan_idempotensi(client, pantarlih, buat_pemilih):
    import json

    p = buat_pemilih()
    client.force_login(pantarlih)
    assert [x["id"] for x in client.get("/api/v1/pemilih/coklit").json()] == [p.pk]
    url = f"/api/v1/pemilih/{p.pk}/coklit"
    badan = json.dumps({"versi": 1, "hasil": "ms"})
    r1 = client.post(url, badan, content_type="application/json",
                     headers={"Idempotency-Key": "hp-ani-000123"})
    r2 = client.post(url, badan, content_type="application/json",
                     headers={"Idempotency-Key": "hp-ani-000123"})
    assert (r1.status_code, r1.json()["diulang"], r2.json()["diulang"]) == (200, False, True)
    r3 = client.post(url, json.dumps({"versi": 1, "hasil": "tms", "kategori": "ganda",
                                      "kunci": "hp-budi-00001"}),
                     content_type="application/json")
    assert r3.status_code == 409 and r3.json()["code"] == KodePemilih.KONFLIK_VERSI
    r4 = client.post(url, json.dumps({"versi": 2, "hasil": "tms", "kunci": "hp-budi-00002"}),
                     content_type="application/json")
    assert r4.status_code == 422 and r4.json()["code"] == KodePemilih.TMS_TANPA_KATEGORI


def test_daftar_coklit_jumlah_kueri_tetap(client, pantarlih, buat_pemilih,
                                          django_assert_num_queries):
    """The Pantarlih's list makes the same number of queries for 3 voters as for 30."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from simpul.pemilih.models import KategoriTMS

    meninggal = KategoriTMS.objects.get(kode="meninggal")
    client.force_login(pantarlih)
    for i in range(3):
        buat_pemilih(status="tms" if i % 2 else "aktif", coklit="tms" if i % 2 else "belum",
                     kategori_tms=meninggal if i % 2 else None)
    client.get(reverse("coklit"))
    with CaptureQueriesContext(connection) as sedikit:
        client.get(reverse("coklit"))
    for i in range(27):
        buat_pemilih(status="tms" if i % 2 else "aktif", coklit="tms" if i % 2 else "belum",
                     kategori_tms=meninggal if i % 2 else None)
    with django_assert_num_queries(len(sedikit.captured_queries)):
        r = client.get(reverse("coklit"))
    assert r.content.decode().count("/coklit/") >= 30
