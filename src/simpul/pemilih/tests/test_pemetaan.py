"""TPS mapping service on the database: bulk write, reasons per TPS, history and audit,
moves by hand with the constraint check (RULES.md §3)."""

import threading
import types
from datetime import timedelta

import pytest
from django.db import connection

from simpul.core.errors import DataTidakValid, Dilarang, Konflik, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilih.models import PemetaanTPS, Pemilih, RincianTPS, RiwayatPemilih
from simpul.pemilih.services import pemilih_tandai_tms
from simpul.pemilih.services_pemetaan import pemetaan_jalankan, pemetaan_pindah
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS


def test_pemetaan_rules3_batas_kk_utuh_rt_bersambung_dan_alasan(operator, pemilu, warga):
    """RULES.md §3: cap per TPS, a KK never split, one desa per TPS; reasons kept."""
    run = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert (run.maks, run.jumlah_pemilih, run.pindah) == (4, 18, 18)
    peta = list(Pemilih.objects.filter(pemilu=pemilu).select_related("tps"))
    assert all(p.tps.desa_id == KEDOPOK for p in peta)
    per_kk = {}
    for p in peta:
        per_kk.setdefault(p.nkk, set()).add(p.tps.nomor)
    assert all(len(s) == 1 for s in per_kk.values())
    isi = {}
    for p in peta:
        isi[p.tps.nomor] = isi.get(p.tps.nomor, 0) + 1
    # 18 voters, families 3,1 | 2,2 | 4 | 1,3 | 2 → 5 TPS is the least possible.
    assert sorted(isi) == [1, 2, 3, 4, 5] and max(isi.values()) <= 4
    assert run.jumlah_tps == 5
    # Kedopok has 13 TPS in the demo: 6..13 are reported unused, none deleted.
    assert run.tps_kosong == [f"{KEDOPOK} TPS {n:03d}" for n in range(6, 14)]
    assert TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=6).jumlah_pemilih == 0
    assert TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1).jumlah_pemilih == isi[1]
    rincian = RincianTPS.objects.filter(pemetaan=run).order_by("tps__nomor")
    assert [r.jumlah_pemilih for r in rincian] == [isi[n] for n in range(1, 6)]
    assert "KK utuh" in rincian[0].alasan and rincian[0].rentang[0]["rt"] == "001"
    # A first placement is listed on its TPS's detail, not as a history row per voter.
    assert {i for r in rincian for i in r.ditempatkan} == {p.pk for p in peta}
    assert all(sorted(r.ditempatkan) == sorted(p.pk for p in peta if p.tps_id == r.tps_id)
               for r in rincian)
    assert not RiwayatPemilih.objects.filter(aksi="pemilih.tps_petakan").exists()
    assert all(p.versi == 2 for p in peta)
    assert AuditEntry.objects.filter(aksi="pemilih.tps_petakan").count() == 1

    ulang = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert ulang.pindah == 0
    assert not RiwayatPemilih.objects.filter(aksi="pemilih.tps_petakan").exists()
    assert not any(r.ditempatkan for r in RincianTPS.objects.filter(pemetaan=ulang))


def test_riwayat_pemilih_memuat_penempatan_pertama_dan_pindah_tps(client, operator, pemilu,
                                                                 warga):
    """The history of a voter shows its first placement (from the run's TPS detail), a
    change of TPS by a later mapping (a history row with the TPS before) and a hand move."""
    from django.urls import reverse

    from simpul.pemilih.selectors import pemilih_riwayat

    run = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    p = Pemilih.objects.get(nama="WARGA 18")
    pertama = p.tps_id
    [r] = pemilih_riwayat(akun=operator, pemilih_id=p.pk)
    assert (r.aksi, r.sebelum, r.sesudah) == ("pemilih.tps_petakan", {"tps_id": None},
                                              {"tps_id": pertama})
    assert r.alasan == f"pemetaan TPS #{run.pk}" and r.akun_username == operator.username
    # A larger cap packs the voters into fewer TPS: the ones that move get a history row.
    pemilu.parameter = {"maks_pemilih_per_tps": 9}
    pemilu.save()
    kedua = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    pindah = RiwayatPemilih.objects.filter(aksi="pemilih.tps_petakan")
    assert kedua.pindah == pindah.count() > 0
    assert not any(r.ditempatkan for r in RincianTPS.objects.filter(pemetaan=kedua))
    for r in pindah.select_related("pemilih"):
        assert r.sebelum["tps_id"] != r.sesudah["tps_id"] == r.pemilih.tps_id
        assert r.versi == r.pemilih.versi == 3
    p.refresh_from_db()
    client.force_login(operator)
    isi = client.get(reverse("api-v1:pemilih_riwayat", args=[p.pk])).json()
    assert isi[0]["sesudah"] == {"tps_id": pertama} and isi[0]["versi"] is None
    assert [x["aksi"] for x in isi] == ["pemilih.tps_petakan"] * len(isi)
    assert (len(isi) == 2) == (p.tps_id != pertama)
    lain = client.get(reverse("api-v1:pemilih_riwayat", args=[10**9]))
    assert lain.status_code == 404


