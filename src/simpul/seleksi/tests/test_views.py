"""The CAT's JSON endpoints as the browser calls them, the staff pages, the API and the
public announcement."""

import json
import re
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.seleksi.models import KategoriSoal, SesiCAT, Ujian

from .conftest import KADEMANGAN_KEL, csv_bank


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _masuk(client, peserta):
    p, kode = peserta
    r = client.post("/seleksi/cat/", {"nomor": p.nomor, "kode": kode})
    assert r.status_code == 302 and r["Location"] == "/seleksi/cat/tes/"
    c = r.cookies["cat_token"]
    assert c["httponly"] and c["samesite"] == "Strict" and c["path"] == "/seleksi/cat/"


def test_cat_lewat_http_mulai_jawab_ulang_kirim(client, peserta):
    assert client.get("/seleksi/cat/keadaan").json()["code"] == "seleksi.belum_masuk"
    _masuk(client, peserta)
    assert client.get("/seleksi/cat/tes/").status_code == 200
    assert client.get("/seleksi/cat/keadaan").json()["status"] == "belum"
    k = _post(client, "/seleksi/cat/mulai", {}).json()
    assert k["status"] == "berlangsung" and len(k["soal"]) == 8 and 590 <= k["sisa_detik"] <= 600
    assert all("kunci" not in s for s in k["soal"])
    jawab = {"nomor": 1, "pilihan": 2, "kunci": "u-1", "urutan": 1}
    r1 = _post(client, "/seleksi/cat/jawab", jawab)
    r2 = _post(client, "/seleksi/cat/jawab", jawab)
    assert r1.status_code == r2.status_code == 200
    assert (r1.json()["ulangan"], r2.json()["ulangan"]) == (False, True)
    k = client.get("/seleksi/cat/keadaan").json()
    assert k["jawaban"] == {"1": 2} and k["urutan_terakhir"] == 1
    assert client.post("/seleksi/cat/jawab", jawab).status_code == 415
    salah = _post(client, "/seleksi/cat/jawab", {"nomor": "x", "pilihan": 1, "kunci": "u-2"})
    assert salah.status_code == 422 and salah.json()["code"] == "seleksi.jawaban_tidak_valid"
    h1 = _post(client, "/seleksi/cat/selesai", {}).json()
    h2 = _post(client, "/seleksi/cat/selesai", {}).json()
    assert h1 == h2 and h1["status"] == "selesai" and h1["jumlah_soal"] == 8
    r = _post(client, "/seleksi/cat/jawab", {"nomor": 2, "pilihan": 0, "kunci": "u-3",
                                             "urutan": 2})
    assert r.status_code == 409 and r.json()["code"] == "seleksi.sudah_selesai"


def test_cat_lewat_http_jawaban_setelah_waktu_habis(client, peserta):
    _masuk(client, peserta)
    _post(client, "/seleksi/cat/mulai", {})
    lalu = timezone.now() - timedelta(seconds=1)
    SesiCAT.objects.filter(pendaftar=peserta[0]).update(tenggat=lalu)
    r = _post(client, "/seleksi/cat/jawab", {"nomor": 1, "pilihan": 0, "kunci": "t-1",
                                             "urutan": 1})
    assert r.status_code == 409 and r.json()["code"] == "seleksi.waktu_habis"
    assert client.get("/seleksi/cat/keadaan").json()["status"] == "selesai"


def test_pesan_skrip_cat_dari_katalog_javascript_inggris(client, peserta, settings):
    """The CAT script's messages come from Django's JavaScript catalogue: English when the
    language is English, the Indonesian source otherwise."""
    _masuk(client, peserta)
    halaman = client.get("/seleksi/cat/tes/").content.decode()
    assert halaman.index('src="/jsi18n/"') < halaman.index("seleksi/cat.js")
    indonesia = client.get("/jsi18n/").content.decode()
    assert "All answers saved." not in indonesia
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    r = client.get("/jsi18n/")
    teks = r.content.decode()
    assert r.status_code == 200 and r["Content-Type"].startswith("text/javascript")
    assert '"Semua jawaban tersimpan.": "All answers saved."' in teks
    assert '"%s question not answered yet. Submit now?"' in teks
    assert '"%s questions not answered yet. Submit now?"' in teks


def test_halaman_masuk_kode_salah(client, peserta):
    r = client.post("/seleksi/cat/", {"nomor": peserta[0].nomor, "kode": "SALAH"})
    assert r.status_code == 422 and "kode masuk salah" in r.content.decode()


def test_halaman_staf_bank_ujian_kode_peringkat(client, operator_kota, ujian, daftarkan):
    p = daftarkan(nama="Ani")
    client.force_login(operator_kota)
    assert ujian.rekrutmen.nama in client.get("/seleksi/").content.decode()
    berkas = SimpleUploadedFile("bank2.csv", csv_bank(5) + b'"Asing","x?",a,b,c,d,,A\n')
    r = client.post("/seleksi/bank/", {"berkas": berkas})
    isi = r.content.decode()
    assert r.status_code == 200 and "4 soal ditambahkan" in isi and "tidak dikenal" in isi
    r = client.post(f"/seleksi/ujian/{ujian.pk}/")
    kode = re.search(r'data-testid="kode">([A-Z0-9]{8})<', r.content.decode()).group(1)
    assert p.nomor in r.content.decode()
    assert "Kode diterbitkan" in client.get(f"/seleksi/ujian/{ujian.pk}/").content.decode()
    assert SesiCAT.objects.get(pendaftar=p).kode_hash != kode
    r = client.get(f"/seleksi/rekrutmen/{ujian.rekrutmen_id}/")
    assert r.status_code == 200 and p.nomor in r.content.decode()
    r = client.post(f"/seleksi/wawancara/{p.pk}/", {"nilai": "150"})
    assert r.status_code == 422 and "seleksi.nilai_wawancara_tidak_valid" in r.content.decode()
    r = client.post(f"/seleksi/wawancara/{p.pk}/", {"nilai": "75"})
    assert r.status_code == 302


