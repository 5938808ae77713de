"""Phone forms for the coordination log, the dissemination log and the team decrees:
create, correct and delete through HTML, each audited; an upper tier reads them."""

from django.urls import reverse

from simpul.core.models import AuditEntry
from simpul.humas.errors import KodeHumas
from simpul.humas.models import Diseminasi, Koordinasi, SKTim

PERIODE = "?periode=semester&nomor=1&tahun=2022"


def test_koordinasi_buat_ubah_hapus_lewat_form(client, staf_kota, staf_jatim, staf_kab):
    client.force_login(staf_kota)
    assert client.get(reverse("humas-koordinasi")).status_code == 200
    r = client.post(reverse("humas-koordinasi"), {
        "tanggal_mulai": "2022-05-12", "tanggal_selesai": "2022-06-03",
        "jenis": "Rapat Koordinasi", "mitra": "SMAN 1", "kategori_mitra": "pemerintah",
        "uraian": "Audiensi"})
    assert r.status_code == 302
    k = Koordinasi.objects.get()
    assert "SMAN 1" in client.get(reverse("humas-koordinasi") + PERIODE).content.decode()
    ubah = reverse("humas-koordinasi-ubah", args=[k.pk])
    assert 'value="2022-06-03"' in client.get(ubah).content.decode()
    client.post(ubah, {"tanggal_mulai": "2022-05-12", "tanggal_selesai": "",
                       "jenis": "Rapat Koordinasi", "mitra": "SMAN 2",
                       "kategori_mitra": "nonpemerintah", "uraian": "Audiensi"})
    k.refresh_from_db()
    assert (k.mitra, k.kategori_mitra, k.tanggal_selesai) == ("SMAN 2", "nonpemerintah", None)
    entri = AuditEntry.objects.get(aksi="koordinasi.ubah")
    assert entri.sebelum["mitra"] == "SMAN 1" and entri.sesudah["mitra"] == "SMAN 2"
    # The province reads the city's log but gets no form; a sibling office cannot edit.
    client.force_login(staf_jatim)
    isi = client.get(reverse("humas-koordinasi") + PERIODE + "&kantor=35.74").content.decode()
    assert "SMAN 2" in isi and 'name="mitra"' not in isi
    client.force_login(staf_kab)
    assert client.get(ubah).status_code == 404
    assert client.post(reverse("humas-catatan-hapus", args=["koordinasi", k.pk])
                       ).status_code == 404
    client.force_login(staf_kota)
    client.post(reverse("humas-catatan-hapus", args=["koordinasi", k.pk]))
    assert not Koordinasi.objects.exists()
    assert AuditEntry.objects.get(aksi="koordinasi.hapus").sebelum["mitra"] == "SMAN 2"


