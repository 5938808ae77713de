import json
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from simpul.core.models import AuditEntry
from simpul.pemilih.cek import sidik
from simpul.pemilih.errors import KodePemilih
from simpul.pemilih.rules import nama_samarkan, nik_cek_periksa

URL = "/api/v1/pemilih/cek"


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()
    yield
    cache.clear()


def _cek(client, nik, nama="", **kw):
    return client.post(URL, json.dumps({"nik": nik, "nama": nama}),
                       content_type="application/json", **kw)


def test_anchors_cekdptonline_angka_pendek_2_tidak_pernah_mengembalikan_pemilih(
        client, buat_pemilih):
    p = buat_pemilih()
    for nik in ("2", p.nik[:15], p.nik + "1", p.nik[:10], "2" * 16 + " ", "ab" + p.nik[2:],
                "３５７４０５" + p.nik[6:], "%", p.nik[:6] + "*" * 10):
        r = _cek(client, nik)
        assert r.status_code == 422, nik
        assert r.json()["code"] == KodePemilih.NIK_CEK_TIDAK_VALID
        assert p.nama not in r.content.decode()


def test_nik_struktur_salah_ditolak():
    assert [t.kode for t in nik_cek_periksa("2")] == ["nik.format"]
    assert [t.kode for t in nik_cek_periksa("3574053205900001")] == ["nik.tanggal_tidak_mungkin"]
    assert [t.kode for t in nik_cek_periksa("3574051205900000")] == ["nik.nomor_urut_nol"]
    assert [t.kode for t in nik_cek_periksa("9974051205900001", kecamatan_ada=lambda k: False)
            ] == ["nik.wilayah_tidak_dikenal"]


def test_ditemukan_dengan_data_tersamar(client, buat_pemilih, tps1):
    p = buat_pemilih(nama="BUDI SANTOSO")
    r = _cek(client, p.nik)
    assert r.status_code == 200
    d = r.json()
    assert d["ditemukan"] is True and len(d["hasil"]) == 1
    h = d["hasil"][0]
    assert h["nama"] == "BU** SA*****" and h["nik"] == p.nik[:4] + "*" * 10 + p.nik[14:]
    assert (h["tps"], h["desa"], h["kecamatan"]) == ("TPS 001", "Kedopok", "Kedopok")
    assert h["kabupaten_kota"] == "Kota Probolinggo" and h["pemilu"] == "Pemilu 2024"
    assert p.nik not in r.content.decode() and "SANTOSO" not in r.content.decode()


def test_tidak_ditemukan_dan_nama_harus_cocok_persis(client, buat_pemilih):
    p = buat_pemilih(nama="BUDI SANTOSO")
    lain = p.nik[:12] + "9999"
    assert _cek(client, lain).json() == {"ditemukan": False, "hasil": []}
    assert _cek(client, p.nik, nama="budi  santoso").json()["ditemukan"] is True
    assert _cek(client, p.nik, nama="BUDI").json()["ditemukan"] is False
    assert _cek(client, p.nik, nama="BUDI SANTOSA").json()["ditemukan"] is False


def test_pemilih_tms_tidak_ditampilkan(client, buat_pemilih):
    from simpul.pemilih.models import KategoriTMS

    p = buat_pemilih(status="tms", kategori_tms=KategoriTMS.objects.get(kode="meninggal"))
    assert _cek(client, p.nik).json()["ditemukan"] is False