def test_kode_untuk_pendaftar_bukan_angka_404_bukan_500(client, operator_kota, ujian, daftarkan):
    p = daftarkan()
    client.force_login(operator_kota)
    for salah in ("abc", "1 OR 1=1", "-3", "٣"):
        r = client.post(f"/seleksi/ujian/{ujian.pk}/", {"pendaftar": salah})
        assert r.status_code == 404, salah
        assert "Pendaftar tidak ditemukan di ujian ini." in r.content.decode()
    assert not SesiCAT.objects.filter(pendaftar=p).exists()
    r = client.post(f"/seleksi/ujian/{ujian.pk}/", {"pendaftar": str(p.pk)})
    assert r.status_code == 200 and SesiCAT.objects.filter(pendaftar=p).exists()


def test_halaman_wawancara_di_luar_wilayah_404(client, daftarkan, buat_akun, pemilu):
    p = daftarkan(desa=KADEMANGAN_KEL)
    client.force_login(buat_akun(Peran.PPK, "35.74.05", pemilu))
    assert client.get(f"/seleksi/wawancara/{p.pk}/").status_code == 404
    assert client.post(f"/seleksi/wawancara/{p.pk}/", {"nilai": "80"}).status_code == 404
    r = client.post(f"/api/v1/seleksi/wawancara/{p.pk}", {"nilai": "80"},
                    content_type="application/json")
    assert r.status_code == 404 and r.json()["code"] == "tidak_ditemukan"


def test_api_ujian_kode_wawancara_peringkat_pengumuman(client, operator_kota, rekrutmen_pps,
                                                       bank, daftarkan):
    p = daftarkan()
    client.force_login(operator_kota)
    sekarang = timezone.now()
    komposisi = {str(k.pk): 1 for k in KategoriSoal.objects.all()}
    r = client.post("/api/v1/seleksi/ujian", {
        "rekrutmen_id": rekrutmen_pps.pk, "nama": "CAT API", "durasi_menit": 5,
        "dibuka": sekarang.isoformat(), "ditutup": (sekarang + timedelta(hours=1)).isoformat(),
        "komposisi": komposisi}, content_type="application/json")
    assert r.status_code == 201, r.content
    u = Ujian.objects.get(pk=r.json()["id"])
    r = client.post("/api/v1/seleksi/ujian", {
        "rekrutmen_id": rekrutmen_pps.pk, "nama": "x", "durasi_menit": 5,
        "dibuka": sekarang.isoformat(), "ditutup": (sekarang + timedelta(hours=1)).isoformat(),
        "komposisi": {str(KategoriSoal.objects.first().pk): 99}}, content_type="application/json")
    assert r.status_code == 422 and r.json()["code"] == "seleksi.soal_kurang"
    [kartu] = client.post(f"/api/v1/seleksi/ujian/{u.pk}/kode", {},
                          content_type="application/json").json()
    assert kartu["nomor"] == p.nomor and len(kartu["kode"]) == 8
    [peserta] = client.get(f"/api/v1/seleksi/ujian/{u.pk}/peserta").json()
    assert peserta["nik"] == p.nik[:4] + "*" * 10 + p.nik[14:]
    assert client.post(f"/api/v1/seleksi/wawancara/{p.pk}", {"nilai": "88"},
                       content_type="application/json").status_code == 201
    r = client.get(f"/api/v1/seleksi/rekrutmen/{rekrutmen_pps.pk}/peringkat").json()
    assert r["wilayah"][0]["calon"][0]["nilai_wawancara"] == "88.00"
    r = client.post(f"/api/v1/seleksi/rekrutmen/{rekrutmen_pps.pk}/pengumuman",
                    {"nomor_surat": "9/2024"}, content_type="application/json")
    assert r.status_code == 201
    pid = r.json()["id"]
    client.logout()
    assert client.get(f"/api/v1/seleksi/pengumuman/{pid}").json()["nomor_surat"] == "9/2024"
    halaman = client.get(f"/seleksi/pengumuman/{pid}/").content.decode()
    assert p.nomor in halaman and p.nik not in halaman and p.nik[:4] + "*" * 10 in halaman
    pdf = client.get(f"/seleksi/pengumuman/{pid}/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert AuditEntry.objects.filter(aksi="seleksi.pengumuman.ekspor").count() == 1


def test_api_staf_lain_kota_tidak_melihat_ujian(client, ujian, buat_akun):
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.13"))
    assert client.get(f"/api/v1/seleksi/ujian/{ujian.pk}/peserta").status_code == 404
    assert client.get(f"/seleksi/ujian/{ujian.pk}/").status_code == 404