def test_koordinasi_tanggal_terbalik_ditolak_isian_tetap(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post(reverse("humas-koordinasi"), {
        "tanggal_mulai": "2022-06-03", "tanggal_selesai": "2022-05-12", "jenis": "Rapat",
        "mitra": "Bawaslu Kota", "kategori_mitra": "pemerintah", "uraian": "Rakor"})
    isi = r.content.decode()
    assert r.status_code == 200 and "Tanggal tidak sah" in isi and "Bawaslu Kota" in isi
    assert not Koordinasi.objects.exists()


def test_diseminasi_bulan_saja_dan_ubah_kanal(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post(reverse("humas-diseminasi"), {
        "tanggal": "2022-04-17", "bulan_saja": "1", "informasi": "Hari dan Tanggal Pemilu",
        "kanal": ["tiktok"]})
    assert r.status_code == 302
    d = Diseminasi.objects.get()
    assert str(d.tanggal) == "2022-04-01" and d.presisi == "bulan"
    client.post(reverse("humas-diseminasi-ubah", args=[d.pk]), {
        "tanggal": "2022-04-20", "informasi": "Hari dan Tanggal Pemilu",
        "kanal": ["instagram", "facebook"]})
    d.refresh_from_db()
    assert d.presisi == "hari" and sorted(k.kode for k in d.kanal.all()) == [
        "facebook", "instagram"]
    entri = AuditEntry.objects.get(aksi="diseminasi.ubah")
    assert entri.sebelum["kanal"] == ["tiktok"]
    r = client.post(reverse("humas-diseminasi"), {"tanggal": "2022-04-20",
                                                  "informasi": "Tanpa media"})
    assert "Pilih sedikitnya satu media" in r.content.decode()
    client.post(reverse("humas-catatan-hapus", args=["diseminasi", d.pk]))
    assert not Diseminasi.objects.exists()


def test_tim_sk_dan_perubahannya_lewat_form(client, staf_kota):
    client.force_login(staf_kota)
    r = client.post(reverse("humas-tim"), {
        "nomor": "17/HK.03.1/3574/2022", "tanggal": "2022-01-03", "tentang": "Tim Bakohumas",
        "mengubah": "", "anggota": "Ketua KPU | Ketua | Pembina\nSekretaris | Sekretaris KPU\t"
                                   "Ketua Pelaksana"})
    assert r.status_code == 302
    asal = SKTim.objects.get()
    assert [a.jabatan_tim for a in asal.anggota.all()] == ["Pembina", "Ketua Pelaksana"]
    # The amendment form starts from the team in force and names the decree it amends.
    isi = client.get(reverse("humas-tim")).content.decode()
    assert 'value="17/HK.03.1/3574/2022"' in isi and "Sekretaris | Sekretaris KPU" in isi
    client.post(reverse("humas-tim"), {
        "nomor": "33/HK.03.1/3574/2022", "tanggal": "2022-04-20", "tentang": "Perubahan",
        "mengubah": "17/HK.03.1/3574/2022",
        "anggota": "Ketua KPU | Ketua | Pembina\nAnggota Baru | Staf | Anggota"})
    ubah = SKTim.objects.get(nomor="33/HK.03.1/3574/2022")
    assert ubah.mengubah == asal
    # A decree another amends cannot go; its amendment can, then it can.
    r = client.post(reverse("humas-catatan-hapus", args=["sk", asal.pk]), follow=True)
    assert "diubah oleh SK 33" in r.content.decode()
    assert SKTim.objects.count() == 2
    r = client.post(reverse("humas-tim-ubah", args=[ubah.pk]), {
        "nomor": "33/HK.03.1/3574/2022", "tanggal": "2022-04-21", "tentang": "Perubahan",
        "mengubah": "17/HK.03.1/3574/2022", "anggota": "tanpa pemisah"})
    assert "Baris anggota 1" in r.content.decode()
    client.post(reverse("humas-tim-ubah", args=[ubah.pk]), {
        "nomor": "33/HK.03.1/3574/2022", "tanggal": "2022-04-21", "tentang": "Perubahan",
        "mengubah": "17/HK.03.1/3574/2022", "anggota": "Ketua KPU | Ketua | Pembina"})
    ubah.refresh_from_db()
    assert str(ubah.tanggal) == "2022-04-21" and ubah.anggota.count() == 1
    assert AuditEntry.objects.get(aksi="sk_tim.ubah").sebelum["anggota"][1][0] == "Anggota Baru"
    client.post(reverse("humas-catatan-hapus", args=["sk", ubah.pk]))
    client.post(reverse("humas-catatan-hapus", args=["sk", asal.pk]))
    assert not SKTim.objects.exists()
    assert AuditEntry.objects.filter(aksi="sk_tim.hapus").count() == 2


def test_sk_yang_diubah_tidak_dapat_dihapus_kode(staf_kota):
    import pytest

    from simpul.core.errors import DataTidakValid
    from simpul.humas.services import catatan_hapus, sk_tim_tetapkan

    anggota = [{"nama": "A", "jabatan_kedinasan": "Ketua KPU", "jabatan_tim": "Pembina"}]
    asal = sk_tim_tetapkan(akun=staf_kota, nomor="1/X", tanggal="2022-01-03", anggota=anggota)
    sk_tim_tetapkan(akun=staf_kota, nomor="2/X", tanggal="2022-02-03", anggota=anggota,
                    mengubah="1/X")
    with pytest.raises(DataTidakValid) as e:
        catatan_hapus(akun=staf_kota, jenis="sk", catatan_id=asal.pk)
    assert e.value.code == KodeHumas.SK_DIRUJUK
