"""Interview scores, ranking with its tie-break, and the announcement (page, PDF, lock)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from simpul.adhoc.models import Pendaftar
from simpul.core.errors import DataTidakValid, Dilarang, SimpulError, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.seleksi.models import SesiCAT
from simpul.seleksi.selectors import peringkat_rekrutmen
from simpul.seleksi.services import (
    kode_terbitkan,
    pengumuman_pdf,
    pengumuman_terbitkan,
    peserta_masuk,
    sesi_mulai,
    wawancara_catat,
)

from .conftest import JREBENG_KULON, KADEMANGAN_KEL, KEDOPOK


def _nilai_cat(sesi_pk: int, nilai: str) -> None:
    """Record a finished CAT directly (the CAT itself is tested in test_services_cat)."""
    s = SesiCAT.objects.get(pk=sesi_pk)
    SesiCAT.objects.filter(pk=s.pk).update(selesai=s.mulai, nilai=Decimal(nilai), benar=0,
                                           sebab_selesai="kirim")


def _ikut_cat(operator, ujian, p, nilai: str) -> None:
    [(_, kode)] = kode_terbitkan(akun=operator, ujian=ujian, pendaftar_id=p.pk)
    s, _ = peserta_masuk(nomor=p.nomor, kode=kode)
    _nilai_cat(sesi_mulai(sesi=s).pk, nilai)


def test_penguji_menilai_sekali_0_sampai_100_dan_diaudit(daftarkan, operator_kota, buat_akun,
                                                        pemilu):
    p = daftarkan()
    ppk = buat_akun(Peran.PPK, "35.74.05", pemilu)
    n = wawancara_catat(akun=ppk, pendaftar_id=p.pk, nilai="85,5", catatan="lancar")
    assert n.nilai == Decimal("85.5")
    assert AuditEntry.objects.get(aksi="seleksi.wawancara.catat").sesudah["nilai"] == "85.5"
    with pytest.raises(SimpulError) as e:
        wawancara_catat(akun=ppk, pendaftar_id=p.pk, nilai="90")
    assert e.value.code == "seleksi.wawancara_ganda" and e.value.status == 409
    for salah in ("101", "-1", "abc", "NaN", "70.125"):
        with pytest.raises(DataTidakValid) as e:
            wawancara_catat(akun=operator_kota, pendaftar_id=p.pk, nilai=salah)
        assert e.value.code == "seleksi.nilai_wawancara_tidak_valid"
    wawancara_catat(akun=operator_kota, pendaftar_id=p.pk, nilai="70")
    assert p.nilai_wawancara.count() == 2


def test_penguji_di_luar_wilayahnya_404(daftarkan, buat_akun, pemilu):
    """A PPK of Kedopok cannot score (or even see) an applicant of Kademangan."""
    p = daftarkan(desa=KADEMANGAN_KEL)
    ppk_kedopok = buat_akun(Peran.PPK, "35.74.05", pemilu)
    with pytest.raises(TidakDitemukan):
        wawancara_catat(akun=ppk_kedopok, pendaftar_id=p.pk, nilai="80")
    assert not p.nilai_wawancara.exists()


def test_pps_bukan_penguji_dan_pendaftar_belum_ms_tidak_dinilai(daftarkan, buat_akun, pemilu,
                                                               operator_kota):
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    p = daftarkan()
    with pytest.raises(Dilarang):
        wawancara_catat(akun=pps, pendaftar_id=p.pk, nilai="80")
    belum = daftarkan(ms=False)
    with pytest.raises(TidakDitemukan):
        wawancara_catat(akun=operator_kota, pendaftar_id=belum.pk, nilai="80")


def test_peringkat_seri_diputus_nilai_cat_lalu_waktu_daftar(daftarkan, operator_kota, ujian):
    awal = timezone.now() - timedelta(days=1)
    # a: 70/70 -> 70; b: 80/55 -> 70 (higher CAT); c: 70/70 -> 70 but registered after a.
    data = {"a": ("70", "70", 0), "b": ("80", "55", 5), "c": ("70", "70", 1),
            "d": ("90", "90", 9), "e": ("50", "50", 2)}
    pendaftar = {}
    for kunci, (cat, waw, menit) in data.items():
        p = daftarkan(nama=kunci)
        Pendaftar.objects.filter(pk=p.pk).update(dibuat=awal + timedelta(minutes=menit))
        _ikut_cat(operator_kota, ujian, p, cat)
        wawancara_catat(akun=operator_kota, pendaftar_id=p.pk, nilai=waw)
        pendaftar[kunci] = p
    tanpa = daftarkan(nama="f")  # MS, no CAT, no interview
    lain_desa = daftarkan(nama="g", desa=JREBENG_KULON)
    h = peringkat_rekrutmen(akun=operator_kota, rekrutmen=ujian.rekrutmen)
    assert (h.bobot_cat, h.bobot_wawancara, h.kursi, h.cadangan) == (60, 40, 3, 3)
    wilayah = {kode: calon for kode, _, calon in h.wilayah}
    urut = [c.pendaftar_id for c in wilayah[KEDOPOK]]
    assert urut == [pendaftar[k].pk for k in "dbace"] + [tanpa.pk]
    assert [c.keterangan for c in wilayah[KEDOPOK]] == [
        "Terpilih", "Terpilih", "Terpilih", "Cadangan", "Cadangan", "Nilai belum lengkap"]
    assert [c.pendaftar_id for c in wilayah[JREBENG_KULON]] == [lain_desa.pk]


def test_bobot_adalah_parameter_pemilu(daftarkan, operator_kota, ujian):
    pemilu = ujian.rekrutmen.pemilu
    pemilu.parameter = {**pemilu.parameter, "seleksi_bobot_cat": 100,
                        "seleksi_bobot_wawancara": 0}
    pemilu.save()
    p, q = daftarkan(), daftarkan()
    _ikut_cat(operator_kota, ujian, p, "60")
    _ikut_cat(operator_kota, ujian, q, "61")
    wawancara_catat(akun=operator_kota, pendaftar_id=p.pk, nilai="100")
    wawancara_catat(akun=operator_kota, pendaftar_id=q.pk, nilai="0")
    [(_, _, calon)] = peringkat_rekrutmen(akun=operator_kota, rekrutmen=ujian.rekrutmen).wilayah
    assert [(c.pendaftar_id, str(c.akhir)) for c in calon] == [(q.pk, "61.00"), (p.pk, "60.00")]


def test_pengumuman_nik_disamarkan_pdf_diaudit_dan_nilai_terkunci(daftarkan, operator_kota,
                                                                 ujian):
    p = daftarkan(nama="Siti")
    _ikut_cat(operator_kota, ujian, p, "80")
    wawancara_catat(akun=operator_kota, pendaftar_id=p.pk, nilai="90")
    q = daftarkan()
    umum = pengumuman_terbitkan(akun=operator_kota, rekrutmen=ujian.rekrutmen,
                                nomor_surat="001/PP.04-Pu/3574/2024")
    [calon] = [c for w in umum.isi["daftar"] for c in w["calon"] if c["nomor"] == p.nomor]
    assert calon["nik"] == p.nik[:4] + "*" * 10 + p.nik[14:]
    assert p.nik not in str(umum.isi)
    assert calon["akhir"] == "84.00" and calon["keterangan"] == "Terpilih"
    pdf = pengumuman_pdf(akun=None, pengumuman=umum)
    assert pdf.startswith(b"%PDF-")
    ekspor = AuditEntry.objects.get(aksi="seleksi.pengumuman.ekspor")
    assert ekspor.sesudah["sidik"] == umum.sidik
    # Locked: no more interview scores, no second announcement, no new test.
    with pytest.raises(SimpulError) as e:
        wawancara_catat(akun=operator_kota, pendaftar_id=q.pk, nilai="50")
    assert e.value.code == "seleksi.hasil_terkunci"
    with pytest.raises(SimpulError) as e:
        pengumuman_terbitkan(akun=operator_kota, rekrutmen=ujian.rekrutmen, nomor_surat="002")
    assert e.value.code == "seleksi.hasil_terkunci"
    [(_, kode)] = kode_terbitkan(akun=operator_kota, ujian=ujian, pendaftar_id=q.pk)
    s, _ = peserta_masuk(nomor=q.nomor, kode=kode)
    with pytest.raises(SimpulError) as e:
        sesi_mulai(sesi=s)
    assert e.value.code == "seleksi.hasil_terkunci"


def test_pengumuman_ditolak_saat_peserta_masih_ujian(daftarkan, operator_kota, ujian, buat_akun):
    p = daftarkan()
    [(_, kode)] = kode_terbitkan(akun=operator_kota, ujian=ujian, pendaftar_id=p.pk)
    s, _ = peserta_masuk(nomor=p.nomor, kode=kode)
    s = sesi_mulai(sesi=s)
    with pytest.raises(SimpulError) as e:
        pengumuman_terbitkan(akun=operator_kota, rekrutmen=ujian.rekrutmen, nomor_surat="1",
                             sekarang=s.mulai + timedelta(minutes=1))
    assert e.value.code == "seleksi.nilai_belum_lengkap"
    # After the deadline the running test is scored and publishing goes through.
    umum = pengumuman_terbitkan(akun=operator_kota, rekrutmen=ujian.rekrutmen, nomor_surat="1",
                                sekarang=s.tenggat + timedelta(seconds=1))
    assert SesiCAT.objects.get(pk=s.pk).sebab_selesai == "tenggat" and umum.pk
    # Another kota's KPU cannot publish it.
    lain = buat_akun(Peran.KPU_KAB_OPERATOR, "35.13")
    with pytest.raises(TidakDitemukan):
        pengumuman_terbitkan(akun=lain, rekrutmen=ujian.rekrutmen, nomor_surat="x")
