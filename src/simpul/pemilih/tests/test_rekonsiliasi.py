"""Device reports of coklit and the per-TPS reconciliation (ANCHORS.md, e-Coklit: device
count against server count, listing what is missing)."""

import json
import uuid
from datetime import UTC, date, datetime

import pytest
from django.db import connection, transaction
from django.urls import reverse

from simpul.core.errors import Dilarang, SimpulError, TidakDitemukan
from simpul.core.roles import Peran
from simpul.pemilih.errors import KodePemilih
from simpul.pemilih.models import KunciIdempoten, LaporanPerangkat, Pemilih, RiwayatPemilih
from simpul.pemilih.rekonsiliasi import (
    CatatanPerangkat,
    laporan_perangkat_catat,
    laporan_urai,
    rekonsiliasi_hitung,
    rekonsiliasi_tps,
)
from simpul.pemilih.services import coklit_baru_simpan, coklit_simpan
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

from .conftest import nik_untuk

PERANGKAT = "3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f"
WAKTU = "2024-05-02T09:15:00+07:00"


@pytest.fixture
def pantarlih(buat_akun, pemilu, tps1):
    return buat_akun(Peran.PANTARLIH, KEDOPOK, pemilu, tps1)


@pytest.fixture
def tps2(pemilu):
    return TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=2)


def catatan(kunci, *, status="terkirim", pemilih=None, jenis="coklit", nama=""):
    return {"kunci": kunci, "jenis": jenis, "pemilih": pemilih, "waktu": WAKTU,
            "status": status, "nama": nama}


def laporan(tps, *isi, perangkat=PERANGKAT):
    return {"perangkat": perangkat, "tps_id": tps.pk, "waktu": WAKTU, "catatan": list(isi)}


# --- reading a report ---------------------------------------------------------------------------
def test_laporan_diurai_dan_nama_pemilih_baru_disamarkan(tps1):
    masuk = laporan_urai(laporan(tps1, catatan("kunci-aaaa-01", pemilih=7),
                                 catatan("kunci-baru-01", jenis="baru", status="antre",
                                         nama="Citra Lestari")))
    assert (masuk.perangkat, masuk.tps_id) == (uuid.UUID(PERANGKAT), tps1.pk)
    a, b = masuk.catatan
    assert (a.kunci, a.pemilih_id, a.status, a.nama) == ("kunci-aaaa-01", 7, "terkirim", "")
    assert (b.jenis, b.pemilih_id, b.nama) == ("baru", None, "Ci*** Le*****")
    assert b.waktu == datetime(2024, 5, 2, 2, 15, tzinfo=UTC)


@pytest.mark.parametrize(("ubah", "kolom"), [
    (lambda d: d.update(perangkat="hp-ku"), "perangkat"),
    (lambda d: d.update(tps_id="1"), "tps_id"),
    (lambda d: d.update(waktu="2024-05-02T09:15:00"), "waktu"),  # no time zone
    (lambda d: d.update(catatan={"kunci": "x"}), "catatan"),
    (lambda d: d["catatan"].append(catatan("kunci-aaaa-01", pemilih=7)), "catatan[1].kunci"),
    (lambda d: d["catatan"].append(catatan("pendek", pemilih=7)), "catatan[1].kunci"),
    (lambda d: d["catatan"].append(catatan("kunci-bbbb-01")), "catatan[1].pemilih"),
    (lambda d: d["catatan"].append(catatan("kunci-bbbb-01", jenis="baru", pemilih=3)),
     "catatan[1].pemilih"),
    (lambda d: d["catatan"].append(catatan("kunci-bbbb-01", pemilih=3, status="beres")),
     "catatan[1].status"),
    (lambda d: d["catatan"].append(catatan("kunci-bbbb-01", pemilih=3, jenis="hapus")),
     "catatan[1].jenis"),
    (lambda d: d["catatan"].append("kunci-bbbb-01"), "catatan[1]"),
])
def test_laporan_rusak_ditolak_dengan_kode_dan_kolomnya(tps1, ubah, kolom):
    data = laporan(tps1, catatan("kunci-aaaa-01", pemilih=7))
    ubah(data)
    with pytest.raises(SimpulError) as e:
        laporan_urai(data)
    assert e.value.code == KodePemilih.LAPORAN_TIDAK_VALID and e.value.status == 422
    assert kolom in [d["kolom"] for d in e.value.details]