@pytest.fixture
def pemetaan_tertahan(data_jatim_komit, operator, pemilu, warga, monkeypatch):
    """A mapping of Kedopok running in another thread, held after it has read (and locked)
    the voters: `mulai()` starts it and returns when it holds its locks, `lepas()` lets it
    finish and returns what it raised."""
    from django.db import connections

    from simpul.pemilih import services_pemetaan

    terbaca, lanjut, galat = threading.Event(), threading.Event(), []
    asli = services_pemetaan.tps_petakan

    def tahan(*a, **kw):
        terbaca.set()
        lanjut.wait(30)
        return asli(*a, **kw)

    def jalan():
        try:
            pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
        except Exception as e:  # returned by lepas()
            galat.append(e)
        finally:
            connections.close_all()

    monkeypatch.setattr(services_pemetaan, "tps_petakan", tahan)
    benang = threading.Thread(target=jalan)

    def mulai():
        benang.start()
        assert terbaca.wait(30)

    def lepas():
        lanjut.set()
        if benang.ident is not None:
            benang.join(60)
        return galat

    yield types.SimpleNamespace(mulai=mulai, lepas=lepas)
    lepas()  # a failed test must not leave it holding its locks into the teardown


def _tunggu_kunci_baris() -> None:
    """Until some backend of this database waits on a lock (at most 30 s)."""
    with connection.cursor() as c:
        for _ in range(300):
            c.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                      "AND datname = current_database()")
            if c.fetchone()[0]:
                return
            threading.Event().wait(0.1)
    pytest.fail("tidak ada yang menunggu kunci pemetaan")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_perubahan_saat_pemetaan_berjalan_tidak_hilang(pemetaan_tertahan, pemilu):
    """The mapping locks the voters it reads: a change made while it runs waits for it and
    lands after it, instead of being overwritten by a mapping computed without it."""
    from django.db import connections
    from django.db.models import F

    p = Pemilih.objects.get(nama="WARGA 18")
    tujuan = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=13)

    def ubah():
        try:
            Pemilih.objects.filter(pk=p.pk).update(tps=tujuan, versi=F("versi") + 1)
        finally:
            connections.close_all()

    pemetaan_tertahan.mulai()
    benang = threading.Thread(target=ubah)
    benang.start()
    _tunggu_kunci_baris()
    assert pemetaan_tertahan.lepas() == []
    benang.join(60)
    p.refresh_from_db()
    assert (p.tps_id, p.versi) == (tujuan.pk, 3)
    assert any(p.pk in r.ditempatkan for r in RincianTPS.objects.all())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks: PostgreSQL")
def test_kunci_tahap_menunggu_pemetaan_yang_berjalan(pemetaan_tertahan, operator, pemilu,
                                                     monkeypatch):
    """A stage lock asked while a mapping is writing waits for it (here: past its wait, it
    is refused by name and nothing is locked); once the mapping is done, it locks. So a
    mapping never commits into a list locked after it checked."""
    from simpul.pemilih import kunci
    from simpul.pemilih.models import KunciTahap
    from simpul.pemilih.services_pemetaan import pemetaan_fase
    from simpul.pemilih.services_tahap import tahap_kunci

    monkeypatch.setattr(kunci, "TUNGGU_PENULIS", 0.3)
    pemetaan_tertahan.mulai()
    assert pemetaan_fase(PemetaanTPS.objects.get()) == ("berjalan", "memetakan KK dan RT ke TPS",
                                                        25)
    with pytest.raises(Konflik) as e:
        tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    assert e.value.code == "pemilih.tahap_sibuk"
    assert not KunciTahap.objects.exists()
    assert pemetaan_tertahan.lepas() == []
    assert Pemilih.objects.filter(pemilu=pemilu, tps__isnull=True).count() == 0
    assert tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps").aktif


