"""End to end in a real browser: an applicant registers on a phone with uploads, a PPS
verifier accepts, KPU Kota runs the placement and issues the SK, which downloads and opens."""

import hashlib
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from simpul.adhoc.models import Anggota, Pendaftar, StatusPendaftar, Unggahan
from simpul.adhoc.services import rekrutmen_buat
from simpul.adhoc.tests.conftest import JPEG, NIK_BUDI, PDF, PNG
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS, Pemilu

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 800}


def _enam_pelamar_ms(r) -> None:
    """Six verified applicants of Kedopok already in the round (two IT-literate)."""
    Pendaftar.objects.bulk_create([Pendaftar(
        rekrutmen=r, pemilu_id=r.pemilu_id, nomor=f"KPPS-UJI{i:04d}", kunci_idempoten=f"u{i}",
        nik=f"35740501019{i:05d}", nama=f"Anggota Uji {i}", jenis_kelamin="L",
        tanggal_lahir=date(1990, 1, 1), alamat="Jl. Uji", domisili_id=KEDOPOK,
        wilayah_tugas_id=KEDOPOK, pendidikan="sma", telepon="081234567890",
        bukan_anggota_partai=True, tidak_pernah_dipidana=True, melek_it=i < 2,
        status=StatusPendaftar.MEMENUHI_SYARAT) for i in range(1, 7)])


