"""The staff form that creates a CAT, and the periodic scoring of expired tests
(`simpul seleksi tutup-kedaluwarsa`)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.seleksi.models import KategoriSoal, SesiCAT, Ujian
from simpul.seleksi.services import peserta_masuk, sesi_mulai

pytestmark = pytest.mark.django_db


def _isian(**ubah):
    sekarang = timezone.localtime()
    data = {"nama": "CAT PPS Kota Probolinggo", "durasi_menit": "60",
            "dibuka": sekarang.strftime("%Y-%m-%dT%H:%M"),
            "ditutup": (sekarang + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            **{f"kategori_{k.pk}": "2" for k in KategoriSoal.objects.all()}}
    data.update(ubah)
    return data


def test_halaman_buat_ujian(client, operator_kota, rekrutmen_pps, bank):
    client.force_login(operator_kota)
    assert f'/seleksi/rekrutmen/{rekrutmen_pps.pk}/ujian/baru/'.encode() in \
        client.get("/seleksi/").content
    r = client.get(f"/seleksi/rekrutmen/{rekrutmen_pps.pk}/ujian/baru/")
    assert r.status_code == 200
    assert all(k["tersedia"] == 4 for k in r.context["kategori"])
    kirim = client.post(f"/seleksi/rekrutmen/{rekrutmen_pps.pk}/ujian/baru/", _isian())
    u = Ujian.objects.get()
    assert kirim.status_code == 302 and kirim["Location"] == f"/seleksi/ujian/{u.pk}/"
    assert u.durasi_menit == 60 and u.ditutup - u.dibuka == timedelta(hours=3)
    assert sorted(u.komposisi.values_list("jumlah", flat=True)) == [2, 2, 2, 2]
    assert AuditEntry.objects.filter(aksi="seleksi.ujian.buat", objek_id=str(u.pk)).exists()


@pytest.mark.parametrize("ubah, kode", [
    ({"kategori_1": "9"}, "seleksi.soal_kurang"),
    ({"dibuka": "besok pagi"}, "seleksi.ujian_tidak_valid"),
    ({"durasi_menit": "0"}, "seleksi.ujian_tidak_valid"),
])
def test_halaman_buat_ujian_menolak_dengan_kode(client, operator_kota, rekrutmen_pps, bank,
                                                ubah, kode):
    client.force_login(operator_kota)
    pertama = KategoriSoal.objects.order_by("pk").first().pk
    ubah = {(f"kategori_{pertama}" if k == "kategori_1" else k): v for k, v in ubah.items()}
    r = client.post(f"/seleksi/rekrutmen/{rekrutmen_pps.pk}/ujian/baru/", _isian(**ubah))
    assert r.status_code == 422 and f'data-code="{kode}"'.encode() in r.content
    assert b"CAT PPS Kota Probolinggo" in r.content  # what was typed is kept
    assert not Ujian.objects.exists()


def test_ppk_tidak_membuat_ujian(client, buat_akun, pemilu, rekrutmen_pps, bank):
    client.force_login(buat_akun(Peran.PPK, "35.74.05", pemilu))
    r = client.post(f"/seleksi/rekrutmen/{rekrutmen_pps.pk}/ujian/baru/", _isian())
    assert r.status_code == 403 and not Ujian.objects.exists()


def test_perintah_tutup_kedaluwarsa_menilai_sekali(peserta, ujian):
    p, kode = peserta
    s, _ = peserta_masuk(nomor=p.nomor, kode=kode)
    s = sesi_mulai(sesi=s, sekarang=timezone.now() - timedelta(minutes=30))
    assert s.tenggat < timezone.now() and s.selesai is None
    keluar = io.StringIO()
    call_command("seleksi", "tutup-kedaluwarsa", stdout=keluar)
    assert keluar.getvalue().startswith("1 tes dinilai") and f"ujian {ujian.pk}: 1" in \
        keluar.getvalue()
    s = SesiCAT.objects.get(pk=s.pk)
    assert s.sebab_selesai == "tenggat" and s.nilai is not None and s.selesai == s.tenggat
    keluar = io.StringIO()
    call_command("seleksi", "tutup-kedaluwarsa", stdout=keluar)
    assert keluar.getvalue().startswith("0 tes dinilai")
    assert AuditEntry.objects.filter(aksi="seleksi.cat.selesai").count() == 1


def test_perintah_tidak_menyentuh_tes_yang_masih_berjalan(peserta, ujian):
    p, kode = peserta
    s, _ = peserta_masuk(nomor=p.nomor, kode=kode)
    s = sesi_mulai(sesi=s)
    call_command("seleksi", "tutup-kedaluwarsa", stdout=io.StringIO())
    assert SesiCAT.objects.get(pk=s.pk).selesai is None
