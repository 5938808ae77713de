"""Per-area extensions of registration (ANCHORS.md SIAKBA row 3): recorded with their
decision letter for an area with fewer than twice the needed applicants; registration
there runs to the new date, elsewhere it closes on the round's own date."""

import hashlib
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from simpul.adhoc.models import PerpanjanganPendaftaran
from simpul.adhoc.rules import akhir_pendaftaran, perpanjangan_layak
from simpul.adhoc.services import pendaftar_daftar, perpanjangan_tetapkan, rekrutmen_buat
from simpul.core.errors import SimpulError
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.models import TPS
from simpul.wilayah.models import Wilayah

from .conftest import PDF

pytestmark = pytest.mark.django_db
KEDOPOK, KEC_KEDOPOK = "35.74.05.1005", "35.74.05"


def test_akhir_pendaftaran_per_wilayah():
    """ANCHORS SIAKBA row 3: an extension reopens its own area and the desa inside a
    kecamatan extended, never a neighbour (35.74.05 must not reopen 35.74.051...)."""
    asli, baru = date(2024, 5, 10), date(2024, 5, 17)
    ext = [("35.74.05", baru)]
    assert akhir_pendaftaran(selesai=asli, perpanjangan=ext, kode_tugas="35.74.05") == baru
    assert akhir_pendaftaran(selesai=asli, perpanjangan=ext, kode_tugas=KEDOPOK) == baru
    assert akhir_pendaftaran(selesai=asli, perpanjangan=ext, kode_tugas="35.74.01.1001") == asli
    assert akhir_pendaftaran(selesai=asli, perpanjangan=[("35.74.05.1005", baru)],
                             kode_tugas="35.74.05.1001") == asli
    assert akhir_pendaftaran(selesai=asli, perpanjangan=[], kode_tugas=KEDOPOK) == asli


def test_perpanjangan_hanya_bila_kurang_dari_dua_kali_kebutuhan():
    """ANCHORS SIAKBA row 3 (2024 practice): fewer than 2 × the need."""
    assert perpanjangan_layak(pendaftar=13, kebutuhan=7)
    assert not perpanjangan_layak(pendaftar=14, kebutuhan=7)
    assert perpanjangan_layak(pendaftar=20, kebutuhan=7, kali=3)
    assert not perpanjangan_layak(pendaftar=0, kebutuhan=0)


@pytest.fixture
def rekrutmen_tutup_kemarin(operator_kota, pilkada):
    hari_ini = timezone.localdate()
    return rekrutmen_buat(akun=operator_kota, pemilu=pilkada, badan="kpps",
                          kode_wilayah="35.74", nama="KPPS Pilkada 2024",
                          pengumuman=hari_ini - timedelta(days=10),
                          pendaftaran_mulai=hari_ini - timedelta(days=7),
                          pendaftaran_selesai=hari_ini - timedelta(days=1))


def _perpanjang(akun, r, kode=KEC_KEDOPOK, **ubah):
    data = dict(akun=akun, rekrutmen_id=r.pk, kode_wilayah=kode,
                selesai=timezone.localdate() + timedelta(days=3),
                nomor_keputusan="45/PP.04.2-Kpt/3574/2024",
                tanggal_keputusan=timezone.localdate() - timedelta(days=1), berkas=PDF,
                nama_berkas="sk-perpanjangan.pdf")
    data.update(ubah)
    return perpanjangan_tetapkan(**data)


def _desa_lain() -> str:
    return Wilayah.objects.filter(kode__startswith="35.74.01.").order_by("kode").first().kode


def test_perpanjangan_dicatat_dengan_surat_dan_diaudit(operator_kota, rekrutmen_tutup_kemarin,
                                                       settings, tmp_path):
    p = _perpanjang(operator_kota, rekrutmen_tutup_kemarin)
    assert p.berkas_sha256 == hashlib.sha256(PDF).hexdigest()
    assert p.berkas.read() == PDF
    tps = TPS.objects.filter(pemilu=rekrutmen_tutup_kemarin.pemilu,
                             desa_id__startswith=KEC_KEDOPOK + ".").count()
    assert (p.pendaftar, p.kebutuhan) == (0, 7 * tps)
    a = AuditEntry.objects.get(aksi="adhoc.pendaftaran.perpanjang")
    assert a.sesudah["nomor"] == "45/PP.04.2-Kpt/3574/2024"
    assert a.sesudah["berkas_sha256"] == p.berkas_sha256