def test_pemetaan_membuat_tps_yang_kurang_dan_melewati_tms(operator, pemilu, warga):
    pemilu.parameter = {"maks_pemilih_per_tps": 1}
    pemilu.save()
    tms = warga[0]
    pemilih_tandai_tms(akun=operator, pemilih_id=tms.pk, versi=1, kategori="meninggal")
    run = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    # Families larger than the cap get a TPS alone and are reported; 17 active voters in 8
    # families minus the TMS one → 8 TPS, none created (13 exist).
    assert run.jumlah_tps == 8 and run.tps_baru == []
    assert "pemetaan.kk_melebihi_batas" in {t["kode"] for t in run.temuan}
    tms.refresh_from_db()
    assert tms.tps_id is None
    for i, p in enumerate(Pemilih.objects.filter(pemilu=pemilu).order_by("pk")):
        Pemilih.objects.filter(pk=p.pk).update(nkk=f"3574050102{i:06d}")
    run = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert run.jumlah_tps == 17
    assert run.tps_baru == [f"{KEDOPOK} TPS {n:03d}" for n in range(14, 18)]
    assert TPS.objects.filter(pemilu=pemilu, desa_id=KEDOPOK).count() == 17


def test_pemetaan_hanya_kpu_di_wilayahnya(buat_akun, pemilu, warga, akun_per_peran):
    with pytest.raises(Dilarang):
        pemetaan_jalankan(akun=akun_per_peran[Peran.PPS], pemilu=pemilu, wilayah_kode=KEDOPOK)
    lain = buat_akun(Peran.KPU_KAB_OPERATOR, "35.73")
    with pytest.raises(TidakDitemukan):
        pemetaan_jalankan(akun=lain, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert not PemetaanTPS.objects.exists()


def test_pindah_keluarga_cek_sebelum_simpan_rules3(operator, pemilu, warga):
    """RULES.md §3 on a move by hand: the check is shown first; errors block the save."""
    pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    kepala = Pemilih.objects.get(nama="WARGA 4")  # family of one, RT 001, TPS 1 or 2
    tps = {t.nomor: t for t in TPS.objects.filter(pemilu=pemilu, desa_id=KEDOPOK)}
    kosong = tps[6]
    cek = pemetaan_pindah(akun=operator, pemilih_id=kepala.pk, tps_id=kosong.pk)
    assert cek.boleh and not cek.disimpan and [a.pk for a in cek.anggota] == [kepala.pk]
    lain_desa = TPS.objects.filter(pemilu=pemilu, desa_id="35.74.05.1006").first()
    cek = pemetaan_pindah(akun=operator, pemilih_id=kepala.pk, tps_id=lain_desa.pk)
    assert "pemetaan.desa_campur" in [c.kode for c in cek.cek] and not cek.boleh
    with pytest.raises(DataTidakValid) as e:
        pemetaan_pindah(akun=operator, pemilih_id=kepala.pk, tps_id=lain_desa.pk, simpan=True)
    assert e.value.code == "pemetaan.desa_campur"
    ibu = Pemilih.objects.get(nama="WARGA 1")  # family of three
    penuh = Pemilih.objects.get(nama="WARGA 11").tps  # holds the family of four
    cek = pemetaan_pindah(akun=operator, pemilih_id=ibu.pk, tps_id=penuh.pk,
                          anggota_ids=[ibu.pk])
    assert {c.kode for c in cek.cek} >= {"pemetaan.kk_terpisah", "pemetaan.melebihi_batas"}
    assert Pemilih.objects.get(pk=ibu.pk).tps_id == ibu.tps_id  # a check saves nothing
    hasil = pemetaan_pindah(akun=operator, pemilih_id=kepala.pk, tps_id=kosong.pk, simpan=True,
                            alasan="dekat rumah")
    assert hasil.disimpan
    kepala.refresh_from_db()
    assert kepala.tps_id == kosong.pk and kepala.versi == 3
    r = RiwayatPemilih.objects.get(pemilih=kepala, aksi="pemilih.tps_pindah")
    assert r.alasan == "dekat rumah" and r.sesudah == {"tps_id": kosong.pk}
    assert AuditEntry.objects.filter(aksi="pemilih.tps_pindah").count() == 1
    kosong.refresh_from_db()
    assert kosong.jumlah_pemilih == 1


def test_halaman_dan_api_pemetaan(client, operator, pemilu, warga, celery_langsung,
                                  django_capture_on_commit_callbacks):
    from django.urls import reverse

    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("pemilih-pemetaan"), {"pemilu": pemilu.pk, "wilayah": KEDOPOK})
    assert r.status_code == 302
    halaman = client.get(r.url).content.decode()
    assert "KK utuh" in halaman and "TPS tidak diperlukan lagi" in halaman
    rincian = client.get(reverse("api-v1:pemilih_pemetaan_rincian"),
                         {"pemilu_id": pemilu.pk}).json()
    assert [x["nomor"] for x in rincian] == [1, 2, 3, 4, 5]
    kepala = Pemilih.objects.get(nama="WARGA 4")
    tps6 = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=6)
    h = client.get(reverse("pemilih-pemetaan-tps", args=[kepala.tps_id])).content.decode()
    assert "WARGA 4" in h
    cek = client.post(reverse("pemilih-pemetaan-tps", args=[kepala.tps_id]),
                      {"pemilih": kepala.pk, "tujuan": tps6.pk, "aksi": "periksa"})
    assert "Simpan pindah" in cek.content.decode()
    api = client.post(reverse("api-v1:pemilih_pemetaan_pindah"),
                      {"pemilih_id": kepala.pk, "tps_id": tps6.pk, "simpan": True},
                      content_type="application/json").json()
    assert api["disimpan"] and api["pemilih"] == [kepala.pk]
    lain = TPS.objects.filter(pemilu=pemilu, desa_id="35.74.05.1006").first()
    r = client.post(reverse("api-v1:pemilih_pemetaan_pindah"),
                    {"pemilih_id": kepala.pk, "tps_id": lain.pk, "simpan": True},
                    content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "pemetaan.desa_campur"


def test_pemetaan_sebagai_tugas_antre_jalan_dan_kemajuan(client, operator, pemilu, warga,
                                                        celery_langsung,
                                                        django_capture_on_commit_callbacks):
    """The page and the API queue a mapping; the page shows its progress while it is
    queued; the job maps, and a redelivered task changes nothing."""
    from django.urls import reverse

    from simpul.pemilih.services_pemetaan import pemetaan_proses

    client.force_login(operator)
    r = client.post(reverse("api-v1:pemilih_pemetaan"),
                    {"pemilu_id": pemilu.pk, "wilayah_kode": KEDOPOK},
                    content_type="application/json")  # on_commit not run: stays queued
    assert r.status_code == 202 and r.json()["status"] == "antre"
    antre = PemetaanTPS.objects.get(pk=r.json()["id"])
    halaman = client.get(reverse("pemilih-pemetaan"), {"pemilu": pemilu.pk}).content.decode()
    assert 'id="kemajuan"' in halaman and "<progress" in halaman
    assert "menunggu giliran" in halaman
    lagi = client.post(reverse("api-v1:pemilih_pemetaan"),
                       {"pemilu_id": pemilu.pk, "wilayah_kode": "35.74"},
                       content_type="application/json")
    assert lagi.status_code == 409 and lagi.json()["code"] == "pemetaan.sedang_berjalan"
    # Queued long ago and held by no worker: its task was lost, so it no longer blocks.
    PemetaanTPS.objects.filter(pk=antre.pk).update(dibuat=antre.dibuat - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=False):
        basi = client.post(reverse("api-v1:pemilih_pemetaan"),
                           {"pemilu_id": pemilu.pk, "wilayah_kode": KEDOPOK},
                           content_type="application/json")
    assert basi.status_code == 202
    antre.refresh_from_db()
    assert (antre.status, antre.kode_galat) == ("gagal", "pemilih.antrean_tidak_tersedia")
    antre = PemetaanTPS.objects.get(pk=basi.json()["id"])
    assert pemetaan_proses(pemetaan_id=antre.pk).status == "selesai"
    status = client.get(reverse("api-v1:pemilih_pemetaan_status", args=[antre.pk])).json()
    assert (status["status"], status["persen"], status["jumlah_pemilih"]) == ("selesai", 100, 18)
    versi = sorted(Pemilih.objects.values_list("versi", flat=True))
    assert pemetaan_proses(pemetaan_id=antre.pk).status == "selesai"  # redelivered
    assert sorted(Pemilih.objects.values_list("versi", flat=True)) == versi
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("api-v1:pemilih_pemetaan"),
                        {"pemilu_id": pemilu.pk, "wilayah_kode": KEDOPOK},
                        content_type="application/json")
    dijalankan = client.get(reverse("api-v1:pemilih_pemetaan_status", args=[r.json()["id"]]))
    assert dijalankan.json()["status"] == "selesai" and dijalankan.json()["pindah"] == 0
    luar = client.get(reverse("api-v1:pemilih_pemetaan_status", args=[10**9]))
    assert luar.status_code == 404


