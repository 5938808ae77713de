"""DPTb entry: received with the server's time and a device key, decided afterwards
(ANCHORS.md, SIDALIH Jan 2024), single, batched, from a spreadsheet, and concurrently."""

import io
import json
import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from openpyxl import Workbook

from simpul.core.audit import audit_verifikasi
from simpul.core.errors import Dilarang
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilih.antrean import app
from simpul.pemilih.models import EntriDPTb, KirimanDPTb, Pemilih, PindahMemilih
from simpul.pemilih.rules import dptb_diterima_tepat_waktu, zona_waktu
from simpul.pemilih.services_dptb import dptb_impor, dptb_proses, dptb_terima
from simpul.pemilih.services_pemetaan import pemetaan_jalankan
from simpul.pemilih.services_tahap import tahap_kunci, tahap_tetapkan
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

from .conftest import KELUARGA, nik_untuk

JAKARTA = ZoneInfo("Asia/Jakarta")
DESA_LAIN = "35.74.05.1006"


def _dpt(operator, pemilu):
    pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    for tahap in ("dps", "dpshp", "dpshp_akhir", "dpt"):
        tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap=tahap)
        dpt = tahap_tetapkan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    pemilu.tanggal_pemungutan = date.today() + timedelta(days=30)
    pemilu.save()
    return dpt


@pytest.fixture
def dpt(operator, pemilu, warga):
    cache.clear()
    return _dpt(operator, pemilu)


@pytest.fixture
def tujuan(pemilu):
    return TPS.objects.get(pemilu=pemilu, desa_id=DESA_LAIN, nomor=1)


pytestmark = pytest.mark.usefixtures("celery_langsung")


def _entri(p, tujuan, kunci, **kw):
    return {"kunci": kunci, "nik": p.nik, "tps_tujuan_id": tujuan.pk, "alasan": "kuliah", **kw}


# --- rules -----------------------------------------------------------------------------------
def test_keppres_41_1987_zona_waktu_per_provinsi():
    """Keppres 41/1987: three time zones; the deadline day ends at local midnight."""
    assert zona_waktu("35.74.05.1001").key == "Asia/Jakarta"      # Jawa Timur: WIB
    assert zona_waktu("61.71").key == "Asia/Jakarta"              # Kalimantan Barat: WIB
    assert zona_waktu("51.71").key == "Asia/Makassar"             # Bali: WITA
    assert zona_waktu("73.71").key == "Asia/Makassar"             # Sulawesi Selatan: WITA
    assert zona_waktu("94.01").key == "Asia/Jayapura"             # Papua Tengah: WIT


def test_pkpu_7_2022_pasal_117_batas_dihitung_dari_jam_server_setempat():
    """PKPU 7/2022 Pasal 117 (RULES.md §4): at least 7 days before polling, judged on the
    server's receipt time in the voter's local time."""
    pemungutan = date(2024, 2, 14)
    jam = datetime(2024, 2, 7, 23, 30, tzinfo=JAKARTA)  # 7 Feb 23:30 WIB
    assert dptb_diterima_tepat_waktu(jam, pemungutan, "35.74.05.1001")
    # The same instant is already 8 Feb 01:30 WIT in Papua: too late there.
    assert not dptb_diterima_tepat_waktu(jam, pemungutan, "91.71.01.1001")
    assert not dptb_diterima_tepat_waktu(jam + timedelta(hours=1), pemungutan, "35.74")


# --- receiving and deciding ----------------------------------------------------------------
def test_entri_diterima_lalu_dicatat_dengan_jam_server_dan_diaudit(operator, pemilu, dpt,
                                                                    warga, tujuan):
    p = Pemilih.objects.get(pk=warga[3].pk)
    sebelum = timezone.now()
    k, hasil = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[_entri(
        p, tujuan, "perangkat-aa-0001", nomor_surat="A-SPM/7",
        waktu_perangkat="2020-01-01T08:00:00+07:00")])
    assert hasil[0]["status"] == "dicatat" and k.status == "selesai"
    pm = PindahMemilih.objects.get(pemilih=p)
    assert pm.entri.kunci == "perangkat-aa-0001" and pm.diterima >= sebelum
    assert (pm.tps_asal_id, pm.tps_tujuan_id, pm.salinan_id) == (p.tps_id, tujuan.pk, dpt.pk)
    assert pm.entri.waktu_perangkat.year == 2020  # kept as information, never judged on
    aksi = set(AuditEntry.objects.values_list("aksi", flat=True))
    assert {"pemilih.dptb_terima", "pemilih.dptb_catat"} <= aksi


