from datetime import date, timedelta

import pytest

from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.humas.demo import demo_catatan_seed_002
from simpul.humas.errors import KodeHumas
from simpul.humas.rules import periode, rentang_sah, sk_berlaku
from simpul.humas.selectors import diseminasi_daftar, koordinasi_daftar, tim_berlaku
from simpul.humas.services import (
    catatan_hapus,
    diseminasi_catat,
    koordinasi_catat,
    sk_tim_tetapkan,
)

S1 = periode("semester", 2022, 1)


def test_rentang_sah():
    hari_ini = date(2022, 6, 30)
    assert rentang_sah(date(2022, 5, 12), date(2022, 6, 3), hari_ini)
    assert not rentang_sah(date(2022, 6, 3), date(2022, 5, 12), hari_ini)
    assert not rentang_sah(date(2022, 6, 3), date(2022, 7, 1), hari_ini)


def test_sk_berlaku_perubahan_menggantikan_daftar():
    class S:
        def __init__(self, pk, tanggal):
            self.pk, self.tanggal = pk, tanggal

    awal, ubah = S(1, date(2022, 1, 3)), S(2, date(2022, 4, 20))
    assert sk_berlaku([awal, ubah], date(2022, 1, 2)) is None
    assert sk_berlaku([awal, ubah], date(2022, 3, 31)) is awal
    assert sk_berlaku([awal, ubah], date(2022, 6, 30)) is ubah


def test_seed_002_koordinasi_diseminasi_dan_tim(staf_kota, staf_jatim):
    demo_catatan_seed_002(staf_kota)
    koordinasi = koordinasi_daftar(akun=staf_jatim, kantor_kode="35.74", periode=S1)
    assert sum(k.kategori_mitra == "pemerintah" for k in koordinasi) == 8
    assert sum(k.kategori_mitra == "nonpemerintah" for k in koordinasi) == 18
    diseminasi = diseminasi_daftar(akun=staf_kota, kantor_kode=None, periode=S1)
    per_bulan = [sum(d.tanggal.month == b for d in diseminasi) for b in range(1, 7)]
    assert per_bulan == [1, 2, 2, 2, 2, 7]
    tiktok = [d for d in diseminasi if d.presisi == "bulan"]
    assert [(d.tanggal, [k.kode for k in d.kanal.all()]) for d in tiktok] == [
        (date(2022, 4, 1), ["tiktok"]), (date(2022, 5, 1), ["tiktok"])]
    tim = tim_berlaku(akun=staf_kota, kantor_kode=None, tanggal=S1.akhir)
    assert [s.nomor for s in tim] == ["33/HK.03.1/3574/2022", "17/HK.03.1/3574/2022"]
    assert [a.jabatan_tim for a in tim[0].anggota.all()][:4] == [
        "Pembina", "Pembina", "Ketua", "Ketua Pelaksana"]
    assert [s.nomor for s in tim_berlaku(akun=staf_kota, kantor_kode=None,
                                         tanggal=date(2022, 3, 1))] == ["17/HK.03.1/3574/2022"]
    assert AuditEntry.objects.filter(aksi="sk_tim.tetapkan").count() == 2


def test_rentang_tanggal_melewati_batas_triwulan(staf_kota):
    koordinasi_catat(akun=staf_kota, tanggal_mulai="2022-03-28", tanggal_selesai="2022-04-02",
                     jenis="Rapat Koordinasi", mitra="Bawaslu", kategori_mitra="pemerintah",
                     uraian="Rakor")
    for nomor in (1, 2):
        assert len(koordinasi_daftar(akun=staf_kota, kantor_kode=None,
                                     periode=periode("triwulan", 2022, nomor))) == 1
    assert koordinasi_daftar(akun=staf_kota, kantor_kode=None,
                             periode=periode("triwulan", 2022, 3)) == []