def test_pemetaan_yang_gagal_tercatat_dan_tidak_mengubah_apa_pun(operator, pemilu, warga):
    """A list locked after the mapping was queued: the job refuses, records the code on
    the run and leaves every voter as it was."""
    from simpul.pemilih.services_pemetaan import pemetaan_mulai, pemetaan_proses
    from simpul.pemilih.services_tahap import tahap_kunci

    run = pemetaan_mulai(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    run = pemetaan_proses(pemetaan_id=run.pk)
    assert (run.status, run.kode_galat) == ("gagal", "pemilih.tahap_terkunci")
    assert "dikunci" in run.pesan and run.selesai is not None
    assert not Pemilih.objects.filter(tps__isnull=False).exists()
    assert not RincianTPS.objects.exists()
    assert not AuditEntry.objects.filter(aksi="pemilih.tps_petakan").exists()


def test_temuan_kk_lintas_desa_nkk_disamarkan(operator, pemilu, warga):
    """A KK found in two desa is reported with the run, which every officer of the
    territory sees: the KK number is masked (UU 27/2022)."""
    w = warga[0]
    Pemilih.objects.create(pemilu=pemilu, nik="3574051205800099", nkk=w.nkk, nama="KERABAT",
                           tanggal_lahir=w.tanggal_lahir, jenis_kelamin="L", rt="001",
                           rw="001", desa_id="35.74.05.1006", status_kawin="S")
    run = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode="35.74.05")
    [t] = [t for t in run.temuan if t["kode"] == "pemetaan.kk_lintas_desa"]
    assert t["nkk"] != w.nkk and t["nkk"][:4] == w.nkk[:4] and "*" in t["nkk"]


