"""A candidate takes a short CAT on a phone in Debian's chromium: login with the card's
code, one question per screen, a dropped connection in the middle, a reload, submit."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from simpul.adhoc.services import pendaftar_daftar, pendaftar_putuskan, rekrutmen_buat
from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.pemilu.models import Pemilu
from simpul.seleksi.models import Jawaban, KategoriSoal, SesiCAT, Soal
from simpul.seleksi.services import kode_terbitkan, soal_impor, ujian_buat

from .conftest import JPEG, KEDOPOK, PDF, csv_bank

pytestmark = pytest.mark.browser


def _siapkan():
    pemilu = Pemilu.objects.get(nama="Pemilu 2024")
    op = Akun.objects.create_user(username="op", password="x-Rahasia-123",
                                  peran=Peran.KPU_KAB_OPERATOR, wilayah_id="35.74")
    hari_ini = timezone.localdate()
    r = rekrutmen_buat(akun=op, pemilu=pemilu, badan="pps", kode_wilayah="35.74",
                       nama="PPS Kota Probolinggo", pengumuman=hari_ini,
                       pendaftaran_mulai=hari_ini, pendaftaran_selesai=hari_ini)
    p, _ = pendaftar_daftar(
        rekrutmen=r, kunci_idempoten="b-1", nik="3574051205900001", nama="Budi Santoso",
        jenis_kelamin="L", tanggal_lahir=date(1990, 5, 12), alamat="Jl. Mastrip",
        kode_domisili=KEDOPOK, kode_tugas=KEDOPOK, pendidikan="sma", telepon="081234567890",
        bukan_anggota_partai=True, tidak_pernah_dipidana=True,
        berkas={"ktp": JPEG, "ijazah": PDF, "surat_sehat": PDF, "surat_pernyataan": PDF})
    pendaftar_putuskan(akun=op, pendaftar_id=p.pk, keputusan="ms", alasan="lengkap")
    soal_impor(akun=op, data=csv_bank(2), nama_berkas="bank.csv")
    sekarang = timezone.now()
    u = ujian_buat(akun=op, rekrutmen=r, nama="CAT PPS", durasi_menit=5,
                   dibuka=sekarang - timedelta(minutes=5), ditutup=sekarang + timedelta(hours=1),
                   komposisi={k.pk: 1 for k in KategoriSoal.objects.all()})
    [(_, kode)] = kode_terbitkan(akun=op, ujian=u, pendaftar_id=p.pk)
    return p, kode


def _benar(sesi: SesiCAT, nomor: int) -> int:
    b = sesi.susunan[nomor - 1]
    return b["p"].index(Soal.objects.get(pk=b["s"]).kunci)


def test_peserta_mengerjakan_cat_di_ponsel(settings, tmp_path, data_jatim, buka_halaman,
                                           tangkap_layar):
    settings.MEDIA_ROOT = tmp_path
    p, kode = _siapkan()
    halaman = buka_halaman()
    halaman.on("dialog", lambda d: d.accept())
    halaman.goto("/seleksi/cat/")
    halaman.fill("input[name=nomor]", p.nomor.lower())
    halaman.fill("input[name=kode]", kode)
    halaman.click("button.utama")
    halaman.wait_for_url("**/seleksi/cat/tes/")
    halaman.click("#mulai")
    expect(halaman.get_by_test_id("nomor-soal")).to_have_text("1 / 4")
    expect(halaman.get_by_test_id("sisa-waktu")).to_have_text(
        re.compile(r"0[45]:\d\d"))
    sesi = SesiCAT.objects.get(pendaftar=p)
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    tangkap_layar(halaman, "seleksi-cat-ponsel.png")

    def jawab(nomor: int):
        expect(halaman.get_by_test_id("nomor-soal")).to_have_text(f"{nomor} / 4")
        halaman.locator(f"#pilihan button[data-pilihan='{_benar(sesi, nomor)}']").click()

    jawab(1)
    expect(halaman.get_by_test_id("status-simpan")).to_have_text("Semua jawaban tersimpan.")
    halaman.click("#berikut")
    jawab(2)
    expect(halaman.get_by_test_id("status-simpan")).to_have_text("Semua jawaban tersimpan.")

    # The connection drops: the click is kept and sent when it comes back.
    halaman.context.set_offline(True)
    halaman.click("#berikut")
    jawab(3)
    expect(halaman.get_by_test_id("status-simpan")).to_contain_text("Koneksi terputus")
    assert not Jawaban.objects.filter(sesi=sesi, nomor=3).exists()
    halaman.context.set_offline(False)
    expect(halaman.get_by_test_id("status-simpan")).to_have_text("Semua jawaban tersimpan.",
                                                                 timeout=20_000)
    assert Jawaban.objects.filter(sesi=sesi).count() == 3

    # A reload resumes at the first unanswered question with the same deadline.
    halaman.reload()
    expect(halaman.get_by_test_id("nomor-soal")).to_have_text("4 / 4")
    expect(halaman.locator("#peta button.terjawab")).to_have_count(3)
    jawab(4)
    expect(halaman.get_by_test_id("status-simpan")).to_have_text("Semua jawaban tersimpan.")
    halaman.click("#kirim")
    expect(halaman.get_by_test_id("hasil-benar")).to_have_text("4 / 4")
    expect(halaman.get_by_test_id("hasil-nilai")).to_have_text("100.00")
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    sesi.refresh_from_db()
    assert sesi.sebab_selesai == "kirim" and str(sesi.nilai) == "100.00"
    # Replays of the same saves were not stored twice.
    assert sesi.log.count() == 4
