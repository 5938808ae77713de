from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.humas.errors import KodeHumas
from simpul.humas.models import KampanyeUnggahan, Publikasi
from simpul.humas.rules import penerbit_kampanye_sah, sasaran_kampanye, tagar_sah
from simpul.humas.selectors import kampanye_daftar, kampanye_komentar_daftar, kampanye_status
from simpul.humas.services import (
    kampanye_komentar,
    kampanye_terbitkan,
    kampanye_unggahan_catat,
    publikasi_simpan,
)

IG = "https://www.instagram.com/p/KMP001/"


@pytest.fixture
def kampanye_jatim(staf_jatim):
    sekarang = timezone.now()
    return kampanye_terbitkan(akun=staf_jatim, judul="Ayo cek DPT", isi="Naskah bersama.",
                              tagar="#CekDPTJatim", mulai=sekarang - timedelta(hours=2),
                              selesai=sekarang + timedelta(days=1))


def test_penerbit_dan_sasaran_keputusan_kpu_561_2021():
    """Keputusan KPU 561/HM.03.5-Kpt/06/KPU/VIII/2021: KPU coordinates the provinces and
    kabupaten/kota, a KPU Provinsi the kabupaten/kota in it."""
    assert penerbit_kampanye_sah(None, kpu_ri=True)
    assert penerbit_kampanye_sah("provinsi", kpu_ri=False)
    assert not penerbit_kampanye_sah("kota", kpu_ri=False)
    assert sasaran_kampanye("35", "35.74", "kota")
    assert sasaran_kampanye(None, "35", "provinsi")
    assert not sasaran_kampanye("35", "35", "provinsi")
    assert not sasaran_kampanye("35", "33.01", "kabupaten")
    assert not sasaran_kampanye("35", "35.74.05", "kecamatan")
    assert tagar_sah("#Pemilu2024") and not tagar_sah("#Pemilu 2024") and not tagar_sah("#")


def test_kabupaten_tidak_boleh_menerbitkan(staf_kota):
    with pytest.raises(DataTidakValid) as e:
        kampanye_terbitkan(akun=staf_kota, judul="x", isi="y", tagar="#x",
                           mulai=timezone.now(), selesai=timezone.now() + timedelta(hours=1))
    assert e.value.code == KodeHumas.KAMPANYE_PENERBIT


def test_kantor_mengunggah_dan_tingkat_atas_melihat_siapa_belum(kampanye_jatim, staf_kota,
                                                                staf_jatim, staf_kab):
    assert [k.pk for k in kampanye_daftar(akun=staf_kota)] == [kampanye_jatim.pk]
    ku = kampanye_unggahan_catat(akun=staf_kota, kampanye_id=kampanye_jatim.pk, tautan=IG)
    assert ku.kanal_id == "instagram" and ku.kantor_id == "35.74"
    # The post is in the office's publication log, so the recap counts it.
    p = Publikasi.objects.get(kantor_id="35.74")
    assert p.judul == "Ayo cek DPT #CekDPTJatim" and ku.unggahan.publikasi_id == p.pk
    kampanye_unggahan_catat(akun=staf_kota, kampanye_id=kampanye_jatim.pk,
                            tautan="https://x.com/kpukota/status/77")
    assert Publikasi.objects.get(kantor_id="35.74").unggahan.count() == 2  # one cross-post

    status = kampanye_status(akun=staf_jatim, kampanye_id=kampanye_jatim.pk)
    baris = {b.kode: b for b in status["baris"]}
    assert len(baris) == 38  # the 29 kabupaten and 9 kota of Jawa Timur
    assert baris["35.74"].jumlah == 2 and baris["35.74"].pertama is not None
    assert baris["35.13"].pertama is None and not baris["35.13"].terlambat
    assert status["sudah"] == 1 and status["belum"] == 37
    [prov] = status["provinsi"]
    assert prov["kode"] == "35" and prov["sudah"] == 1 and prov["jumlah"] == 38
    # The office below does not see the table of the others.
    with pytest.raises(TidakDitemukan):
        kampanye_status(akun=staf_kab, kampanye_id=kampanye_jatim.pk)
    assert AuditEntry.objects.filter(aksi="kampanye.unggah").count() == 2


def test_status_kampanye_nasional_jumlah_kueri_tetap(buat_akun, staf_kota):
    ri = buat_akun(Peran.KPU_RI)
    k = kampanye_terbitkan(akun=ri, judul="Hari Pemilu", isi="x", tagar="HariPemilu",
                           mulai=timezone.now() - timedelta(hours=1),
                           selesai=timezone.now() + timedelta(hours=1))
    assert k.tagar == "#HariPemilu"
    kampanye_unggahan_catat(akun=staf_kota, kampanye_id=k.pk, tautan=IG)
    with CaptureQueriesContext(connection) as q:
        status = kampanye_status(akun=ri, kampanye_id=k.pk)
    assert len(q.captured_queries) <= 5
    assert status["jumlah"] > 500 and status["sudah"] == 1
    assert len(status["provinsi"]) == 38