def test_laporan_bukan_objek_dan_terlalu_panjang_ditolak(tps1):
    for data in ([], "laporan", laporan(tps1, *[catatan(f"kunci-{i:06d}", pemilih=1)
                                               for i in range(3001)])):
        with pytest.raises(SimpulError) as e:
            laporan_urai(data)
        assert e.value.code == KodePemilih.LAPORAN_TIDAK_VALID


# --- the numbers, pure --------------------------------------------------------------------------
def test_hitung_perangkat_lawan_server_dan_yang_belum_sampai():
    w = datetime(2024, 5, 2, 2, 0, tzinfo=UTC)
    a, b = LaporanPerangkat(pk=1, jumlah=4), LaporanPerangkat(pk=2, jumlah=1)

    def c(kunci, status, menit):
        return CatatanPerangkat(kunci, "coklit", 1, w.replace(minute=menit), status)

    hasil = rekonsiliasi_hitung(
        laporan=[(a, [c("k-sampai", "terkirim", 1), c("k-hilang", "terkirim", 9),
                      c("k-ditolak", "ditolak", 5), c("k-antre", "antre", 3)]),
                 (b, [c("k-antre-tiba", "antre", 2)])],  # sent, answer lost: still queued
        kunci_server={"k-sampai", "k-antre-tiba"},
        kunci_tps={"k-sampai": 10, "k-antre-tiba": 10, "k-hp-lama": 10, "k-pps": 20})
    pa, pb = hasil.perangkat
    assert (pa.jumlah, pa.di_server, pa.antre, pa.selisih) == (4, 1, 1, 3)
    assert (pb.jumlah, pb.di_server, pb.selisih) == (1, 1, 0)
    assert (hasil.jumlah_perangkat, hasil.jumlah_server) == (5, 2)
    assert [x.catatan.kunci for x in hasil.belum_sampai] == ["k-ditolak", "k-hilang"]
    assert [x.catatan.kunci for x in hasil.masih_antre] == ["k-antre"]
    assert hasil.tanpa_laporan == {10: 1, 20: 1}


# --- the report service -------------------------------------------------------------------------
def test_pantarlih_melapor_untuk_tpsnya(pantarlih, tps1, buat_pemilih):
    p = buat_pemilih()
    coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="kunci-aaaa-01", hasil="ms")
    lap, di_server = laporan_perangkat_catat(akun=pantarlih, data=laporan(
        tps1, catatan("kunci-aaaa-01", pemilih=p.pk),
        catatan("kunci-bbbb-01", pemilih=p.pk, status="antre")))
    assert (lap.jumlah, lap.terkirim, lap.antre, lap.ditolak, lap.hilang) == (2, 1, 1, 0, 0)
    assert di_server == 1 and lap.akun == pantarlih and lap.tps == tps1


def test_laporan_untuk_tps_lain_atau_bukan_pantarlih_ditolak(pantarlih, tps2, tps1, buat_akun,
                                                             pemilu):
    with pytest.raises(SimpulError) as e:
        laporan_perangkat_catat(akun=pantarlih, data=laporan(tps2))
    assert (e.value.code, e.value.status) == (KodePemilih.LAPORAN_TPS_LAIN, 403)
    for peran, tps in ((Peran.PPS, None), (Peran.KPPS, tps1)):
        with pytest.raises(Dilarang):
            laporan_perangkat_catat(akun=buat_akun(peran, KEDOPOK, pemilu, tps),
                                    data=laporan(tps1))
    assert not LaporanPerangkat.objects.exists()


def test_laporan_hanya_ditambah(pantarlih, tps1):
    lap, _ = laporan_perangkat_catat(akun=pantarlih, data=laporan(tps1))
    with pytest.raises(ValueError):
        lap.save()
    with pytest.raises(ValueError):
        lap.delete()
    with pytest.raises(Exception, match="tidak dapat diubah"), transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("UPDATE pemilih_laporanperangkat SET jumlah = 9 WHERE id = %s", [lap.pk])