def test_pemetaan_yang_buntu_dengan_penulis_lain_diulang_sekali(operator, pemilu, warga,
                                                                monkeypatch):
    """PostgreSQL aborts one side of a deadlock (40P01): the mapping, rolled back whole,
    tries once more; a second deadlock is a failure recorded on the run."""
    import psycopg
    from django.db import OperationalError

    from simpul.pemilih import services_pemetaan

    asli, panggilan = services_pemetaan._petakan, []

    def buntu(kali):
        def petakan(run):
            panggilan.append(run.pk)
            if len(panggilan) <= kali:
                try:
                    raise psycopg.errors.DeadlockDetected("deadlock detected")
                except psycopg.Error as e:
                    raise OperationalError("deadlock detected") from e
            asli(run)
        return petakan

    monkeypatch.setattr(services_pemetaan, "_petakan", buntu(1))
    run = pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert run.status == "selesai" and len(panggilan) == 2
    assert not Pemilih.objects.filter(tps__isnull=True).exists()
    panggilan.clear()
    monkeypatch.setattr(services_pemetaan, "_petakan", buntu(2))
    with pytest.raises(OperationalError):
        pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    gagal = PemetaanTPS.objects.order_by("-pk").first()
    assert (gagal.status, gagal.kode_galat) == ("gagal", "pemetaan.galat_sistem")