def test_tautan_yang_sudah_di_log_ditautkan(kampanye_jatim, staf_kota):
    p = publikasi_simpan(akun=staf_kota, tanggal=timezone.localdate(), jenis_konten="Repost",
                         judul="Repost cek DPT", unggahan=[{"kanal": "instagram", "tautan": IG}])
    ku = kampanye_unggahan_catat(akun=staf_kota, kampanye_id=kampanye_jatim.pk, tautan=IG)
    assert ku.unggahan.publikasi_id == p.pk and Publikasi.objects.count() == 1


def test_unggahan_untuk_kantor_lain_ditolak(kampanye_jatim, staf_kab):
    with pytest.raises(SimpulError) as e:
        kampanye_unggahan_catat(akun=staf_kab, kampanye_id=kampanye_jatim.pk, tautan=IG,
                                kantor_kode="35.74")
    assert e.value.code == KodeHumas.KAMPANYE_KANTOR_LAIN and e.value.status == 403
    assert not KampanyeUnggahan.objects.exists()


def test_unggahan_untuk_kampanye_yang_tidak_ditujukan_ditolak(kampanye_jatim, staf_jatim,
                                                               buat_akun):
    jateng = buat_akun(Peran.KPU_KAB_OPERATOR, "33.74")
    for akun in (jateng, staf_jatim):  # another province's office; the publisher itself
        with pytest.raises(SimpulError) as e:
            kampanye_unggahan_catat(akun=akun, kampanye_id=kampanye_jatim.pk, tautan=IG)
        assert e.value.code == KodeHumas.KAMPANYE_BUKAN_SASARAN
    assert not KampanyeUnggahan.objects.exists() and not Publikasi.objects.exists()


def test_waktu_sebelum_mulai_dan_tautan_ganda(kampanye_jatim, staf_kota):
    with pytest.raises(DataTidakValid) as e:
        kampanye_unggahan_catat(akun=staf_kota, kampanye_id=kampanye_jatim.pk, tautan=IG,
                                waktu=kampanye_jatim.mulai - timedelta(minutes=1))
    assert e.value.code == KodeHumas.TANGGAL_TIDAK_VALID
    kampanye_unggahan_catat(akun=staf_kota, kampanye_id=kampanye_jatim.pk, tautan=IG)
    with pytest.raises(DataTidakValid) as e:
        kampanye_unggahan_catat(akun=staf_kota, kampanye_id=kampanye_jatim.pk, tautan=IG)
    assert e.value.code == KodeHumas.TAUTAN_GANDA


def test_komentar_dua_arah(kampanye_jatim, staf_jatim, staf_kota):
    tanya = kampanye_komentar(akun=staf_kota, kampanye_id=kampanye_jatim.pk,
                              isi="Materi video belum bisa diunduh.")
    kampanye_komentar(akun=staf_jatim, kampanye_id=kampanye_jatim.pk, induk_id=tanya.pk,
                      isi="Sudah kami unggah ulang.")
    [c] = kampanye_komentar_daftar(akun=staf_kota, kampanye_id=kampanye_jatim.pk)
    assert c.kantor_id == "35.74" and [r.kantor_id for r in c.balasan.all()] == ["35"]
    assert AuditEntry.objects.filter(aksi="kampanye.komentar").count() == 2


def test_halaman_dan_api(client, kampanye_jatim, staf_kota, staf_jatim, staf_kab):
    client.force_login(staf_kota)
    r = client.post(reverse("humas-kampanye", args=[kampanye_jatim.pk]),
                    {"aksi": "unggahan", "tautan": IG})
    assert r.status_code == 302
    r = client.post(f"/api/v1/humas/kampanye/{kampanye_jatim.pk}/unggahan",
                    {"tautan": "https://x.com/a/status/9", "kantor": "35.13"},
                    content_type="application/json")
    assert r.status_code == 403 and r.json()["code"] == KodeHumas.KAMPANYE_KANTOR_LAIN
    client.force_login(staf_jatim)
    halaman = client.get(reverse("humas-kampanye-status", args=[kampanye_jatim.pk]))
    isi = halaman.content.decode()
    assert halaman.status_code == 200 and "1</b> dari 38" in isi and 'class="sel sudah"' in isi
    r = client.get(f"/api/v1/humas/kampanye/{kampanye_jatim.pk}/status")
    assert r.json()["sudah"] == 1
    client.force_login(staf_kab)
    assert client.get(reverse("humas-kampanye", args=[kampanye_jatim.pk])).status_code == 200