# --- the reconciliation page's data -------------------------------------------------------------
def test_rekonsiliasi_tps_menyebut_yang_hilang_dan_yang_belum_dicoklit(
        pantarlih, tps1, buat_pemilih, buat_akun, pemilu):
    a, b, c = (buat_pemilih(nama="BUDI SANTOSO"), buat_pemilih(nama="SITI AMINAH"),
               buat_pemilih(nama="ANDI"))
    coklit_simpan(akun=pantarlih, pemilih_id=a.pk, versi=1, kunci="kunci-aaaa-01", hasil="ms")
    laporan_perangkat_catat(akun=pantarlih, data=laporan(tps1, catatan("kunci-aaaa-01",
                                                                       pemilih=a.pk)))
    # A newer report of the same phone replaces the older one in the reconciliation.
    laporan_perangkat_catat(akun=pantarlih, data=laporan(
        tps1, catatan("kunci-aaaa-01", pemilih=a.pk),
        catatan("kunci-bbbb-01", pemilih=b.pk, status="hilang"),
        catatan("kunci-cccc-01", pemilih=c.pk, status="antre"),
        catatan("kunci-baru-01", jenis="baru", status="terkirim", nama="DEWI LESTARI")))
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    r = rekonsiliasi_tps(akun=pps, tps_id=tps1.pk)
    [perangkat] = r["hasil"].perangkat
    assert (perangkat.jumlah, perangkat.di_server, perangkat.selisih) == (4, 1, 3)
    assert [(x["kunci"], x["nama"], x["status"]) for x in r["belum_sampai"]] == [
        ("kunci-bbbb-01", "SI** AM****", "hilang"),
        ("kunci-baru-01", "DE** LE*****", "terkirim")]
    assert [(x["kunci"], x["nama"]) for x in r["masih_antre"]] == [("kunci-cccc-01", "AN**")]
    assert r["kemajuan"] == {"jumlah": 3, "ms": 1, "tms": 0, "belum": 2}
    assert [x["nama"] for x in r["belum_dicoklit"]] == ["SI** AM****", "AN**"]
    assert not r["pantarlih_tps"] and r["tanpa_laporan"] == []
    assert rekonsiliasi_tps(akun=pantarlih, tps_id=tps1.pk)["pantarlih_tps"]


def test_rekonsiliasi_hanya_dalam_cakupan(pantarlih, tps1, tps2, buat_akun, pemilu):
    with pytest.raises(TidakDitemukan):
        rekonsiliasi_tps(akun=pantarlih, tps_id=tps2.pk)
    with pytest.raises(TidakDitemukan):
        rekonsiliasi_tps(akun=buat_akun(Peran.PPS, "35.74.05.1006", pemilu), tps_id=tps1.pk)
    with pytest.raises(Dilarang):
        rekonsiliasi_tps(akun=buat_akun(Peran.KPPS, KEDOPOK, pemilu, tps1), tps_id=tps1.pk)
    ppk = buat_akun(Peran.PPK, "35.74.05", pemilu)
    assert rekonsiliasi_tps(akun=ppk, tps_id=tps2.pk)["tps"] == tps2


def test_simpanan_server_tanpa_laporan_perangkat_dihitung(pantarlih, tps1, buat_pemilih):
    p = buat_pemilih()
    coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="kunci-hp-lama", hasil="ms")
    r = rekonsiliasi_tps(akun=pantarlih, tps_id=tps1.pk)
    assert r["tanpa_laporan"] == [(pantarlih.username, 1)] and r["hasil"].perangkat == []


# --- new voters are idempotent too --------------------------------------------------------------
def _baru(akun, tps, kunci, **kw):
    lahir = date(2006, 3, 4)
    data = {"nik": nik_untuk(lahir, perempuan=True, urut=91), "nkk": "3574050101009991",
            "nama": "CITRA", "tanggal_lahir": lahir, "jenis_kelamin": "P", "rt": "001",
            "rw": "002", **kw}
    return coklit_baru_simpan(akun=akun, tps=tps, kunci=kunci, **data)


