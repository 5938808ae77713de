"""Stages of the voter list: lock, queued corrections, immutable fixed lists with their
hash, public responses, DPTb, DPK, recaps and exports (RULES.md §4; ANCHORS.md SIDALIH,
cekdptonline, DPT rows)."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from openpyxl import load_workbook

from simpul.core.errors import DataTidakValid
from simpul.core.models import AuditEntry
from simpul.core.nik import nik_samarkan
from simpul.pemilih.kunci import TahapTerkunci
from simpul.pemilih.models import (
    KoreksiTertunda,
    Pemilih,
    PemilihKhusus,
    PindahMemilih,
    RiwayatPemilih,
    SalinanDaftar,
    SalinanPemilih,
    Tanggapan,
)
from simpul.pemilih.rules import dptb_tepat_waktu, salinan_sidik, tahap_boleh_ditetapkan
from simpul.pemilih.services import pemilih_buat, pemilih_ubah
from simpul.pemilih.services_dptb import dptb_terima
from simpul.pemilih.services_pemetaan import pemetaan_jalankan
from simpul.pemilih.services_tahap import (
    dpk_catat,
    dps_ekspor,
    koreksi_ajukan,
    rekap_ekspor,
    rekap_hitung,
    salinan_verifikasi,
    tahap_kunci,
    tahap_tetapkan,
    tanggapan_catat,
    tanggapan_selesaikan,
)
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

from .conftest import nik_untuk


@pytest.fixture(autouse=True)
def cache_bersih():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dipetakan(operator, pemilu, warga):
    pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    return [Pemilih.objects.get(pk=p.pk) for p in warga]


def _tetapkan(operator, pemilu, tahap):
    tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap=tahap)
    return tahap_tetapkan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)


def test_rules4_urutan_tahap_dps_dpshp_dpshp_akhir_dpt():
    """RULES.md §4: DPS → DPSHP → DPSHP Akhir → DPT; no skip, no going back; a stage may
    be fixed again as a new version."""
    assert tahap_boleh_ditetapkan("dps", None)
    assert not tahap_boleh_ditetapkan("dpt", None)
    assert tahap_boleh_ditetapkan("dpshp", "dps")
    assert tahap_boleh_ditetapkan("dpt", "dpt")
    assert not tahap_boleh_ditetapkan("dpt", "dps")
    assert not tahap_boleh_ditetapkan("dps", "dpshp")
    assert not tahap_boleh_ditetapkan("dpb", "dps")


def test_pkpu_7_2022_pasal_117_dptb_paling_lambat_7_hari():
    assert dptb_tepat_waktu(date(2024, 2, 7), date(2024, 2, 14))
    assert not dptb_tepat_waktu(date(2024, 2, 8), date(2024, 2, 14))


def test_sidik_salinan_berubah_bila_satu_nilai_berubah():
    a = [("d", 1, "1", "k", "A")]
    assert salinan_sidik(a) == salinan_sidik(list(a))
    assert salinan_sidik(a) != salinan_sidik([("d", 1, "1", "k", "B")])


def test_anchors_sidalih_kunci_koreksi_tertunda_diterapkan_tahap_berikutnya(
        operator, pemilu, dipetakan, client):
    """ANCHORS.md (SIDALIH 2023): during a lock a dead voter is queued, shown as pending,
    applied when the stage is fixed, with an audit trail; the public check reads the same
    fixed list with its version and hash."""
    mati, salah = dipetakan[0], dipetakan[1]
    tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    with pytest.raises(TahapTerkunci) as e:
        pemilih_ubah(akun=operator, pemilih_id=salah.pk, versi=salah.versi,
                     perubahan={"nama": "WARGA DUA"})
    assert e.value.code == "pemilih.tahap_terkunci" and e.value.status == 409
    with pytest.raises(TahapTerkunci):
        pemetaan_jalankan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    with pytest.raises(TahapTerkunci):
        pemilih_buat(akun=operator, pemilu=pemilu, nik=nik_untuk(date(1999, 1, 1), urut=900),
                     nkk="3574050101000999", nama="BARU", tanggal_lahir=date(1999, 1, 1),
                     jenis_kelamin="L", kode_desa=KEDOPOK)
    k1 = koreksi_ajukan(akun=operator, pemilih_id=mati.pk, jenis="tms", kategori="meninggal",
                        alasan="surat kematian desa")
    k2 = koreksi_ajukan(akun=operator, pemilih_id=salah.pk, jenis="ubah",
                        perubahan={"nama": "WARGA DUA"}, alasan="salah ketik")
    with pytest.raises(DataTidakValid) as e:
        koreksi_ajukan(akun=operator, pemilih_id=mati.pk, jenis="tms", alasan="x")
    assert e.value.code == "pemilih.tms_tanpa_kategori"
    # Pending corrections show on the public check, which still reads the running list.
    r = client.post("/api/v1/pemilih/cek", json.dumps({"nik": mati.nik}),
                    content_type="application/json").json()
    assert r["hasil"][0]["koreksi_tertunda"] is True
    assert r["hasil"][0]["sumber"] == "daftar berjalan (belum ditetapkan)"

    dps = tahap_tetapkan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert (dps.tahap, dps.versi, dps.jumlah, dps.jumlah_tps) == ("dps", 1, 18, 5)
    assert dps.jumlah_l + dps.jumlah_p == 18 and dps.jumlah_p == 6
    assert len(dps.sha256) == 64 and salinan_verifikasi(salinan=dps)
    k1.refresh_from_db()
    k2.refresh_from_db()
    assert (k1.status, k2.status, k1.salinan_id) == ("diterapkan", "diterapkan", dps.pk)
    mati.refresh_from_db()
    assert mati.status == "tms" and mati.kategori_tms.kode == "meninggal"
    r = RiwayatPemilih.objects.get(pemilih=mati, aksi="pemilih.tms")
    assert f"koreksi tertunda #{k1.pk}" in r.alasan and "DPS versi 1" in r.alasan
    assert AuditEntry.objects.filter(aksi="pemilih.koreksi_terapkan").count() == 2
    # The fixed DPS still lists both as they were: later changes do not alter it.
    assert SalinanPemilih.objects.filter(salinan=dps, nik=mati.nik).exists()
    assert SalinanPemilih.objects.get(salinan=dps, nik=salah.nik).nama == "WARGA 2"
    assert salinan_verifikasi(salinan=dps)
    r = client.post("/api/v1/pemilih/cek", json.dumps({"nik": salah.nik}),
                    content_type="application/json").json()["hasil"][0]
    assert r["sumber"] == "DPS versi 1" and r["sha256"] == dps.sha256
    assert r["nama"] == "WA*** 2" and r["koreksi_tertunda"] is False


def test_salinan_tidak_dapat_diubah(operator, pemilu, dipetakan):
    dps = _tetapkan(operator, pemilu, "dps")
    baris = SalinanPemilih.objects.filter(salinan=dps).first()
    with pytest.raises(ValueError):
        baris.save()
    with pytest.raises(ValueError):
        baris.delete()
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            SalinanPemilih.objects.filter(pk=baris.pk).update(nama="PALSU")
        with pytest.raises(IntegrityError), transaction.atomic():
            SalinanDaftar.objects.filter(pk=dps.pk).update(sha256="0" * 64)
        assert salinan_verifikasi(salinan=dps)
    else:  # no trigger on SQLite: tampering is at least caught by the hash
        SalinanPemilih.objects.filter(pk=baris.pk).update(nama="PALSU")
        assert not salinan_verifikasi(salinan=dps)


def test_tahap_galat_bernama(operator, pemilu, warga):
    with pytest.raises(DataTidakValid) as e:
        tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dpt")
    assert e.value.code == "pemilih.tahap_urutan_salah"
    with pytest.raises(DataTidakValid) as e:
        tahap_tetapkan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert e.value.code == "pemilih.tahap_tidak_terkunci"
    tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK, tahap="dps")
    with pytest.raises(DataTidakValid) as e:  # nobody mapped to a TPS yet
        tahap_tetapkan(akun=operator, pemilu=pemilu, wilayah_kode=KEDOPOK)
    assert e.value.code == "pemilih.belum_dipetakan"
    with pytest.raises(TahapTerkunci):  # one lock at a time over a place
        tahap_kunci(akun=operator, pemilu=pemilu, wilayah_kode="35.74", tahap="dps")
    with pytest.raises(DataTidakValid) as e:
        koreksi_ajukan(akun=operator, pemilih_id=warga[0].pk, jenis="ubah", alasan="x")
    assert e.value.code == "pemilih.data_tidak_valid"


def test_tanggapan_masyarakat_dicatat_dan_diselesaikan(operator, pemilu, dipetakan):
    dps = _tetapkan(operator, pemilu, "dps")
    t = tanggapan_catat(akun=operator, salinan_id=dps.pk, kode_desa=KEDOPOK, jenis="tms",
                        pelapor="Ketua RT 001", isi="WARGA 1 meninggal Januari",
                        pemilih_id=dipetakan[0].pk)
    with pytest.raises(DataTidakValid):
        tanggapan_catat(akun=operator, salinan_id=dps.pk, kode_desa=KEDOPOK, jenis="tms",
                        pelapor="", isi="")
    with pytest.raises(DataTidakValid):
        tanggapan_selesaikan(akun=operator, tanggapan_id=t.pk, status="ditolak",
                             tindak_lanjut=" ")
    t = tanggapan_selesaikan(akun=operator, tanggapan_id=t.pk, status="ditindaklanjuti",
                             tindak_lanjut="Dicoret TMS meninggal dengan surat kematian")
    assert t.status == "ditindaklanjuti" and t.selesai
    assert AuditEntry.objects.filter(aksi__startswith="pemilih.tanggapan_").count() == 2


def test_dptb_dan_dpk_rules4(operator, pemilu, dipetakan, client):
    """RULES.md §4: DPTb are DPT voters moving to another TPS (origin and destination kept;
    the rules of an entry are in test_dptb.py); DPK are eligible people not on the DPT.
    Both show in the DPT recap and the public check."""
    p = dipetakan[3]
    tujuan = TPS.objects.get(pemilu=pemilu, desa_id="35.74.05.1006", nomor=1)
    for tahap in ("dps", "dpshp", "dpshp_akhir", "dpt"):
        dpt = _tetapkan(operator, pemilu, tahap)
    pemilu.tanggal_pemungutan = date.today() + timedelta(days=30)
    pemilu.save()
    _, hasil = dptb_terima(akun=operator, pemilu_id=pemilu.pk, isian=[
        {"kunci": "dptb-uji-0001", "nik": p.nik, "tps_tujuan_id": tujuan.pk,
         "alasan": "bekerja di luar kota", "nomor_surat": "A-SPM/001"}])
    assert hasil[0]["status"] == "dicatat", hasil
    pm = PindahMemilih.objects.get(pemilih=p)
    assert (pm.tps_asal_id, pm.tps_tujuan_id, pm.salinan_id) == (p.tps_id, tujuan.pk, dpt.pk)
    r = client.post("/api/v1/pemilih/cek", json.dumps({"nik": p.nik}),
                    content_type="application/json").json()["hasil"][0]
    assert r["pindah_ke"].startswith("TPS 001") and r["sumber"] == "DPT versi 1"

    tps1 = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    with pytest.raises(DataTidakValid) as e:
        dpk_catat(akun=operator, tps_id=tps1.pk, nik=p.nik, nama="X",
                  tanggal_lahir=date(1980, 1, 5), jenis_kelamin="L")
    assert e.value.code == "pemilih.sudah_di_dpt"
    with pytest.raises(DataTidakValid) as e:
        dpk_catat(akun=operator, tps_id=tps1.pk, nik="2", nama="X",
                  tanggal_lahir=date(1980, 1, 5), jenis_kelamin="L")
    assert e.value.code == "nik.format"
    muda = date.today().replace(day=1) - timedelta(days=16 * 365)
    with pytest.raises(DataTidakValid) as e:
        dpk_catat(akun=operator, tps_id=tps1.pk, nik=nik_untuk(muda, urut=700), nama="MUDA",
                  tanggal_lahir=muda, jenis_kelamin="L")
    assert e.value.code == "pemilih.di_bawah_umur"
    lahir = date(1990, 7, 7)
    dpk_catat(akun=operator, tps_id=tps1.pk, nik=nik_untuk(lahir, urut=701), nama="KHUSUS",
              tanggal_lahir=lahir, jenis_kelamin="L")

    rekap = rekap_hitung(akun=operator, salinan=dpt, tingkat="tps")
    assert rekap.kolom[-3:] == ["DPTb keluar", "DPTb masuk", "DPK"]
    assert rekap.total[3:6] == [12, 6, 18] and rekap.total[-3:] == [1, 0, 1]
    kec = rekap_hitung(akun=operator, salinan=dpt, tingkat="kecamatan")
    assert [b[1] for b in kec.baris] == ["35.74.05"]
    assert kec.baris[0][3:8] == [1, 5, 12, 6, 18]
    kab = rekap_hitung(akun=operator, salinan=dpt, tingkat="kabupaten")
    assert kab.baris[0][1] == "35.74" and kab.baris[0][3:8] == [1, 5, 12, 6, 18]


def test_ekspor_dps_dan_rekap_tersamar_dan_diaudit(operator, pemilu, dipetakan):
    """NIK/KK masked in every export (UU 27/2022), watermark per recipient, audited."""
    import pypdfium2

    dps = _tetapkan(operator, pemilu, "dps")
    tps1 = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    isi, nama, mime = dps_ekspor(akun=operator, salinan_id=dps.pk, tps_id=tps1.pk,
                                 format="xlsx")
    assert nama.endswith(".xlsx")
    ws = load_workbook(io.BytesIO(isi)).active
    sel = [str(c) for r in ws.iter_rows(values_only=True) for c in r if c is not None]
    teks = " ".join(sel)
    assert operator.username in teks and dps.sha256 in teks
    nik_semua = {p.nik for p in dipetakan} | {p.nkk for p in dipetakan}
    assert not any(n in teks for n in nik_semua)
    anggota = [p for p in dipetakan if p.tps_id == tps1.pk]
    assert all(p.nama in sel for p in anggota)
    pdf, nama, mime = dps_ekspor(akun=operator, salinan_id=dps.pk, tps_id=tps1.pk,
                                 format="pdf")
    assert pdf.startswith(b"%PDF") and mime == "application/pdf"
    dok = pypdfium2.PdfDocument(pdf)
    halaman = dok[0].get_textpage().get_text_range()
    assert anggota[0].nama in halaman and "SHA-256" in halaman
    assert not any(n in halaman for n in nik_semua)
    for tingkat in ("tps", "desa", "kecamatan", "kabupaten"):
        for fmt in ("xlsx", "pdf"):
            isi, _, _ = rekap_ekspor(akun=operator, salinan_id=dps.pk, tingkat=tingkat,
                                     format=fmt)
            assert isi
    with pytest.raises(DataTidakValid):
        rekap_ekspor(akun=operator, salinan_id=dps.pk, tingkat="desa", format="docx")
    assert AuditEntry.objects.filter(aksi="pemilih.dps_ekspor").count() == 2
    assert AuditEntry.objects.filter(aksi="pemilih.rekap_ekspor").count() == 8
    assert KoreksiTertunda.objects.count() == 0


def test_halaman_dan_api_tahap(client, operator, pemilu, dipetakan):
    from django.urls import reverse

    client.force_login(operator)
    url = reverse("pemilih-tahap")
    r = client.post(url, {"pemilu": pemilu.pk, "aksi": "kunci", "wilayah": KEDOPOK,
                          "tahap": "dps"})
    assert r.status_code == 302
    assert "Terkunci" in client.get(r.url).content.decode()
    api = client.post(reverse("api-v1:pemilih_koreksi"), {
        "pemilih_id": dipetakan[0].pk, "jenis": "tms", "kategori": "meninggal",
        "alasan": "surat kematian"}, content_type="application/json")
    assert api.status_code == 200 and api.json()["status"] == "tertunda"
    ubah = client.post(reverse("api-v1:pemilih_tahap_tetapkan"), {
        "pemilu_id": pemilu.pk, "wilayah_kode": KEDOPOK}, content_type="application/json")
    assert ubah.status_code == 200
    s = ubah.json()
    assert s["tahap"] == "dps" and len(s["sha256"]) == 64
    halaman = client.get(f"{url}?pemilu={pemilu.pk}").content.decode()
    assert s["sha256"][:16] in halaman and "Diterapkan" in halaman
    tps1 = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    pdf = client.get(reverse("pemilih-salinan-dps", args=[s["id"], tps1.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    x = client.get(reverse("api-v1:pemilih_salinan_rekap", args=[s["id"]]),
                   {"tingkat": "kecamatan", "format": "xlsx"})
    assert x.status_code == 200 and x["Content-Type"].startswith("application/vnd.openxml")
    salah = client.post(reverse("api-v1:pemilih_tahap_kunci"), {
        "pemilu_id": pemilu.pk, "wilayah_kode": KEDOPOK, "tahap": "dpt"},
        content_type="application/json")
    assert salah.status_code == 422 and salah.json()["code"] == "pemilih.tahap_urutan_salah"


def test_halaman_dpk_tps_dipilih_galat_bernama_dan_nik_tersamar(client, operator, pemilu,
                                                              dipetakan):
    """RULES.md §4 (DPK) on the stage page: the TPS is chosen from those of the election in
    the territory; each refusal is shown in Indonesian with its code and keeps what was
    typed; the DPK list shows the NIK masked."""
    from django.urls import reverse

    for tahap in ("dps", "dpshp", "dpshp_akhir", "dpt"):
        _tetapkan(operator, pemilu, tahap)
    client.force_login(operator)
    url = f"{reverse('pemilih-tahap')}?pemilu={pemilu.pk}"
    tps1 = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    halaman = client.get(url).content.decode()
    assert f'<option value="{tps1.pk}">TPS 001 · Kedopok</option>' in halaman
    lahir = date(1990, 7, 7)
    isian = {"pemilu": pemilu.pk, "aksi": "dpk", "tps": tps1.pk, "nama": "SITI KHUSUS",
             "nik": nik_untuk(lahir, perempuan=True, urut=701), "tanggal_lahir": "1990-07-07",
             "jenis_kelamin": "P", "status_kawin": "S", "nkk": "3574050101000701",
             "alamat": "JL. MAWAR 1", "rt": "002", "rw": "001"}
    muda = date(2008, 3, 1)
    for ubah, kode, pesan in (
            ({"nik": "35740547079"}, "nik.format", "NIK harus tepat 16 angka."),
            ({"nik": nik_untuk(muda, urut=700), "tanggal_lahir": "2008-03-01",
              "jenis_kelamin": "L", "status_kawin": ""}, "pemilih.di_bawah_umur",
             "Belum 17 tahun"),
            ({"nik": dipetakan[0].nik}, "pemilih.sudah_di_dpt", "terdaftar di DPT")):
        r = client.post(url, {**isian, **ubah})
        teks = r.content.decode()
        assert r.status_code == 422, kode
        assert f'data-kode="{kode}"' in teks and pesan in teks and f"({kode})" in teks
        assert 'value="SITI KHUSUS"' in teks and 'value="JL. MAWAR 1"' in teks
    assert not PemilihKhusus.objects.exists()

    r = client.post(url, isian, follow=True)
    teks = r.content.decode()
    d = PemilihKhusus.objects.get()
    assert (d.tps_id, d.nama, d.status_kawin, d.rt, d.rw) == (tps1.pk, "SITI KHUSUS", "S",
                                                             "002", "001")
    assert "Pemilih khusus (DPK) dicatat: SITI KHUSUS, TPS 001 Kedopok." in teks
    assert nik_samarkan(d.nik) in teks and d.nik not in teks
    assert AuditEntry.objects.filter(aksi="pemilih.dpk_catat").count() == 1


def test_halaman_tanggapan_daftar_dan_desa_dipilih_pemilih_lewat_nik(client, operator, pemilu,
                                                                   dipetakan):
    """The public-response form names the list and the desa by choice and the voter by the
    NIK listed there, not by database ids; the API still takes ids."""
    from django.urls import reverse

    dps = _tetapkan(operator, pemilu, "dps")
    client.force_login(operator)
    url = f"{reverse('pemilih-tahap')}?pemilu={pemilu.pk}"
    halaman = client.get(url).content.decode()
    assert f'<option value="{dps.pk}">DPS versi 1 · {KEDOPOK}</option>' in halaman
    assert f'<option value="{KEDOPOK}">Kedopok ({KEDOPOK})</option>' in halaman
    assert 'value="35.74.05.1006"' not in halaman  # a desa outside the fixed list
    isian = {"pemilu": pemilu.pk, "aksi": "tanggapan", "salinan": dps.pk, "desa": KEDOPOK,
             "jenis": "tms", "pelapor": "Ketua RT 001", "isi": "Sudah meninggal Januari"}
    r = client.post(url, {**isian, "nik": nik_untuk(date(1970, 1, 1), urut=999)})
    teks = r.content.decode()
    assert r.status_code == 422 and 'data-kode="pemilih.nik_tidak_di_daftar"' in teks
    assert "tidak terdaftar di DPS versi 1" in teks and 'value="Ketua RT 001"' in teks
    r = client.post(url, {**isian, "nik": dipetakan[0].nik})
    assert r.status_code == 302
    assert Tanggapan.objects.get().pemilih_id == dipetakan[0].pk
    assert client.post(url, {**isian, "jenis": "belum_terdaftar"}).status_code == 302
    assert Tanggapan.objects.filter(pemilih__isnull=True).count() == 1
    api = client.post(reverse("api-v1:pemilih_tanggapan"), {
        "salinan_id": dps.pk, "kode_desa": KEDOPOK, "jenis": "data_salah", "pelapor": "Warga",
        "isi": "Nama salah ketik", "pemilih_id": dipetakan[1].pk},
        content_type="application/json")
    assert api.status_code == 200 and Tanggapan.objects.get(
        pk=api.json()["id"]).pemilih_id == dipetakan[1].pk


def test_anchors_kpu_go_id_cadangan_statis_per_tps(operator, pemilu, dipetakan, tmp_path):
    """ANCHORS.md (kpu.go.id, Feb 2024): a static fallback per TPS from the fixed list,
    masked, with the list's hash and a manifest of file hashes; audited."""
    import hashlib

    from django.core.management import call_command

    dps = _tetapkan(operator, pemilu, "dps")
    call_command("pemilih", "statis", "--salinan", str(dps.pk), "--akun", operator.username,
                 "-o", str(tmp_path))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["sha256_daftar"] == dps.sha256
    assert sorted(manifest["berkas"]) == sorted(
        ["index.html", f"{KEDOPOK}/index.html"]
        + [f"{KEDOPOK}/tps-{n:03d}.html" for n in range(1, 6)])
    for jalur, sidik in manifest["berkas"].items():
        assert hashlib.sha256((tmp_path / jalur).read_bytes()).hexdigest() == sidik
    tps1 = (tmp_path / KEDOPOK / "tps-001.html").read_text()
    anggota = [p for p in dipetakan if p.tps.nomor == 1]
    assert all(f"WA*** {p.nama.split()[1]}"[:6] in tps1 for p in anggota)
    assert not any(p.nik in tps1 or p.nama in tps1 for p in dipetakan)
    assert dps.sha256 in tps1
    assert AuditEntry.objects.filter(aksi="pemilih.cek_statis_ekspor").count() == 1