def test_pendaftaran_diterima_di_wilayah_diperpanjang_ditolak_di_tempat_lain(
        operator_kota, rekrutmen_tutup_kemarin, isian):
    r = rekrutmen_tutup_kemarin
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=r, **isian())
    assert e.value.code == "adhoc.pendaftaran_ditutup"
    p = _perpanjang(operator_kota, r)
    baru, dibuat = pendaftar_daftar(rekrutmen=r, **isian())
    assert dibuat and baru.wilayah_tugas_id == KEDOPOK
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=r, **isian(kunci_idempoten="k2", nik="3574055205900002",
                                              jenis_kelamin="P", kode_tugas=_desa_lain()))
    assert e.value.code == "adhoc.pendaftaran_ditutup"
    with pytest.raises(SimpulError) as e:
        pendaftar_daftar(rekrutmen=r, **isian(kunci_idempoten="k3", nik="3574055205900003",
                                              jenis_kelamin="P"),
                         hari_ini=p.selesai + timedelta(days=1))
    assert e.value.code == "adhoc.pendaftaran_ditutup"


def test_perpanjangan_ditolak_bila_pendaftar_cukup(operator_kota, rekrutmen_tutup_kemarin,
                                                   pelamar_ms):
    r = rekrutmen_tutup_kemarin
    tps = TPS.objects.filter(pemilu=r.pemilu, desa_id=KEDOPOK).count()
    pelamar_ms(r, KEDOPOK, 2 * 7 * tps)
    with pytest.raises(SimpulError) as e:
        _perpanjang(operator_kota, r, kode=KEDOPOK)
    assert e.value.code == "adhoc.perpanjangan_tidak_valid"
    assert "kurang dari 2 × kebutuhan" in e.value.message
    assert not PerpanjanganPendaftaran.objects.exists()


@pytest.mark.parametrize("ubah, kode", [
    ({"selesai": "asli"}, "adhoc.perpanjangan_tidak_valid"),
    ({"nomor_keputusan": " "}, "adhoc.perpanjangan_tidak_valid"),
    ({"kode_wilayah": "35.74"}, "adhoc.perpanjangan_tidak_valid"),
    ({"kode_wilayah": "35.13.01"}, "adhoc.perpanjangan_tidak_valid"),
    ({"berkas": b"GIF89a" + b"\x00" * 20}, "adhoc.berkas_jenis_salah"),
])
def test_perpanjangan_tidak_valid(operator_kota, rekrutmen_tutup_kemarin, ubah, kode):
    if ubah.get("selesai") == "asli":
        ubah["selesai"] = rekrutmen_tutup_kemarin.pendaftaran_selesai
    with pytest.raises(SimpulError) as e:
        _perpanjang(operator_kota, rekrutmen_tutup_kemarin, **ubah)
    assert e.value.code == kode
    assert not PerpanjanganPendaftaran.objects.exists()


def test_pps_tidak_boleh_memperpanjang(buat_akun, pilkada, rekrutmen_tutup_kemarin):
    with pytest.raises(SimpulError) as e:
        _perpanjang(buat_akun(Peran.PPS, KEDOPOK, pilkada), rekrutmen_tutup_kemarin)
    assert e.value.status == 403