def test_pemilih_baru_dikirim_ulang_tidak_menjadi_dua(pantarlih, tps1):
    pertama = _baru(pantarlih, tps1, "hp-baru-0001")
    kedua = _baru(pantarlih, tps1, "hp-baru-0001")
    assert (pertama.diulang, kedua.diulang) == (False, True)
    assert kedua.pemilih.pk == pertama.pemilih.pk
    assert Pemilih.objects.filter(nama="CITRA").count() == 1
    assert RiwayatPemilih.objects.filter(pemilih=pertama.pemilih).count() == 1
    assert KunciIdempoten.objects.get(kunci="hp-baru-0001").pemilih == pertama.pemilih
    with pytest.raises(SimpulError) as e:
        _baru(pantarlih, tps1, "hp-baru-0001", nama="CITRA DEWI")
    assert e.value.code == KodePemilih.KUNCI_IDEMPOTEN_BENTROK
    with pytest.raises(SimpulError) as e:  # the same person under a new key: a real double
        _baru(pantarlih, tps1, "hp-baru-0002")
    assert e.value.code == KodePemilih.NIK_GANDA
    with pytest.raises(SimpulError):
        _baru(pantarlih, tps1, "")


def test_halaman_pemilih_baru_dikirim_dua_kali(client, pantarlih, tps1):
    lahir = date(2005, 1, 2)
    data = {"kunci": "hp-halaman-01", "nik": nik_untuk(lahir, urut=92),
            "nkk": "3574050101009992", "nama": "DODI", "tanggal_lahir": lahir.isoformat(),
            "jenis_kelamin": "L", "status_kawin": "B", "rt": "001", "rw": "002",
            "disabilitas": "0"}
    client.force_login(pantarlih)
    assert client.post(reverse("coklit-baru"), data).status_code == 302
    r = client.post(reverse("coklit-baru"), data, follow=True)
    assert "Sudah tersimpan sebelumnya: DODI" in r.content.decode()
    assert Pemilih.objects.filter(nama="DODI").count() == 1


# --- API and pages ------------------------------------------------------------------------------
URL_LAPOR = "/api/v1/pemilih/coklit/laporan-perangkat"


def test_api_laporan_perangkat(client, pantarlih, tps1, tps2, buat_pemilih):
    p = buat_pemilih()
    coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="kunci-aaaa-01", hasil="ms")
    badan = laporan(tps1, catatan("kunci-aaaa-01", pemilih=p.pk),
                    catatan("kunci-bbbb-01", pemilih=p.pk, status="hilang"))
    assert client.post(URL_LAPOR, json.dumps(badan),
                       content_type="application/json").status_code == 401
    client.force_login(pantarlih)
    r = client.post(URL_LAPOR, json.dumps(badan), content_type="application/json")
    assert r.status_code == 201 and (r.json()["jumlah"], r.json()["di_server"]) == (2, 1)
    r = client.post(URL_LAPOR, "{bukan json", content_type="application/json")
    assert (r.status_code, r.json()["code"]) == (422, KodePemilih.LAPORAN_TIDAK_VALID)
    r = client.post(URL_LAPOR, json.dumps({**badan, "catatan": [{"kunci": 5}]}),
                    content_type="application/json")
    assert (r.status_code, r.json()["code"]) == (422, KodePemilih.LAPORAN_TIDAK_VALID)
    assert "catatan[0].kunci" in [d["kolom"] for d in r.json()["details"]]
    r = client.post(URL_LAPOR, json.dumps(laporan(tps2)), content_type="application/json")
    assert (r.status_code, r.json()["code"]) == (403, KodePemilih.LAPORAN_TPS_LAIN)
    assert LaporanPerangkat.objects.count() == 1



