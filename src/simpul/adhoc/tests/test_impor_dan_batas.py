"""Imports for the eligibility rules (party list as page and API, history of terms) and the
rate limit of the public status lookup."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from simpul.adhoc.models import AnggotaPartai, RiwayatPeriode
from simpul.adhoc.rules import Hasil, syarat_periode
from simpul.adhoc.selectors import pendaftar_syarat
from simpul.adhoc.services import pendaftar_daftar, riwayat_periode_impor
from simpul.core.errors import SimpulError
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran

from .conftest import NIK_BUDI

pytestmark = pytest.mark.django_db


def _xlsx(baris: list[list]) -> bytes:
    buku = Workbook()
    for b in baris:
        buku.active.append(b)
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def test_syarat_periode_memakai_riwayat_tercatat():
    """Not in PKPU 8/2022 Pasal 35 ayat (1) (the 2-term limit was dropped): with a limit set
    per election, the terms on record count even when the applicant declares fewer."""
    riwayat = ("Pemilu 2019 (2019)", "Pemilihan 2020 (2020)")
    h = syarat_periode(periode=0, batas=2, riwayat=riwayat)
    assert h.hasil == Hasil.TIDAK_LULUS and "Pemilu 2019 (2019)" in h.alasan
    assert syarat_periode(periode=0, batas=None, riwayat=riwayat).hasil == Hasil.LULUS
    assert syarat_periode(periode=3, batas=None, riwayat=riwayat).alasan.startswith("3 ")


def test_impor_riwayat_periode_csv_dan_xlsx_baris_salah_dilaporkan(operator_kota):
    csv = ("nik,badan,pemilu,tahun\n"
           f"{NIK_BUDI},KPPS,Pemilu 2019,2019\n"
           f"{NIK_BUDI},kpps,Pemilihan Gubernur Jawa Timur 2018,2018\n"
           "123,KPPS,Pemilu 2019,2019\n"
           f"{NIK_BUDI},Bawaslu,Pemilu 2019,2019\n"
           f"{NIK_BUDI},PPS,,2019\n"
           f"{NIK_BUDI},PPS,Pemilu 1955,1955\n").encode()
    h = riwayat_periode_impor(akun=operator_kota, data=csv, nama_berkas="riwayat.csv")
    assert h["diimpor"] == 2 and [g["baris"] for g in h["galat"]] == [4, 5, 6, 7]
    ulang = riwayat_periode_impor(akun=operator_kota, nama_berkas="riwayat.xlsx", data=_xlsx(
        [["nik", "badan", "pemilu", "tahun"], [NIK_BUDI, "KPPS", "Pemilu 2019", 2019],
         [NIK_BUDI, "Pantarlih", "Pemilu 2024", 2024]]))
    assert (ulang["diimpor"], ulang["sudah_ada"]) == (1, 1)
    assert RiwayatPeriode.objects.count() == 3
    a = AuditEntry.objects.filter(aksi="adhoc.riwayat_periode.impor").order_by("seq").last()
    assert a.sesudah["baris"] == 1 and a.sesudah["sudah_ada"] == 1


def test_impor_riwayat_kolom_kurang_ditolak_bernama(operator_kota):
    with pytest.raises(SimpulError) as e:
        riwayat_periode_impor(akun=operator_kota, data=b"nik,badan\n1,2\n",
                              nama_berkas="r.csv")
    assert e.value.code == "adhoc.riwayat_periode_tidak_valid"


def test_impor_riwayat_hanya_kpu(buat_akun, pilkada):
    with pytest.raises(SimpulError) as e:
        riwayat_periode_impor(akun=buat_akun(Peran.PPS, "35.74.05.1005", pilkada),
                              data=b"nik,badan,pemilu,tahun\n", nama_berkas="r.csv")
    assert e.value.status == 403


def test_riwayat_dan_kursi_simpul_masuk_syarat_periode(operator_kota, rekrutmen_kpps, isian,
                                                        pemilu, pelamar_ms):
    """The imported history and Simpul's own seat in the Pemilu 2024 KPPS round both count
    for the Pilkada application; the same election in both is counted once."""
    from simpul.adhoc.models import Anggota, Pendaftar
    from simpul.adhoc.services import rekrutmen_buat

    r_pemilu = rekrutmen_buat(akun=operator_kota, pemilu=pemilu, badan="kpps",
                              kode_wilayah="35.74", nama="KPPS Pemilu 2024",
                              pengumuman=rekrutmen_kpps.pengumuman,
                              pendaftaran_mulai=rekrutmen_kpps.pendaftaran_mulai,
                              pendaftaran_selesai=rekrutmen_kpps.pendaftaran_selesai)
    lama = pelamar_ms(r_pemilu, "35.74.05.1005", 1)[0]
    Pendaftar.objects.filter(pk=lama.pk).update(nik=NIK_BUDI)
    Anggota.objects.create(rekrutmen=r_pemilu, pemilu=pemilu, badan="kpps",
                           wilayah_id="35.74.05.1005", kursi="tps:1#1", urut=1,
                           pendaftar=lama, kode_hadir="uji-hadir-1")
    riwayat_periode_impor(akun=operator_kota, nama_berkas="r.csv", data=(
        "nik,badan,pemilu,tahun\n"
        f"{NIK_BUDI},KPPS,Pemilu 2019,2019\n"
        f"{NIK_BUDI},KPPS,{pemilu.nama},{pemilu.tanggal_pemungutan.year}\n"
        f"{NIK_BUDI},PPS,Pemilu 2014,2014\n").encode())
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    h = next(x for x in pendaftar_syarat(pendaftar=p) if x.syarat == "periode")
    assert h.alasan.startswith("2 periode")
    assert "Pemilu 2019 (2019)" in h.alasan and "Pemilu 2024" in h.alasan
    assert "2014" not in h.alasan  # another body
    pilkada = rekrutmen_kpps.pemilu
    pilkada.parameter = {**pilkada.parameter, "batas_periode": 2}
    pilkada.save()
    p.refresh_from_db()
    h = next(x for x in pendaftar_syarat(pendaftar=p) if x.syarat == "periode")
    assert h.hasil == Hasil.TIDAK_LULUS


def test_halaman_dan_api_impor(client, operator_kota, pilkada):
    client.force_login(operator_kota)
    assert client.get("/adhoc/impor/").status_code == 200
    partai = ("nik,nama,tanggal_lahir,partai,keluar\n"
              f"{NIK_BUDI},Budi Santoso,1990-05-12,Partai Uji,\n"
              "12,Siti,1991-01-01,Partai Uji,\n").encode()
    r = client.post("/adhoc/impor/", {"jenis": "partai", "pemilu": pilkada.pk,
                                      "berkas": SimpleUploadedFile("sipol.csv", partai)})
    assert r.status_code == 200 and b'data-testid="hasil-impor"' in r.content
    assert b"baris 3" in r.content and AnggotaPartai.objects.count() == 1
    salah = client.post("/adhoc/impor/", {"jenis": "riwayat",
                                          "berkas": SimpleUploadedFile("r.txt", b"")})
    assert salah.status_code == 422 and b"adhoc.riwayat_periode_tidak_valid" in salah.content
    api = client.post(f"/api/v1/adhoc/pemilu/{pilkada.pk}/anggota-partai",
                      {"berkas": SimpleUploadedFile("sipol.csv", partai)})
    assert api.status_code == 201 and api.json()["diimpor"] == 1
    assert api.json()["galat"][0]["baris"] == 3
    riwayat = client.post("/api/v1/adhoc/riwayat-periode", {"berkas": SimpleUploadedFile(
        "r.csv", f"nik,badan,pemilu,tahun\n{NIK_BUDI},PPS,Pemilu 2019,2019\n".encode())})
    assert riwayat.status_code == 201 and riwayat.json()["diimpor"] == 1


def test_impor_partai_peran_lain_403(client, buat_akun, pilkada):
    client.force_login(buat_akun(Peran.PPS, "35.74.05.1005", pilkada))
    assert client.get("/adhoc/impor/").status_code == 403


def test_status_dibatasi_per_klien(client, settings, rekrutmen_kpps, isian):
    """ANCHORS (DPT row): public lookups are limited per client."""
    settings.SIMPUL_STATUS_ADHOC_PER_MENIT = 3
    p, _ = pendaftar_daftar(rekrutmen=rekrutmen_kpps, **isian())
    for _ in range(3):
        r = client.post("/adhoc/status/", {"nomor": p.nomor, "tanggal_lahir": "1990-05-12"})
        assert r.status_code == 200 and b'data-testid="status"' in r.content
    r = client.post("/adhoc/status/", {"nomor": p.nomor, "tanggal_lahir": "1990-05-12"})
    assert r.status_code == 429 and b'data-testid="status"' not in r.content
    api = client.get("/api/v1/adhoc/pendaftar/status",
                     {"nomor": p.nomor, "tanggal_lahir": "1990-05-12"})
    assert api.status_code == 429 and api.json()["code"] == "adhoc.status_terlalu_sering"
    assert api.json()["details"]["coba_lagi_detik"] > 0
    # Another client is not affected.
    lain = client.post("/adhoc/status/", {"nomor": p.nomor, "tanggal_lahir": "1990-05-12"},
                       REMOTE_ADDR="10.0.0.2")
    assert lain.status_code == 200
