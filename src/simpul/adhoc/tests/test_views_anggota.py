"""Pages and API of members, decrees, events, PAW and the dashboard (thin layers)."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from simpul.adhoc.models import SK, Anggota, Kehadiran
from simpul.adhoc.selectors import dasbor_rekrutmen
from simpul.adhoc.services import penempatan_jalankan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

from .conftest import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def tempat(pilkada, rekrutmen_kpps, operator_kota, pelamar_ms):
    n = TPS.objects.filter(pemilu=pilkada, desa_id=KEDOPOK).count()
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 7 * n, it=2 * n)
    penempatan_jalankan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk)
    return n


def test_dasbor_pendaftar_terhadap_dua_kali_kebutuhan(tempat, rekrutmen_kpps, operator_kota,
                                                      client):
    """ANCHORS.md SIAKBA row 3: applicants against twice the need per kecamatan/desa."""
    d = dasbor_rekrutmen(akun=operator_kota, rekrutmen=rekrutmen_kpps)
    assert d.total.kebutuhan == 2296 and len(d.baris) == 5  # 5 kecamatan of Kota Probolinggo
    kec = next(b for b in d.baris if b.kode == "35.74.05")
    assert kec.pendaftar == 7 * tempat and kec.kurang_pendaftar
    assert kec.terisi == 7 * tempat
    desa = dasbor_rekrutmen(akun=operator_kota, rekrutmen=rekrutmen_kpps, kode="35.74.05")
    kedopok = next(b for b in desa.baris if b.kode == KEDOPOK)
    assert (kedopok.kebutuhan, kedopok.persen_terisi, kedopok.dua_kali) == (
        7 * tempat, 100, 14 * tempat)
    client.force_login(operator_kota)
    halaman = client.get(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/dasbor/35.74.05/")
    assert halaman.status_code == 200 and b"<svg" in halaman.content
    xlsx = client.get(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/dasbor-xlsx/")
    baris = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert baris[3][0] == "Kode" and len(baris) == 4 + 5 + 1
    anggota = client.get(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/anggota/xlsx")
    lembar = list(load_workbook(io.BytesIO(anggota.content)).active.values)
    assert len(lembar) == 2 + 7 * tempat and all("*" in r[6] for r in lembar[2:])
    assert {e.aksi for e in AuditEntry.objects.filter(aksi__endswith=".ekspor")} == {
        "adhoc.dasbor.ekspor", "adhoc.anggota.ekspor"}


def test_halaman_sk_kegiatan_paw(tempat, rekrutmen_kpps, operator_kota, client, pelamar_ms,
                                 buat_akun, pilkada):
    client.force_login(operator_kota)
    r = rekrutmen_kpps.pk
    assert client.post(f"/adhoc/rekrutmen/{r}/sk/", {"nomor": "7/SK", "tanggal": "2024-11-06",
                                                    "wilayah": KEDOPOK}).status_code == 302
    sk = SK.objects.get(nomor="7/SK")
    halaman = client.get(f"/adhoc/rekrutmen/{r}/sk/")
    assert b"7/SK" in halaman.content
    unduh = client.get(f"/adhoc/dokumen/sk.pdf?sk={sk.pk}")
    assert unduh["Content-Type"] == "application/pdf" and unduh.content.startswith(b"%PDF-")
    assert client.get("/adhoc/templat/?bawaan=pakta").content[:2] == b"PK"
    assert client.get("/adhoc/templat/").status_code == 200
    # Same number again: a clear message on the page, nothing created.
    client.post(f"/adhoc/rekrutmen/{r}/sk/", {"nomor": "7/SK", "tanggal": "2024-11-06"})
    assert SK.objects.count() == 1
    res = client.post(f"/adhoc/rekrutmen/{r}/kegiatan/", {
        "jenis": "pelantikan", "nama": "Pelantikan", "tanggal": "2024-11-07", "tempat": "Aula",
        "wilayah": KEDOPOK, "sk": sk.pk})
    k = res.url.rstrip("/").rsplit("/", 1)[1]
    satu = Anggota.objects.filter(sk=sk).first()
    client.post(f"/adhoc/kegiatan/{k}/", {"kode": satu.kode_hadir})
    assert Kehadiran.objects.filter(anggota=satu, cara="qr").exists()
    qr = client.get(f"/adhoc/kegiatan/{k}/qr/")
    assert qr.content.count(b"<svg") == 7 * tempat
    # PAW on the page: leave with evidence, then the proposed replacement.
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 2)
    from django.core.files.uploadedfile import SimpleUploadedFile
    client.post(f"/adhoc/anggota/{satu.pk}/", {
        "aksi": "berhenti", "alasan": "Meninggal dunia", "tanggal": "2024-11-09",
        "bukti": SimpleUploadedFile("surat.pdf", PDF, "application/pdf")})
    halaman = client.get(f"/adhoc/anggota/{satu.pk}/").content.decode()
    assert "Calon pengganti" in halaman and "Meninggal dunia" in halaman
    api = client.get(f"/api/v1/adhoc/anggota/{satu.pk}/pengganti").json()
    res = client.post(f"/adhoc/anggota/{satu.pk}/", {
        "aksi": "paw", "pengganti": api[0]["pendaftar_id"], "nomor_sk": "8/PAW",
        "tanggal_sk": "2024-11-10"})
    baru = Anggota.objects.get(menggantikan=satu)
    assert res.url.endswith(f"/adhoc/anggota/{baru.pk}/")
    assert baru.pendaftar_id == api[0]["pendaftar_id"]
    # Outside the territory: 404 everywhere.
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.13"))
    assert client.get(f"/adhoc/dokumen/sk.pdf?sk={sk.pk}").status_code == 404
    assert client.get(f"/adhoc/anggota/{baru.pk}/").status_code == 404
    assert client.get(f"/adhoc/kegiatan/{k}/").status_code == 404


def test_api_sk_kegiatan_kehadiran(tempat, rekrutmen_kpps, operator_kota, client):
    client.force_login(operator_kota)
    r = rekrutmen_kpps.pk
    sk = client.post(f"/api/v1/adhoc/rekrutmen/{r}/sk", {"nomor": "9/SK",
                                                        "tanggal": "2024-11-06"},
                     content_type="application/json")
    assert sk.status_code == 201 and sk.json()["anggota"] == 7 * tempat
    ganda = client.post(f"/api/v1/adhoc/rekrutmen/{r}/sk", {"nomor": "9/SK",
                                                           "tanggal": "2024-11-06"},
                        content_type="application/json")
    assert ganda.status_code in (409, 422) and ganda.json()["code"].startswith("adhoc.sk_")
    k = client.post(f"/api/v1/adhoc/rekrutmen/{r}/kegiatan", {
        "jenis": "bimtek", "nama": "Bimtek KPPS", "tanggal": "2024-11-12", "tempat": "GOR Mastrip",
        "agenda": "Pembukaan\nSirekap"}, content_type="application/json").json()
    a = Anggota.objects.first()
    h = client.post(f"/api/v1/adhoc/kegiatan/{k['id']}/kehadiran", {"kode_hadir": a.kode_hadir},
                    content_type="application/json")
    assert h.status_code == 201
    lagi = client.post(f"/api/v1/adhoc/kegiatan/{k['id']}/kehadiran",
                       {"kode_hadir": a.kode_hadir}, content_type="application/json")
    assert lagi.status_code == 200
    cert = client.get(f"/api/v1/adhoc/dokumen/sertifikat?format=pdf&kegiatan={k['id']}"
                      f"&anggota={a.pk}")
    assert cert.content.startswith(b"%PDF-")
    salah = client.get(f"/api/v1/adhoc/dokumen/sertifikat?format=odt&kegiatan={k['id']}")
    assert salah.status_code == 422 and salah.json()["code"] == "adhoc.templat_tidak_valid"
    assert date.fromisoformat(k["tanggal"]) == date(2024, 11, 12)


def test_api_daftar_sk_dan_pendaftar_jumlah_query_tetap(tempat, rekrutmen_kpps, operator_kota,
                                                      client, pelamar_ms, pilkada):
    """Listing decrees and applicants costs the same number of queries for few rows or
    many (each row's member count and files are not fetched one by one)."""
    client.force_login(operator_kota)
    r = rekrutmen_kpps.pk

    def hitung(url):
        with CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        return len(q)

    def sk_terbit(nomor, desa):
        assert client.post(f"/api/v1/adhoc/rekrutmen/{r}/sk", {
            "nomor": nomor, "tanggal": "2024-11-06", "wilayah": desa},
            content_type="application/json").status_code == 201

    sedikit = hitung("/api/v1/adhoc/pendaftar")
    sk_terbit("1/SK", KEDOPOK)
    satu_sk = hitung(f"/api/v1/adhoc/rekrutmen/{r}/sk")
    lain = ["35.74.05.1004", "35.74.05.1006"]
    for d in lain:
        pelamar_ms(rekrutmen_kpps, d, 7 * TPS.objects.filter(pemilu=pilkada, desa_id=d).count())
    penempatan_jalankan(akun=operator_kota, rekrutmen_id=r)
    for i, d in enumerate(lain, start=2):
        sk_terbit(f"{i}/SK", d)
    assert hitung("/api/v1/adhoc/pendaftar") == sedikit
    assert hitung(f"/api/v1/adhoc/rekrutmen/{r}/sk") == satu_sk
    banyak = client.get(f"/api/v1/adhoc/rekrutmen/{r}/sk").json()
    assert len(banyak) == 3 and all(s["anggota"] > 0 for s in banyak)
