"""Resumable uploads (ANCHORS.md SIAKBA row 2): chunks to a server-side id, resume from the
offset the server holds, checks before the upload and again on completion, receipts."""

import hashlib
import json

import pytest

from simpul.adhoc.models import Berkas, Pendaftar, PotonganUnggahan, StatusUnggahan, Unggahan
from simpul.adhoc.unggahan import unggahan_mulai, unggahan_potongan, unggahan_selesai
from simpul.core.errors import SimpulError

from .conftest import JPEG, NIK_BUDI, PDF, PNG

pytestmark = pytest.mark.django_db

# A PDF a little over 3 chunks of 100 bytes.
PDF_BESAR = b"%PDF-1.4\n" + b"x" * 300 + b"\n%%EOF\n"
UKURAN = len(PDF_BESAR)


def _mulai(client, r, *, jenis="ijazah", ukuran=UKURAN, mime="application/pdf",
           kunci="form-1"):
    return client.post("/adhoc/unggah/", json.dumps(
        {"rekrutmen": r.pk, "kunci_formulir": kunci, "jenis": jenis, "nama": "ijazah.pdf",
         "ukuran": ukuran, "mime": mime}), content_type="application/json")


def _kirim(client, uid, awal, data):
    return client.put(f"/adhoc/unggah/{uid}?awal={awal}", data,
                      content_type="application/octet-stream")


def test_lanjut_setelah_koneksi_terputus(client, rekrutmen_kpps):
    r = _mulai(client, rekrutmen_kpps)
    assert r.status_code == 201
    uid = r.json()["id"]
    assert r.json()["diterima"] == 0
    assert _kirim(client, uid, 0, PDF_BESAR[:100]).json()["diterima"] == 100
    assert _kirim(client, uid, 100, PDF_BESAR[100:200]).status_code == 200
    # The connection drops: the page does not know whether the third chunk arrived, so it
    # asks the server where it stands and resumes from there.
    posisi = client.get(f"/adhoc/unggah/{uid}")
    assert posisi.json() == {"id": uid, "jenis": "ijazah", "ukuran": len(PDF_BESAR),
                             "diterima": 200, "status": "berjalan"}
    # A retried chunk the server already holds is refused with the offset, not stored twice.
    ulang = _kirim(client, uid, 100, PDF_BESAR[100:200])
    assert ulang.status_code == 409
    assert ulang.json()["code"] == "adhoc.unggahan_posisi_salah"
    assert ulang.json()["details"]["diterima"] == 200
    assert _kirim(client, uid, 200, PDF_BESAR[200:]).json()["diterima"] == len(PDF_BESAR)
    selesai = client.post(f"/adhoc/unggah/{uid}/selesai")
    assert selesai.status_code == 200
    tanda = selesai.json()
    assert tanda["sha256"] == hashlib.sha256(PDF_BESAR).hexdigest()
    assert tanda["mime"] == "application/pdf" and tanda["ukuran"] == len(PDF_BESAR)
    assert tanda["waktu"]
    assert not PotonganUnggahan.objects.exists()  # chunks folded into the one file
    # Completing twice returns the same receipt.
    assert client.post(f"/adhoc/unggah/{uid}/selesai").json() == tanda


def test_selesai_sebelum_lengkap_ditolak(client, rekrutmen_kpps):
    uid = _mulai(client, rekrutmen_kpps).json()["id"]
    _kirim(client, uid, 0, PDF_BESAR[:100])
    r = client.post(f"/adhoc/unggah/{uid}/selesai")
    assert r.status_code == 409 and r.json()["code"] == "adhoc.unggahan_belum_lengkap"


def test_jenis_salah_ketahuan_saat_selesai(client, rekrutmen_kpps):
    """The browser says image/png (it goes by the name); the bytes are a GIF."""
    gif = b"GIF89a" + b"\x00" * 50
    uid = _mulai(client, rekrutmen_kpps, jenis="ktp", ukuran=len(gif), mime="image/png"
                 ).json()["id"]
    assert _kirim(client, uid, 0, gif).status_code == 200
    r = client.post(f"/adhoc/unggah/{uid}/selesai")
    assert r.status_code == 422 and r.json()["code"] == "adhoc.berkas_jenis_salah"
    u = Unggahan.objects.get(pk=uid)
    assert u.status == StatusUnggahan.DITOLAK and u.isi is None
    assert client.post(f"/adhoc/unggah/{uid}/selesai").json()["code"] == \
        "adhoc.berkas_jenis_salah"