def test_daftar_di_ponsel_verifikasi_penempatan_dan_sk(data_jatim, buat_akun, buka_halaman,
                                                        tangkap_layar, tmp_path):
    pilkada = Pemilu.objects.get(nama="Pilkada 2024 Kota Probolinggo")
    operator = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    hari_ini = timezone.localdate()
    r = rekrutmen_buat(akun=operator, pemilu=pilkada, badan="kpps", kode_wilayah="35.74",
                       nama="Pembentukan KPPS Pilkada 2024", pengumuman=hari_ini,
                       pendaftaran_mulai=hari_ini, pendaftaran_selesai=hari_ini + timedelta(5))
    _enam_pelamar_ms(r)
    for nama, isi in (("ktp.jpg", JPEG), ("ijazah.pdf", PDF), ("sehat.pdf", PDF),
                      ("pernyataan.png", PNG)):
        (tmp_path / nama).write_bytes(isi)

    # 1. The applicant, on a phone, no login.
    hp = buka_halaman()
    hp.goto(f"/adhoc/daftar/{r.pk}/")
    hp.fill("#id_nik", NIK_BUDI)
    hp.fill("#id_nama", "Budi Santoso")
    hp.select_option("#id_jenis_kelamin", "L")
    hp.fill("#id_tanggal_lahir", "1990-05-12")
    hp.fill("#id_alamat", "Jl. Mastrip 1")
    hp.select_option("#id_kode_domisili", KEDOPOK)
    hp.select_option("#id_kode_tugas", KEDOPOK)
    hp.select_option("#id_pendidikan", "sma")
    hp.fill("#id_telepon", "081234567890")
    hp.check("#id_bukan_anggota_partai")
    hp.check("#id_tidak_pernah_dipidana")
    hp.check("#id_melek_it")
    for kode, nama in (("ktp", "ktp.jpg"), ("ijazah", "ijazah.pdf"),
                       ("surat_sehat", "sehat.pdf"), ("surat_pernyataan", "pernyataan.png")):
        hp.set_input_files(f"#berkas-{kode}", str(tmp_path / nama))
        expect(hp.get_by_test_id(f"tanda-{kode}")).to_contain_text("SHA-256")
    assert hp.evaluate("document.documentElement.scrollWidth") <= 360
    hp.click("#form-daftar button[type=submit]")
    hp.wait_for_url("**/adhoc/status/**")
    p = Pendaftar.objects.get(nik=NIK_BUDI)
    expect(hp.locator("body")).to_contain_text(p.nomor)
    assert p.berkas.count() == 4
    tangkap_layar(hp, "adhoc-daftar-ponsel.png")

    # 2. The PPS of the kelurahan checks every rule and accepts, on a phone too.
    pps = buka_halaman(buat_akun(Peran.PPS, KEDOPOK, pilkada))
    pps.goto("/adhoc/verifikasi/")
    pps.locator("a", has_text=p.nomor).first.click()
    expect(pps.get_by_test_id("hasil-akhir")).to_have_text("Lulus")
    pps.click("button[name=keputusan][value=ms]")
    expect(pps.get_by_test_id("status")).to_contain_text("Memenuhi syarat")

    # 3. KPU Kota runs the placement, then issues the SK for Kedopok.
    kpu = buka_halaman(operator, viewport=DESKTOP)
    kpu.goto(f"/adhoc/rekrutmen/{r.pk}/anggota/")
    kpu.get_by_test_id("tempatkan").click()
    expect(kpu.get_by_test_id("ditempatkan")).to_have_text("7")
    tps1 = TPS.objects.get(pemilu=pilkada, desa_id=KEDOPOK, nomor=1)
    kursi = Anggota.objects.filter(rekrutmen=r, tps=tps1)
    assert kursi.count() == 7 and kursi.filter(pendaftar=p).exists()
    expect(kpu.get_by_test_id("kekurangan")).to_contain_text("kurang pendaftar")
    kpu.goto(f"/adhoc/rekrutmen/{r.pk}/sk/")
    kpu.fill("#nomor", "123/PP.04.2-Kpt/3574/2024")
    kpu.fill("#wilayah", KEDOPOK)
    kpu.locator("[data-testid=form-sk] button").click()
    expect(kpu.get_by_test_id("daftar-sk")).to_contain_text("123/PP.04.2-Kpt/3574/2024")

    # 4. The SK downloads as DOCX and PDF, and opens with the new member in it.
    with kpu.expect_download() as unduh:
        kpu.get_by_test_id("sk-docx").first.click()
    dok = Document(io.BytesIO(open(unduh.value.path(), "rb").read()))
    teks = " ".join(c.text for t in dok.tables for row in t.rows for c in row.cells)
    assert "Budi Santoso" in teks and NIK_BUDI not in teks
    with kpu.expect_download() as unduh:
        kpu.get_by_test_id("sk-pdf").first.click()
    pdf = open(unduh.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
    tangkap_layar(kpu, "adhoc-sk.png")


def test_unggahan_lanjut_setelah_koneksi_putus_di_ponsel(data_jatim, buat_akun, buka_halaman,
                                                         tmp_path):
    """ANCHORS SIAKBA row 2: the connection drops in the middle of a file; the page asks the
    server for the offset and resumes; the receipt's SHA-256 is the file's own. A file over
    the limit is refused in the browser before any byte is sent."""
    pilkada = Pemilu.objects.get(nama="Pilkada 2024 Kota Probolinggo")
    hari_ini = timezone.localdate()
    r = rekrutmen_buat(akun=buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"), pemilu=pilkada,
                       badan="kpps", kode_wilayah="35.74", nama="KPPS Pilkada 2024",
                       pengumuman=hari_ini, pendaftaran_mulai=hari_ini,
                       pendaftaran_selesai=hari_ini + timedelta(5))
    ijazah = b"%PDF-1.4\n" + bytes(range(256)) * 2400 + b"\n%%EOF\n"  # ~600 KB, 3 chunks
    (tmp_path / "ijazah.pdf").write_bytes(ijazah)
    (tmp_path / "besar.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 2**20) + b"%%EOF")
    putus, permintaan = [], []

    def jaringan(route, request):
        permintaan.append((request.method, request.url))
        if request.method == "PUT" and "awal=0" not in request.url and not putus:
            putus.append(request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    hp = buka_halaman()
    hp.route("**/adhoc/unggah/**", jaringan)
    hp.goto(f"/adhoc/daftar/{r.pk}/")
    hp.set_input_files("#berkas-surat_sehat", str(tmp_path / "besar.pdf"))
    expect(hp.locator(".berkas[data-jenis=surat_sehat] .pesan.error")).to_contain_text(
        "terlalu besar")
    assert permintaan == []
    hp.set_input_files("#berkas-ijazah", str(tmp_path / "ijazah.pdf"))
    expect(hp.get_by_test_id("tanda-ijazah")).to_contain_text("SHA-256", timeout=30_000)
    assert len(putus) == 1
    assert any(m == "GET" for m, _ in permintaan)  # asked the server for the offset
    u = Unggahan.objects.get(jenis="ijazah")
    assert u.sha256 == hashlib.sha256(ijazah).hexdigest() and u.ukuran == len(ijazah)
    assert hp.get_by_test_id("tanda-ijazah").get_attribute("title") == u.sha256
    assert hp.input_value("#unggahan-ijazah") == str(u.pk)