def test_batas_per_klien_lalu_429_klien_lain_tetap_dilayani(client, buat_pemilih, settings):
    settings.SIMPUL_CEK_DPT_PER_KLIEN = 3
    p = buat_pemilih()
    for _ in range(3):
        assert _cek(client, p.nik).status_code == 200
    r = _cek(client, p.nik)
    assert r.status_code == 429 and r.json()["code"] == KodePemilih.CEK_TERLALU_SERING
    assert r.json()["details"]["coba_lagi_detik"] > 0
    assert _cek(client, "2").status_code == 429  # invalid queries count too, no probing
    assert _cek(client, p.nik, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_batas_global(client, buat_pemilih, settings):
    settings.SIMPUL_CEK_DPT_GLOBAL = 2
    p = buat_pemilih()
    assert _cek(client, p.nik, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert _cek(client, p.nik, REMOTE_ADDR="10.0.0.2").status_code == 200
    assert _cek(client, p.nik, REMOTE_ADDR="10.0.0.3").status_code == 429


def test_setiap_pencarian_dicatat_dengan_sidik_bukan_nik(client, buat_pemilih):
    """ANCHORS.md (DPT): every query logged, with keyed hashes; the log is append-only."""
    from django.db import IntegrityError, connection, transaction

    from simpul.pemilih.models import LogCekDPT

    p = buat_pemilih()
    _cek(client, p.nik)
    _cek(client, "2")
    entri = list(LogCekDPT.objects.order_by("id"))
    assert len(entri) == 2
    assert entri[0].nik_sidik == sidik(p.nik) and entri[0].ditemukan == 1
    assert entri[0].sumber == "daftar berjalan (belum ditetapkan)"
    assert entri[1].valid is False
    for e in entri:
        teks = json.dumps([e.nik_sidik, e.klien_sidik, e.sumber])
        assert p.nik not in teks and p.nik[6:] not in teks
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            LogCekDPT.objects.filter(pk=entri[0].pk).update(ditemukan=0)
        with pytest.raises(IntegrityError), transaction.atomic():
            LogCekDPT.objects.filter(pk=entri[0].pk).delete()
    assert LogCekDPT.objects.count() == 2


def test_halaman_cek_dpt_publik(client, buat_pemilih):
    p = buat_pemilih(nama="SITI AMINAH", jenis_kelamin="P", tanggal_lahir=date(1990, 5, 12))
    halaman = client.get(reverse("cek-dpt"))
    assert halaman.status_code == 200 and b'name="nik"' in halaman.content
    r = client.post(reverse("cek-dpt"), {"nik": p.nik})
    assert r.status_code == 200 and "SI** AM****" in r.content.decode()
    assert "AMINAH" not in r.content.decode()
    r = client.post(reverse("cek-dpt"), {"nik": "2"})
    assert r.status_code == 422 and KodePemilih.NIK_CEK_TIDAK_VALID in r.content.decode()
    r = client.post(reverse("cek-dpt"), {"nik": p.nik[:12] + "9999"})
    assert r.status_code == 200 and "tidak ditemukan" in r.content.decode()


def test_nama_samarkan():
    assert nama_samarkan("AHMAD BIN ALI") == "AH*** B** A**"
    assert nama_samarkan("  ") == ""


def _nik_acak(i: int) -> str:
    return f"357405120590{i + 1:04d}"


def test_anchors_dpt_enumerasi_diblokir_dengan_peringatan_dan_audit(client, buat_pemilih,
                                                                   settings):
    """ANCHORS.md (DPT, Nov 2023): many distinct NIKs from one client → blocked, one alert
    row and one audit entry; other clients keep being served."""
    from simpul.pemilih.models import LogCekDPT, PeringatanCekDPT

    settings.SIMPUL_CEK_DPT_PER_KLIEN = 1000
    settings.SIMPUL_CEK_DPT_NIK_BERBEDA = 5
    p = buat_pemilih()
    for i in range(5):
        assert _cek(client, _nik_acak(i)).status_code == 200
    for _ in range(3):  # the same NIK again is not a new one
        assert _cek(client, _nik_acak(0)).status_code == 200
    r = _cek(client, _nik_acak(5))
    assert r.status_code == 429 and r.json()["code"] == KodePemilih.CEK_DIBLOKIR
    assert _cek(client, p.nik).status_code == 429  # blocked for everything now
    for i in range(6, 9):
        assert _cek(client, _nik_acak(i)).status_code == 429
    alarm = PeringatanCekDPT.objects.get()
    assert alarm.jumlah_nik == 6 and alarm.klien_sidik == sidik("127.0.0.1")[:32]
    assert AuditEntry.objects.filter(aksi="pemilih.cek_dpt_enumerasi").count() == 1
    assert LogCekDPT.objects.filter(diblokir=True).count() == 5
    assert _cek(client, p.nik, REMOTE_ADDR="10.1.1.1").json()["ditemukan"] is True


def test_header_klien_hanya_dipercaya_bila_dikonfigurasi(client, buat_pemilih, settings):
    settings.SIMPUL_CEK_DPT_PER_KLIEN = 1000
    settings.SIMPUL_CEK_DPT_NIK_BERBEDA = 2
    for i in range(2):
        assert _cek(client, _nik_acak(i), HTTP_X_REAL_IP=f"10.9.9.{i}").status_code == 200
    # Not configured: a spoofed header does not make a new client.
    assert _cek(client, _nik_acak(2), HTTP_X_REAL_IP="10.9.9.9").status_code == 429
    cache.clear()
    settings.SIMPUL_CEK_DPT_HEADER_KLIEN = "HTTP_X_REAL_IP"
    for i in range(6):
        r = _cek(client, _nik_acak(i), HTTP_X_REAL_IP=f"10.8.8.{i}")
        assert r.status_code == 200
