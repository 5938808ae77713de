"""Named data-quality findings before a plenary, and Bawaslu's suggestion log
(ANCHORS.md, SIDALIH data 2023)."""

from datetime import date

import pytest

from simpul.core.errors import DataTidakValid
from simpul.core.models import AuditEntry
from simpul.pemilih.models import PemeriksaanMutu, Pemilih
from simpul.pemilih.rules import saran_boleh_pindah
from simpul.pemilih.services_mutu import mutu_periksa, saran_catat, saran_tindak_lanjut
from simpul.pemilih.services_tahap import tahap_kunci
from simpul.pemilu.demo import KEDOPOK

from .conftest import nik_untuk


def test_anchors_sidalih_temuan_mutu_bernama(operator, pemilu, pilkada, buat_pemilih):
    """RT/RW 000, NIK structure, NIK vs birth date and sex, age on polling day, missing
    elements, one NIK for two people: each a named finding with a count and examples."""
    baik = dict(tempat_lahir="PROBOLINGGO", alamat="Jl. Mawar 1")
    buat_pemilih(**baik)
    rt0 = buat_pemilih(rt="000", **baik)
    serial0 = buat_pemilih(nik="3574051205900000", **baik)
    kec_asing = buat_pemilih(nik="9974051205900007", **baik)
    beda_tgl = buat_pemilih(nik=nik_untuk(date(1991, 5, 12), urut=801), **baik)
    beda_jk = buat_pemilih(nik=nik_untuk(date(1990, 5, 12), urut=802, perempuan=True), **baik)
    muda = buat_pemilih(tanggal_lahir=date(2008, 1, 1), status_kawin="B", **baik)
    buat_pemilih(tanggal_lahir=date(2008, 1, 2), status_kawin="S", **baik)  # married: voter
    kosong = buat_pemilih(tempat_lahir="", alamat="Jl. Mawar 2")
    dua = buat_pemilih(**baik)
    Pemilih.objects.create(pemilu=pilkada, nik=dua.nik, nkk=dua.nkk, nama="ORANG LAIN",
                           tanggal_lahir=date(1970, 1, 1), jenis_kelamin="L",
                           desa_id=KEDOPOK)
    sama_orang = buat_pemilih(**baik)  # also in the Pilkada list with the same name: fine
    Pemilih.objects.create(pemilu=pilkada, nik=sama_orang.nik, nkk=sama_orang.nkk,
                           nama=sama_orang.nama, tanggal_lahir=sama_orang.tanggal_lahir,
                           jenis_kelamin="L", desa_id=KEDOPOK)
    hasil = mutu_periksa(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    temuan = {t["kode"]: t for t in hasil.temuan}
    ids = {k: {c["id"] for c in t["contoh"]} for k, t in temuan.items()}
    assert ids["mutu.rt_rw_000"] == {rt0.pk}
    assert ids["mutu.nik_struktur"] == {serial0.pk, kec_asing.pk}
    assert ids["mutu.nik_tanggal_beda"] == {beda_tgl.pk}
    assert ids["mutu.nik_jenis_kelamin_beda"] == {beda_jk.pk}
    assert ids["mutu.usia_hari_pemungutan"] == {muda.pk}
    assert ids["mutu.unsur_kosong"] == {kosong.pk}
    assert ids["mutu.nik_dua_orang"] == {dua.pk}
    assert temuan["mutu.nik_struktur"]["contoh"][0]["nik"].count("*") == 10
    assert hasil.jumlah_pemilih == 11 and len(hasil.temuan) == 7
    assert AuditEntry.objects.filter(aksi="pemilih.mutu_periksa").count() == 1


def test_kunci_tahap_mencatat_temuan_mutu_untuk_pleno(operator, pemilu, warga):
    tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    m = PemeriksaanMutu.objects.get()
    assert m.tahap == "dps" and m.jumlah_pemilih == 18
    assert {t["kode"]: t["jumlah"] for t in m.temuan}["mutu.unsur_kosong"] == 18


def test_saran_bawaslu_dilacak_sampai_selesai_atau_ditolak_dengan_alasan(operator, pemilu,
                                                                          buat_pemilih):
    p = buat_pemilih()
    s = saran_catat(akun=operator, pemilu=pemilu, kode_wilayah=KEDOPOK,
                    nomor_surat="001/PM.01/K.JI-27/2023", tanggal_surat=date(2023, 5, 2),
                    jenis="tms", isi="Pemilih meninggal 2022", pemilih_id=p.pk)
    with pytest.raises(DataTidakValid) as e:
        saran_tindak_lanjut(akun=operator, saran_id=s.pk, status="ditolak")
    assert e.value.code == "pemilih.saran_tanpa_alasan"
    s = saran_tindak_lanjut(akun=operator, saran_id=s.pk, status="diproses")
    s = saran_tindak_lanjut(akun=operator, saran_id=s.pk, status="selesai",
                            alasan="Dicoret TMS meninggal, surat kematian desa")
    with pytest.raises(DataTidakValid) as e:
        saran_tindak_lanjut(akun=operator, saran_id=s.pk, status="ditolak", alasan="x")
    assert e.value.code == "pemilih.saran_status_salah"
    with pytest.raises(DataTidakValid):
        saran_catat(akun=operator, pemilu=pemilu, kode_wilayah=KEDOPOK, nomor_surat=" ",
                    tanggal_surat=date(2023, 5, 2), jenis="tms", isi="x")
    assert AuditEntry.objects.filter(aksi__startswith="pemilih.saran_bawaslu").count() == 3


def test_transisi_saran_bawaslu():
    assert saran_boleh_pindah("baru", "ditolak") and saran_boleh_pindah("diproses", "selesai")
    assert not saran_boleh_pindah("selesai", "baru") and not saran_boleh_pindah("ditolak",
                                                                                 "selesai")


def test_halaman_dan_api_mutu_saran(client, operator, pemilu, buat_pemilih):
    from django.urls import reverse

    buat_pemilih(rt="000")
    client.force_login(operator)
    r = client.post(reverse("pemilih-mutu"), {"pemilu": pemilu.pk, "aksi": "periksa",
                                               "wilayah": KEDOPOK})
    assert r.status_code == 302
    assert "mutu.rt_rw_000" in client.get(r.url).content.decode()
    api = client.post(reverse("api-v1:pemilih_saran"), {
        "pemilu_id": pemilu.pk, "kode_wilayah": KEDOPOK, "nomor_surat": "12/BWS",
        "tanggal_surat": "2023-05-02", "jenis": "data_salah", "isi": "RT 000"},
        content_type="application/json").json()
    r = client.post(reverse("api-v1:pemilih_saran_status", args=[api["id"]]),
                    {"status": "ditolak"}, content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "pemilih.saran_tanpa_alasan"
    r = client.post(reverse("api-v1:pemilih_saran_status", args=[api["id"]]),
                    {"status": "ditolak", "alasan": "RT benar 000 di desa ini? tidak; data KK"},
                    content_type="application/json")
    assert r.json()["status"] == "ditolak"
    assert "12/BWS" in client.get(reverse("pemilih-mutu"), {"pemilu": pemilu.pk}).content.decode()
    m = client.post(reverse("api-v1:pemilih_mutu"), {"pemilu_id": pemilu.pk,
                                                     "wilayah_kode": KEDOPOK},
                    content_type="application/json").json()
    assert {t["kode"] for t in m["temuan"]} >= {"mutu.rt_rw_000", "mutu.nik_dua_orang"}