def test_berkas_terpotong_ketahuan_saat_selesai(rekrutmen_kpps):
    potong = PDF_BESAR[:-8]
    u = unggahan_mulai(rekrutmen=rekrutmen_kpps, kunci_formulir="f", jenis="ijazah",
                       nama_berkas="a.pdf", ukuran=len(potong))
    unggahan_potongan(unggahan_id=u.pk, awal=0, data=potong)
    with pytest.raises(SimpulError) as e:
        unggahan_selesai(unggahan_id=u.pk)
    assert e.value.code == "adhoc.berkas_rusak"


def test_terlalu_besar_ditolak_sebelum_diunggah(client, rekrutmen_kpps):
    r = _mulai(client, rekrutmen_kpps, ukuran=2 * 1024 * 1024 + 1)
    assert r.status_code == 422 and r.json()["code"] == "adhoc.berkas_terlalu_besar"
    assert not Unggahan.objects.exists()
    salah = _mulai(client, rekrutmen_kpps, mime="image/gif")
    assert salah.json()["code"] == "adhoc.berkas_jenis_salah"


def test_lebih_dari_ukuran_diumumkan_ditolak(rekrutmen_kpps):
    u = unggahan_mulai(rekrutmen=rekrutmen_kpps, kunci_formulir="f", jenis="ijazah",
                       nama_berkas="a.pdf", ukuran=10)
    with pytest.raises(SimpulError) as e:
        unggahan_potongan(unggahan_id=u.pk, awal=0, data=PDF_BESAR)
    assert e.value.code == "adhoc.berkas_terlalu_besar"
    assert Unggahan.objects.get(pk=u.pk).diterima == 0


def _unggah(client, r, jenis, isi, kunci="form-1"):
    uid = _mulai(client, r, jenis=jenis, ukuran=len(isi), mime="", kunci=kunci).json()["id"]
    for awal in range(0, len(isi), 40):
        assert _kirim(client, uid, awal, isi[awal:awal + 40]).status_code == 200
    assert client.post(f"/adhoc/unggah/{uid}/selesai").status_code == 200
    return uid


def _isian(**ubah):
    data = {"kunci_idempoten": "form-1", "nik": NIK_BUDI, "nama": "Budi Santoso",
            "jenis_kelamin": "L", "tanggal_lahir": "1990-05-12", "alamat": "Jl. Mastrip 1",
            "kode_domisili": "35.74.05.1005", "kode_tugas": "35.74.05.1005",
            "pendidikan": "sma", "telepon": "081234567890", "periode_sebelumnya": "0",
            "bukan_anggota_partai": "on", "tidak_pernah_dipidana": "on"}
    data.update(ubah)
    return data


def test_formulir_membawa_id_unggahan_dan_tanda_terima_sama(client, rekrutmen_kpps):
    ids = {j: _unggah(client, rekrutmen_kpps, j, isi) for j, isi in
           (("ktp", JPEG), ("ijazah", PDF), ("surat_sehat", PDF), ("surat_pernyataan", PNG))}
    r = client.post(f"/adhoc/daftar/{rekrutmen_kpps.pk}/",
                    {**_isian(), **{f"unggahan_{j}": u for j, u in ids.items()}})
    assert r.status_code == 302
    p = Pendaftar.objects.get(nik=NIK_BUDI)
    assert {b.jenis: b.sha256 for b in Berkas.objects.filter(pendaftar=p)} == {
        j: Unggahan.objects.get(pk=u).sha256 for j, u in ids.items()}


def test_id_unggahan_formulir_lain_ditolak(client, rekrutmen_kpps):
    ids = {j: _unggah(client, rekrutmen_kpps, j, isi, kunci="form-lain") for j, isi in
           (("ktp", JPEG), ("ijazah", PDF), ("surat_sehat", PDF), ("surat_pernyataan", PNG))}
    r = client.post(f"/adhoc/daftar/{rekrutmen_kpps.pk}/",
                    {**_isian(), **{f"unggahan_{j}": u for j, u in ids.items()}})
    assert r.status_code == 422
    assert b'data-kode="adhoc.unggahan_tidak_valid"' in r.content
    assert not Pendaftar.objects.exists()


def test_membuka_unggahan_dibatasi_per_klien(client, settings, rekrutmen_kpps):
    """Anonymous uploads are stored until submitted or expired: opening them is limited per
    client address."""
    settings.SIMPUL_UNGGAHAN_ADHOC_PER_MENIT = 2
    assert _mulai(client, rekrutmen_kpps).status_code == 201
    assert _mulai(client, rekrutmen_kpps).status_code == 201
    r = _mulai(client, rekrutmen_kpps)
    assert r.status_code == 429 and r.json()["code"] == "adhoc.unggahan_terlalu_sering"
    assert Unggahan.objects.count() == 2