@pytest.mark.parametrize("ubah, kode", [
    ({"tanggal_selesai": "2022-03-01"}, KodeHumas.TANGGAL_TIDAK_VALID),
    ({"tanggal_mulai": date.today() + timedelta(days=2)}, KodeHumas.TANGGAL_TIDAK_VALID),
    ({"kategori_mitra": "swasta"}, KodeHumas.KATEGORI_MITRA_TIDAK_VALID),
    ({"mitra": " "}, KodeHumas.ISIAN_KOSONG),
])
def test_koordinasi_salah_ditolak(staf_kota, ubah, kode):
    data = {"tanggal_mulai": "2022-03-09", "jenis": "Koordinasi", "mitra": "Polresta",
            "kategori_mitra": "pemerintah", "uraian": "Silaturahmi", **ubah}
    with pytest.raises(DataTidakValid) as e:
        koordinasi_catat(akun=staf_kota, **data)
    assert e.value.code == kode


def test_diseminasi_kanal_tidak_dikenal_dan_hapus_kantor_lain(staf_kota, staf_kab):
    with pytest.raises(DataTidakValid) as e:
        diseminasi_catat(akun=staf_kota, tanggal="2022-01-26", informasi="Hari H",
                         kanal=["friendster"])
    assert e.value.code == KodeHumas.KANAL_TIDAK_DIKENAL
    d = diseminasi_catat(akun=staf_kota, tanggal="2022-01-26", informasi="Hari H",
                         kanal=["IG", "fb"])
    with pytest.raises(TidakDitemukan):
        catatan_hapus(akun=staf_kab, jenis="diseminasi", catatan_id=d.pk)
    catatan_hapus(akun=staf_kota, jenis="diseminasi", catatan_id=d.pk)
    assert AuditEntry.objects.filter(aksi="diseminasi.hapus").exists()


def test_sk_perubahan_harus_mengubah_sk_yang_ada(staf_kota):
    anggota = [{"nama": "A", "jabatan_kedinasan": "Ketua KPU", "jabatan_tim": "Pembina"}]
    with pytest.raises(DataTidakValid) as e:
        sk_tim_tetapkan(akun=staf_kota, nomor="2/X", tanggal="2022-02-01", anggota=anggota,
                        mengubah="1/X")
    assert e.value.code == KodeHumas.SK_TIDAK_DITEMUKAN
    sk_tim_tetapkan(akun=staf_kota, nomor="1/X", tanggal="2022-02-01", anggota=anggota)
    with pytest.raises(DataTidakValid) as e:
        sk_tim_tetapkan(akun=staf_kota, nomor="1/X", tanggal="2022-02-01", anggota=anggota)
    assert e.value.code == KodeHumas.SK_GANDA
    with pytest.raises(DataTidakValid) as e:
        sk_tim_tetapkan(akun=staf_kota, nomor="3/X", tanggal="2022-01-01", anggota=anggota,
                        mengubah="1/X")
    assert e.value.code == KodeHumas.TANGGAL_TIDAK_VALID


def test_api_catatan(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post("/api/v1/humas/koordinasi", {
        "tanggal_mulai": "2022-05-12", "tanggal_selesai": "2022-06-03", "jenis": "Rapat",
        "mitra": "SMA", "kategori_mitra": "pemerintah", "uraian": "Audiensi CAT"},
        content_type="application/json")
    assert r.status_code == 201, r.content
    r = client.post("/api/v1/humas/diseminasi", {"tanggal": "2022-04-01", "presisi": "bulan",
                                                 "informasi": "Hari H", "kanal": ["tiktok"]},
                    content_type="application/json")
    assert r.status_code == 201 and r.json()["kanal"] == ["tiktok"]
    r = client.get("/api/v1/humas/koordinasi?periode=triwulan&nomor=2&tahun=2022")
    assert [k["mitra"] for k in r.json()] == ["SMA"]
    r = client.post("/api/v1/humas/sk-tim", {"nomor": "1/A", "tanggal": "2022-01-03",
                                             "anggota": []}, content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == KodeHumas.ISIAN_KOSONG