def test_kirim_ulang_kunci_sama_tidak_tercatat_dua_kali(operator, pemilu, dpt, warga, tujuan):
    p = warga[3]
    dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[_entri(p, tujuan, "kunci-ulang-1")])
    k2, hasil = dptb_terima(akun=operator, pemilu_id=pemilu.pk,
                            isian=[_entri(p, tujuan, "kunci-ulang-1")])
    assert hasil[0]["ulang"] and hasil[0]["status"] == "dicatat"
    assert (k2.jumlah, k2.ulang) == (0, 1)
    assert EntriDPTb.objects.filter(kunci="kunci-ulang-1").count() == 1
    assert PindahMemilih.objects.filter(pemilih_id=p.pk).count() == 1
    _, hasil = dptb_terima(akun=operator, pemilu_id=pemilu.pk,
                           isian=[_entri(p, tujuan, "kunci-ulang-1", alasan="lain")])
    assert hasil[0]["kode"] == "pemilih.dptb_kunci_bentrok"


def test_diterima_tepat_waktu_tetap_sah_walau_diputuskan_terlambat(operator, pemilu, dpt,
                                                                    warga, tujuan,
                                                                    monkeypatch):
    """A worker that catches up after the deadline never makes an entry late; a typed
    letter date or a device clock before the deadline never makes a late one early."""
    monkeypatch.setenv("SIMPUL_DPTB_LANGSUNG", "0")  # every entry waits for the worker
    app.conf.task_always_eager = False
    monkeypatch.setattr("simpul.pemilih.services_dptb._antrekan", lambda pk: None)
    tepat, telat = warga[3], warga[9]
    dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[_entri(tepat, tujuan, "tepat-0001")])
    dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[_entri(
        telat, tujuan, "telat-0001", tanggal_surat="2020-01-01",
        waktu_perangkat="2020-01-01T08:00:00+07:00")])
    assert set(EntriDPTb.objects.values_list("status", flat=True)) == {"antre"}
    # Deadline: the server received `tepat` ten days before polling, `telat` three days.
    sekarang = timezone.now()
    EntriDPTb.objects.filter(kunci="tepat-0001").update(diterima=sekarang - timedelta(days=20))
    pemilu.tanggal_pemungutan = timezone.localdate() + timedelta(days=3)
    pemilu.save()
    EntriDPTb.objects.filter(kunci="telat-0001").update(diterima=sekarang)
    assert dptb_proses(pemilu_id=pemilu.pk) == 2
    e1, e2 = EntriDPTb.objects.get(kunci="tepat-0001"), EntriDPTb.objects.get(kunci="telat-0001")
    assert e1.status == "dicatat" and e1.diproses > e1.diterima
    assert (e2.status, e2.kode) == ("ditolak", "pemilih.dptb_terlambat")
    assert "WIB" in e2.pesan
    assert dptb_proses(pemilu_id=pemilu.pk) == 0  # nothing decided twice


def test_entri_salah_bentuk_ditolak_bernama_yang_baik_tetap_diterima(operator, pemilu, dpt,
                                                                      warga, tujuan):
    p = warga[3]
    _, hasil = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        _entri(p, tujuan, "bentuk-0001", nik="2"),
        _entri(p, tujuan, "bentuk-0002", alasan=" "),
        {"kunci": "bentuk-0003", "nik": p.nik, "kode_desa_tujuan": DESA_LAIN,
         "tps_tujuan": 99, "alasan": "x"},
        _entri(p, tujuan, "pendek"),
        _entri(p, tujuan, "bentuk-0005", tanggal_surat="31-31-2024"),
        _entri(p, tujuan, "bentuk-0006"),
    ])
    kode = [h["kode"] for h in hasil]
    assert kode[0] == "nik.format" and kode[1:5] == ["pemilih.data_tidak_valid"] * 4
    assert "TPS tujuan tidak ada" in hasil[2]["pesan"]
    assert hasil[5]["status"] == "dicatat"
    assert list(EntriDPTb.objects.values_list("kunci", flat=True)) == ["bentuk-0006"]