def test_halaman_dasbor_dan_formulir_publik(client, operator_kota, rekrutmen_tutup_kemarin):
    r = rekrutmen_tutup_kemarin
    client.force_login(operator_kota)
    d = client.get(f"/adhoc/rekrutmen/{r.pk}/dasbor/")
    assert b'href="/adhoc/rekrutmen/%d/perpanjangan/?wilayah=35.74.05"' % r.pk in d.content
    from django.core.files.uploadedfile import SimpleUploadedFile

    kirim = client.post(f"/adhoc/rekrutmen/{r.pk}/perpanjangan/", {
        "wilayah": KEC_KEDOPOK, "selesai": (timezone.localdate() + timedelta(3)).isoformat(),
        "nomor": "45/PP.04.2-Kpt/3574/2024", "tanggal": timezone.localdate().isoformat(),
        "berkas": SimpleUploadedFile("sk.pdf", PDF)})
    assert kirim.status_code == 302
    d = client.get(f"/adhoc/rekrutmen/{r.pk}/dasbor/")
    sel = d.content.split(b'data-testid="perpanjangan-35.74.05"')[1].split(b"</td>")[0]
    assert b"45/PP.04.2-Kpt/3574/2024" in sel
    p = PerpanjanganPendaftaran.objects.get()
    assert client.get(f"/adhoc/perpanjangan/{p.pk}/berkas").getvalue() == PDF
    from openpyxl import load_workbook

    xlsx = load_workbook(io.BytesIO(client.get(f"/adhoc/rekrutmen/{r.pk}/dasbor-xlsx/")
                                    .content))
    baris = {row[0]: row for row in xlsx.active.iter_rows(values_only=True)}
    assert "45/PP.04.2-Kpt/3574/2024" in baris[KEC_KEDOPOK][-1]
    api = client.get(f"/api/v1/adhoc/rekrutmen/{r.pk}/perpanjangan").json()
    assert api[0]["wilayah"] == KEC_KEDOPOK and api[0]["berkas_sha256"] == p.berkas_sha256
    client.logout()
    # The public form after the round's own close: open, but only for the extended areas.
    assert r.nama.encode() in client.get("/adhoc/daftar/").content
    f = client.get(f"/adhoc/daftar/{r.pk}/")
    tugas = [k for k, _ in f.context["form"].fields["kode_tugas"].choices]
    assert KEDOPOK in tugas and tugas and all(k.startswith(KEC_KEDOPOK + ".") for k in tugas)
    assert b'data-testid="perpanjangan"' in f.content


def test_api_perpanjangan(client, operator_kota, rekrutmen_tutup_kemarin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(operator_kota)
    url = f"/api/v1/adhoc/rekrutmen/{rekrutmen_tutup_kemarin.pk}/perpanjangan"
    data = {"wilayah": KEDOPOK, "selesai": (timezone.localdate() + timedelta(3)).isoformat(),
            "nomor_keputusan": "46/2024", "tanggal_keputusan": timezone.localdate().isoformat()}
    r = client.post(url, {**data, "berkas": SimpleUploadedFile("sk.pdf", PDF)})
    assert r.status_code == 201 and r.json()["nomor_keputusan"] == "46/2024"
    salah = client.post(url, {**data, "selesai": "2000-01-01",
                              "berkas": SimpleUploadedFile("sk.pdf", PDF)})
    assert salah.status_code == 422 and salah.json()["code"] == "adhoc.perpanjangan_tidak_valid"


def test_halaman_publik_wilayah_tertutup_ditolak_bernama(client, rekrutmen_tutup_kemarin,
                                                         operator_kota):
    """A page loaded before the close posts an area that is now closed: the named refusal,
    not a bare form error; what was typed is kept."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import JPEG, NIK_BUDI, PNG

    _perpanjang(operator_kota, rekrutmen_tutup_kemarin)
    berkas = {k: SimpleUploadedFile(f"{k}.bin", v) for k, v in
              (("ktp", JPEG), ("ijazah", PDF), ("surat_sehat", PDF), ("surat_pernyataan", PNG))}
    r = client.post(f"/adhoc/daftar/{rekrutmen_tutup_kemarin.pk}/", {
        "kunci_idempoten": "tutup-1", "nik": NIK_BUDI, "nama": "Budi Santoso",
        "jenis_kelamin": "L", "tanggal_lahir": "1990-05-12", "alamat": "Jl. Mastrip 1",
        "kode_domisili": KEDOPOK, "kode_tugas": _desa_lain(), "pendidikan": "sma",
        "telepon": "081234567890", "periode_sebelumnya": "0", "bukan_anggota_partai": "on",
        "tidak_pernah_dipidana": "on", **berkas})
    assert r.status_code == 409 and b'data-kode="adhoc.pendaftaran_ditutup"' in r.content
    assert b"Budi Santoso" in r.content