def test_api_rekonsiliasi(client, pantarlih, tps1, buat_pemilih, buat_akun, pemilu):
    p = buat_pemilih(nama="BUDI SANTOSO")
    coklit_simpan(akun=pantarlih, pemilih_id=p.pk, versi=1, kunci="kunci-aaaa-01", hasil="ms")
    laporan_perangkat_catat(akun=pantarlih, data=laporan(
        tps1, catatan("kunci-aaaa-01", pemilih=p.pk),
        catatan("kunci-bbbb-01", pemilih=p.pk, status="ditolak")))
    client.force_login(buat_akun(Peran.PPS, KEDOPOK, pemilu))
    r = client.get("/api/v1/pemilih/coklit/rekonsiliasi", {"tps_id": tps1.pk}).json()
    assert (r["jumlah_perangkat"], r["jumlah_server"]) == (2, 1)
    assert [(b["akun"], b["selisih"]) for b in r["perangkat"]] == [(pantarlih.username, 1)]
    assert [(x["kunci"], x["status"], x["nama"]) for x in r["belum_sampai"]] == [
        ("kunci-bbbb-01", "ditolak", "BU** SA*****")]
    assert r["kemajuan"] == {"jumlah": 1, "ms": 1, "tms": 0, "belum": 0}
    client.force_login(buat_akun(Peran.PPS, "35.74.05.1006", pemilu))
    r = client.get("/api/v1/pemilih/coklit/rekonsiliasi", {"tps_id": tps1.pk})
    assert (r.status_code, r.json()["code"]) == (404, "tidak_ditemukan")


def test_halaman_rekonsiliasi_pantarlih_dan_pps(client, pantarlih, tps1, buat_pemilih,
                                                buat_akun, pemilu):
    p = buat_pemilih(nama="BUDI SANTOSO")
    laporan_perangkat_catat(akun=pantarlih, data=laporan(
        tps1, catatan("kunci-bbbb-01", pemilih=p.pk, status="terkirim")))
    client.force_login(pantarlih)
    r = client.get(reverse("coklit-rekonsiliasi"))
    isi = r.content.decode()
    assert r.status_code == 200 and "BU** SA*****" in isi and "BUDI SANTOSO" not in isi
    assert "kunci-bbbb-01" in isi and 'id="tombol-lapor"' in isi
    client.force_login(buat_akun(Peran.PPS, KEDOPOK, pemilu))
    r = client.get(reverse("coklit-rekonsiliasi"), {"tps": tps1.pk})
    assert r.status_code == 200 and 'id="tombol-lapor"' not in r.content.decode()
    assert client.get(reverse("coklit-rekonsiliasi")).status_code == 404
    r = client.get(reverse("coklit-kemajuan"), {"pemilu": pemilu.pk, "tingkat": "tps"})
    assert f'{reverse("coklit-rekonsiliasi")}?tps={tps1.pk}' in r.content.decode()


def test_service_worker_halaman_luring_dan_versi_formulir(client, pantarlih, buat_pemilih):
    r = client.get(reverse("coklit-sw"))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/javascript")
    assert r["Cache-Control"] == "no-cache" and "/static/pemilih/coklit.js" in r.content.decode()
    r = client.get(reverse("coklit-luring"))
    assert r.status_code == 200 and "Tidak ada sinyal" in r.content.decode()
    p = buat_pemilih()
    client.force_login(pantarlih)
    assert client.get(reverse("coklit-form", args=[p.pk]))["X-Simpul-Versi"] == "1"
    daftar = client.get(reverse("coklit"))
    assert daftar.context["luring"]["pemilih"] == [
        {"url": reverse("coklit-form", args=[p.pk]), "versi": 1}]
    keluar = client.post(reverse("logout"))
    assert keluar["Clear-Site-Data"] == '"cache"'


def test_halaman_rekonsiliasi_jumlah_kueri_tetap(client, pantarlih, tps1, buat_pemilih,
                                                 django_assert_num_queries):
    """As many queries for 2 voters and 1 device report as for 20 voters and 3 reports."""
    from django.test.utils import CaptureQueriesContext

    def tambah(n, perangkat):
        isi = []
        for _ in range(n):
            p = buat_pemilih()
            isi.append(catatan(f"k-{uuid.uuid4().hex[:12]}", pemilih=p.pk, status="antre"))
        laporan_perangkat_catat(akun=pantarlih, data=laporan(tps1, *isi, perangkat=perangkat))

    client.force_login(pantarlih)
    tambah(2, PERANGKAT)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(reverse("coklit-rekonsiliasi"))
    for _ in range(2):
        tambah(9, str(uuid.uuid4()))
    with django_assert_num_queries(len(sedikit.captured_queries)):
        r = client.get(reverse("coklit-rekonsiliasi"))
    assert len(r.context["masih_antre"]) == 20