def test_aturan_bukan_dpt_sudah_pindah_tps_sama(operator, pemilu, dpt, warga, tujuan):
    p, q = warga[3], warga[4]
    lahir = date(1991, 3, 3)
    _, hasil = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        {"kunci": "aturan-0001", "nik": nik_untuk(lahir, urut=900), "tps_tujuan_id": tujuan.pk,
         "alasan": "x"},
        _entri(p, tujuan, "aturan-0002"),
        _entri(p, tujuan, "aturan-0003", alasan="kedua kali"),
        _entri(q, Pemilih.objects.get(pk=q.pk).tps, "aturan-0004"),
    ])
    assert [h["kode"] for h in hasil] == ["pemilih.bukan_dpt", "", "pemilih.dptb_sudah_tercatat",
                                          "pemilih.data_tidak_valid"]


def test_wilayah_kerja_asal_atau_tujuan(buat_akun, operator, pemilu, dpt, warga, tujuan):
    """An office records a DPTb when its territory holds the origin or the destination;
    a PPS of a third desa cannot, a KPPS has no DPTb role."""
    pps_tujuan = buat_akun(Peran.PPS, DESA_LAIN, pemilu)
    pps_lain = buat_akun(Peran.PPS, "35.74.05.1001", pemilu)
    _, h = dptb_terima(akun=pps_lain, pemilu_id=pemilu.pk,
                       isian=[_entri(warga[3], tujuan, "wilayah-0001")])
    assert h[0]["kode"] == "pemilih.di_luar_wilayah_kerja"
    _, h = dptb_terima(akun=pps_tujuan, pemilu_id=pemilu.pk,
                       isian=[_entri(warga[3], tujuan, "wilayah-0002")])
    assert h[0]["status"] == "dicatat"
    kpps = buat_akun(Peran.KPPS, KEDOPOK, pemilu, tps=TPS.objects.get(
        pemilu=pemilu, desa_id=KEDOPOK, nomor=1))
    with pytest.raises(Dilarang):
        dptb_terima(akun=kpps, pemilu_id=pemilu.pk, isian=[_entri(warga[4], tujuan, "w-0003x")])


def test_keputusan_satu_batch_jumlah_kueri_tetap(operator, pemilu, dpt, warga, tujuan,
                                                monkeypatch, django_assert_num_queries):
    """Deciding a batch reads its voters, destinations and earlier DPTb once for the batch,
    and writes its audit entries at once (the chain's lock is then held to the commit
    only): 2 entries and 12 entries take the same number of queries."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setenv("SIMPUL_DPTB_LANGSUNG", "0")
    monkeypatch.setattr("simpul.pemilih.services_dptb._antrekan", lambda pk: None)
    sedikit, _ = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        _entri(p, tujuan, f"kueri-a-{i:04d}") for i, p in enumerate(warga[:2])])
    banyak, _ = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        _entri(p, tujuan, f"kueri-b-{i:04d}") for i, p in enumerate(warga[2:14])])
    with CaptureQueriesContext(connection) as dua:
        assert dptb_proses(kiriman_id=sedikit.pk) == 2
    with django_assert_num_queries(len(dua.captured_queries)):
        assert dptb_proses(kiriman_id=banyak.pk) == 12
    assert PindahMemilih.objects.count() == 14
    assert AuditEntry.objects.filter(aksi="pemilih.dptb_catat").count() == 14
    assert audit_verifikasi().utuh


def test_pekerja_mati_sesudah_batch_kiriman_diselesaikan_tugas_ulang(operator, pemilu, dpt,
                                                                     warga, tujuan,
                                                                     monkeypatch):
    """A worker dies after a batch commits and before it marks the submission finished:
    the redelivered task decides nothing again and finishes the submission."""
    from simpul.pemilih import services_dptb

    monkeypatch.setenv("SIMPUL_DPTB_LANGSUNG", "0")
    monkeypatch.setattr(services_dptb, "_antrekan", lambda pk: None)
    k, _ = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        _entri(p, tujuan, f"pekerja-mati-{i}") for i, p in enumerate(warga[3:6])])
    asli = services_dptb._kiriman_segarkan

    def mati(ids):
        raise SystemExit("pekerja mati")

    monkeypatch.setattr(services_dptb, "_kiriman_segarkan", mati)
    with pytest.raises(SystemExit):
        dptb_proses(kiriman_id=k.pk)
    k.refresh_from_db()
    assert k.status != "selesai" and not k.entri.filter(status="antre").exists()
    monkeypatch.setattr(services_dptb, "_kiriman_segarkan", asli)
    assert dptb_proses(kiriman_id=k.pk) == 0
    k.refresh_from_db()
    assert k.status == "selesai" and PindahMemilih.objects.count() == 3


def test_pemilih_dicatat_keputusan_lain_di_tengah_batch(operator, pemilu, dpt, warga, tujuan,
                                                       monkeypatch):
    """Another decision records a voter after this batch read who had moved already (the
    window between two workers): that entry is refused by the once-per-election
    constraint, the rest of the batch is kept, one record and one audit entry each."""
    import simpul.pemilih.services_dptb as layanan

    monkeypatch.setenv("SIMPUL_DPTB_LANGSUNG", "0")
    monkeypatch.setattr(layanan, "_antrekan", lambda pk: None)
    batch, _ = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        _entri(p, tujuan, f"jendela-{i:04d}") for i, p in enumerate(warga[3:7])])
    lain, _ = dptb_terima(akun=operator, pemilu_id=pemilu.pk,
                          isian=[_entri(warga[4], tujuan, "jendela-lain")])
    asli = layanan._bekal

    def bekal_lalu_keputusan_lain(*args):
        b = asli(*args)
        monkeypatch.setattr(layanan, "_bekal", asli)
        layanan.dptb_proses(kiriman_id=lain.pk)
        return b

    monkeypatch.setattr(layanan, "_bekal", bekal_lalu_keputusan_lain)
    assert dptb_proses(kiriman_id=batch.pk) == 4
    e = EntriDPTb.objects.get(kunci="jendela-0001")
    assert (e.status, e.kode) == ("ditolak", "pemilih.dptb_sudah_tercatat")
    assert EntriDPTb.objects.get(kunci="jendela-lain").status == "dicatat"
    assert EntriDPTb.objects.filter(kiriman=batch, status="dicatat").count() == 3
    assert PindahMemilih.objects.filter(pemilih_id=warga[4].pk).count() == 1
    assert PindahMemilih.objects.count() == 4
    assert AuditEntry.objects.filter(aksi="pemilih.dptb_catat").count() == 4
    assert audit_verifikasi().utuh


# --- spreadsheets --------------------------------------------------------------------------
def _csv(baris):
    teks = "nik,kode_desa_tujuan,tps_tujuan,alasan,nomor_surat,tanggal_surat\n"
    return (teks + "".join(",".join(b) + "\n" for b in baris)).encode()


def test_impor_berkas_baris_salah_dilaporkan_dan_unggah_ulang_tidak_dobel(operator, pemilu,
                                                                          dpt, warga, client,
                                                                          monkeypatch):
    monkeypatch.setenv("SIMPUL_DPTB_LANGSUNG", "2")  # a file of 4 goes to the worker
    data = _csv([[warga[3].nik, DESA_LAIN, "1", "kerja", "A-1", "2024-01-10"],
                 ["12345", DESA_LAIN, "1", "kerja", "", ""],
                 [warga[4].nik, DESA_LAIN, "1", "kerja", "", ""],
                 [warga[5].nik, DESA_LAIN, "x", "kerja", "", ""],
                 [nik_untuk(date(1970, 1, 1), urut=990), DESA_LAIN, "1", "kerja", "", ""]])
    k = dptb_impor(akun=operator, pemilu_id=pemilu.pk, data=data, nama_berkas="dptb.csv")
    k.refresh_from_db()
    assert (k.jumlah, k.status) == (3, "selesai")
    assert [(t["baris"], t["kode"]) for t in k.temuan] == [(3, "nik.format"),
                                                          (5, "pemilih.data_tidak_valid")]
    assert PindahMemilih.objects.count() == 2
    client.force_login(operator)
    csv = client.get(f"/pemilih/dptb/kiriman/{k.pk}/temuan.csv").content.decode("utf-8-sig")
    baris = csv.strip().splitlines()
    assert baris[0] == "baris,kunci,nik,kode,pesan"
    assert [b.split(",")[0] for b in baris[1:]] == ["3", "5", "6"]
    assert "pemilih.bukan_dpt" in baris[3] and warga[3].nik not in csv
    assert AuditEntry.objects.filter(aksi="pemilih.dptb_temuan_ekspor").count() == 1

    lagi = dptb_impor(akun=operator, pemilu_id=pemilu.pk, data=data, nama_berkas="dptb.csv")
    assert (lagi.jumlah, lagi.ulang) == (0, 3)
    assert PindahMemilih.objects.count() == 2 and EntriDPTb.objects.count() == 3


def test_impor_xlsx_dan_berkas_rusak(operator, pemilu, dpt, warga):
    wb = Workbook()
    ws = wb.active
    ws.append(["nik", "kode_desa_tujuan", "tps_tujuan", "alasan"])
    ws.append([warga[3].nik, DESA_LAIN, 1, "kerja"])
    buf = io.BytesIO()
    wb.save(buf)
    k = dptb_impor(akun=operator, pemilu_id=pemilu.pk, data=buf.getvalue(),
                   nama_berkas="dptb.xlsx")
    assert k.jumlah == 1 and PindahMemilih.objects.count() == 1
    from simpul.core.errors import DataTidakValid
    for data, nama, pesan in [(b"", "a.csv", "kosong"), (b"nik,alasan\n1,2\n", "a.csv", "Kolom"),
                              (b"\xff\xfe\x00garbage", "a.csv", ""), (b"x", "a.pdf", ".csv")]:
        with pytest.raises(DataTidakValid) as e:
            dptb_impor(akun=operator, pemilu_id=pemilu.pk, data=data, nama_berkas=nama)
        assert e.value.code == "pemilih.berkas_tidak_valid" and pesan in e.value.message


# --- API and page --------------------------------------------------------------------------
def test_api_kirim_kiriman_dan_galat(operator, pemilu, dpt, warga, tujuan, client):
    client.force_login(operator)
    r = client.post("/api/v1/pemilih/dptb/kirim", json.dumps({
        "pemilu_id": pemilu.pk, "entri": [
            {"kunci": "api-000001", "nik": warga[3].nik, "kode_desa_tujuan": DESA_LAIN,
             "tps_tujuan": 1, "alasan": "kerja", "waktu_perangkat": "2024-01-01T10:00:00Z"},
            {"kunci": "api-000002", "nik": "2", "tps_tujuan_id": tujuan.pk, "alasan": "x"}]}),
        content_type="application/json")
    assert r.status_code == 202
    d = r.json()
    assert [h["status"] for h in d["hasil"]] == ["dicatat", "ditolak"]
    assert d["kiriman"]["dicatat"] == 1
    r = client.get(f"/api/v1/pemilih/dptb/kiriman/{d['kiriman']['id']}")
    assert r.json()["entri"][0]["status"] == "dicatat"
    r = client.post("/api/v1/pemilih/dptb/kirim", json.dumps({"pemilu_id": pemilu.pk,
                                                             "entri": []}),
                    content_type="application/json")
    assert (r.status_code, r.json()["code"]) == (422, "pemilih.data_tidak_valid")


def test_kiriman_orang_lain_di_luar_wilayah_tidak_terlihat(buat_akun, operator, pemilu, dpt,
                                                           warga, tujuan, client):
    k, _ = dptb_terima(akun=operator, pemilu_id=pemilu.pk,
                       isian=[_entri(warga[3], tujuan, "lihat-0001")])
    luar = buat_akun(Peran.KPU_KAB_OPERATOR, "35.13")
    client.force_login(luar)
    assert client.get(f"/api/v1/pemilih/dptb/kiriman/{k.pk}").status_code == 404
    assert client.get(f"/pemilih/dptb/kiriman/{k.pk}/").status_code == 404


def test_halaman_dptb_tanpa_javascript(operator, pemilu, dpt, warga, client):
    client.force_login(operator)
    r = client.get(f"/pemilih/dptb/?pemilu={pemilu.pk}")
    assert r.status_code == 200 and "Batas penerimaan" in r.content.decode()
    kunci = r.context["kunci"]
    data = {"pemilu": pemilu.pk, "kunci": kunci, "nik": warga[3].nik,
            "kode_desa_tujuan": DESA_LAIN, "tps_tujuan": "1", "alasan": "kerja"}
    r = client.post("/pemilih/dptb/", data, follow=True)
    assert "Dicatat di DPTb" in r.content.decode()
    r = client.post("/pemilih/dptb/", data, follow=True)  # double tap: same key
    assert PindahMemilih.objects.count() == 1
    r = client.post("/pemilih/dptb/", data | {"kunci": "lain-000001", "nik": "123"}, follow=True)
    assert "nik.format" in r.content.decode()
    berkas = SimpleUploadedFile("dptb.csv", _csv([[warga[4].nik, DESA_LAIN, "1", "kerja", "", ""]]))
    r = client.post("/pemilih/dptb/", {"pemilu": pemilu.pk, "berkas": berkas}, follow=True)
    assert r.redirect_chain[-1][0].startswith("/pemilih/dptb/kiriman/")
    assert PindahMemilih.objects.count() == 2


# --- concurrency (PostgreSQL) --------------------------------------------------------------
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED needs PostgreSQL")
def test_dua_pekerja_dan_kirim_ulang_bersamaan_tidak_dobel(data_jatim, buat_akun, pemilu,
                                                            monkeypatch):
    """Two workers deciding the same pending entries and two resends of one key racing:
    every entry decided once, one entry per key, one DPTb per voter."""
    from django.db import connections

    monkeypatch.setenv("SIMPUL_DPTB_LANGSUNG", "0")
    monkeypatch.setattr("simpul.pemilih.services_dptb._antrekan", lambda pk: None)
    operator = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    urut = 0
    for k, (rw, rt, n) in enumerate(KELUARGA):
        for _ in range(n):
            urut += 1
            lahir = date(1980, 1, 1 + urut)
            Pemilih.objects.create(pemilu=pemilu, nik=nik_untuk(lahir, urut=urut),
                                   nkk=f"35740501010{k:05d}", nama=f"WARGA {urut}",
                                   tanggal_lahir=lahir, jenis_kelamin="L", rt=rt, rw=rw,
                                   desa_id=KEDOPOK, status_kawin="S")
    _dpt(operator, pemilu)
    tujuan = TPS.objects.get(pemilu=pemilu, desa_id=DESA_LAIN, nomor=1)
    warga = list(Pemilih.objects.filter(pemilu=pemilu).order_by("pk"))
    dptb_terima(akun=operator, pemilu_id=pemilu.pk,
                isian=[_entri(p, tujuan, f"serentak-{i:04d}") for i, p in enumerate(warga)])
    # A second entry for the first voter under another key: only one DPTb may result.
    dptb_terima(akun=operator, pemilu_id=pemilu.pk,
                isian=[_entri(warga[0], tujuan, "serentak-lagi")])
    mulai, hasil = threading.Barrier(4), []

    def kerja(fn):
        try:
            mulai.wait()
            hasil.append(fn())
        finally:
            connections.close_all()

    ulang = _entri(warga[1], tujuan, "serentak-0001")
    urutan = [lambda: dptb_proses(pemilu_id=pemilu.pk, per_batch=3)] * 2 + [
        lambda: dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[ulang])] * 2
    benang = [threading.Thread(target=kerja, args=(fn,)) for fn in urutan]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    sisa = dptb_proses(pemilu_id=pemilu.pk)
    diputuskan = sum(h for h in hasil if isinstance(h, int)) + sisa
    assert diputuskan == len(warga) + 1
    assert EntriDPTb.objects.filter(status="antre").count() == 0
    assert EntriDPTb.objects.filter(kunci="serentak-0001").count() == 1
    assert PindahMemilih.objects.count() == len(warga)
    lagi = EntriDPTb.objects.get(kunci="serentak-lagi")
    assert (lagi.status, lagi.kode) == ("ditolak", "pemilih.dptb_sudah_tercatat")
    assert KirimanDPTb.objects.filter(status="selesai").count() == KirimanDPTb.objects.count()
