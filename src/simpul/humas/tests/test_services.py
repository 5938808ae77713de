import io
from datetime import date, timedelta

import pytest
from openpyxl import Workbook

from simpul.core.errors import DataTidakValid, Dilarang, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.humas.errors import KodeHumas
from simpul.humas.models import Publikasi, Unggahan
from simpul.humas.services import (
    KOLOM_IMPOR,
    publikasi_hapus,
    publikasi_impor,
    publikasi_simpan,
    unggahan_tempel,
)

IG = "https://www.instagram.com/p/CZ0001/"
FB = "https://www.facebook.com/kpukotaprobolinggo/posts/1"


def _simpan(akun, **kw):
    data = {"tanggal": date(2022, 1, 3), "jenis_konten": "Foto Berita",
            "judul": "Rapat pleno rutin",
            "unggahan": [{"kanal": "instagram", "tautan": IG}, {"tautan": FB}]}
    data.update(kw)
    return publikasi_simpan(akun=akun, **data)


def test_satu_konten_banyak_kanal_satu_publikasi(staf_kota):
    p = _simpan(staf_kota)
    assert p.kantor_id == "35.74"
    assert sorted(p.unggahan.values_list("kanal_id", flat=True)) == ["facebook", "instagram"]
    entri = AuditEntry.objects.filter(aksi="publikasi.buat", objek_id=str(p.pk)).get()
    assert entri.wilayah_kode == "35.74"
    assert len(entri.sesudah["unggahan"]) == 2


def test_ubah_dan_hapus_diaudit(staf_kota):
    p = _simpan(staf_kota)
    publikasi_simpan(akun=staf_kota, publikasi_id=p.pk, tanggal="2022-01-04",
                     jenis_konten="KPU Flash", judul="Rapat pleno", jangkauan="1.250",
                     unggahan=[{"tautan": IG}])
    p.refresh_from_db()
    assert (p.tanggal, p.jenis_konten.nama, p.jangkauan) == (date(2022, 1, 4), "KPU Flash", 1250)
    assert p.unggahan.count() == 1
    ubah = AuditEntry.objects.get(aksi="publikasi.ubah", objek_id=str(p.pk))
    assert len(ubah.sebelum["unggahan"]) == 2 and len(ubah.sesudah["unggahan"]) == 1
    publikasi_hapus(akun=staf_kota, publikasi_id=p.pk)
    assert not Publikasi.objects.filter(pk=p.pk).exists()
    assert AuditEntry.objects.filter(aksi="publikasi.hapus", objek_id=str(p.pk)).exists()


@pytest.mark.parametrize("ubah, kode", [
    ({"tanggal": date.today() + timedelta(days=1)}, KodeHumas.TANGGAL_TIDAK_VALID),
    ({"tanggal": "31/02/2022"}, KodeHumas.TANGGAL_TIDAK_VALID),
    ({"jenis_konten": "Konten Asing"}, KodeHumas.JENIS_KONTEN_TIDAK_DIKENAL),
    ({"judul": "   "}, KodeHumas.JUDUL_KOSONG),
    ({"jangkauan": "-5"}, KodeHumas.JANGKAUAN_TIDAK_VALID),
    ({"unggahan": []}, KodeHumas.KANAL_TIDAK_DIKENAL),
    ({"unggahan": [{"kanal": "instagram", "tautan": FB}]}, KodeHumas.TAUTAN_KANAL_BEDA),
    ({"unggahan": [{"kanal": "instagram"}]}, KodeHumas.TAUTAN_TIDAK_VALID),
    ({"unggahan": [{"tautan": "https://example.org/a"}]}, KodeHumas.KANAL_TIDAK_DIKENAL),
    ({"unggahan": [{"tautan": "javascript:alert(1)"}]}, KodeHumas.TAUTAN_TIDAK_VALID),
    ({"unggahan": [{"kanal": "whatsapp"}]}, KodeHumas.KANAL_TIDAK_DIKENAL),
    ({"unggahan": [{"tautan": IG}, {"tautan": IG}]}, KodeHumas.UNGGAHAN_GANDA),
])
def test_masukan_salah_ditolak_dengan_kode(staf_kota, ubah, kode):
    with pytest.raises(DataTidakValid) as e:
        _simpan(staf_kota, **ubah)
    assert e.value.code == kode
    assert not Publikasi.objects.exists()


def test_tautan_tidak_boleh_dicatat_dua_kali(staf_kota):
    _simpan(staf_kota)
    with pytest.raises(DataTidakValid) as e:
        _simpan(staf_kota, judul="Judul lain", unggahan=[{"tautan": IG}])
    assert e.value.code == KodeHumas.TAUTAN_GANDA


def test_grup_whatsapp_per_nama_grup(staf_kota):
    p = _simpan(staf_kota, unggahan=[
        {"tautan": IG}, {"kanal": "whatsapp", "sasaran": "Grup Bakohumas KPU Kota Probolinggo"},
        {"kanal": "WA", "sasaran": "Grup Bakohumas KPU Provinsi Jawa Timur"}])
    assert sorted(p.unggahan.values_list("sasaran", flat=True)) == [
        "", "Grup Bakohumas KPU Kota Probolinggo", "Grup Bakohumas KPU Provinsi Jawa Timur"]


def test_hanya_petugas_kpu_kantor_sendiri(akun_per_peran, staf_kab, staf_kota):
    for peran in (Peran.PPK, Peran.PPS, Peran.KPPS, Peran.PUBLIK):
        with pytest.raises(Dilarang):
            _simpan(akun_per_peran[peran])
    p = _simpan(staf_kota)
    # A sibling office cannot change or delete the city's log, nor can the province.
    with pytest.raises(TidakDitemukan):
        publikasi_hapus(akun=staf_kab, publikasi_id=p.pk)
    with pytest.raises(TidakDitemukan):
        publikasi_hapus(akun=akun_per_peran[Peran.KPU_PROVINSI], publikasi_id=p.pk)
    # The province records in its own log.
    q = _simpan(akun_per_peran[Peran.KPU_PROVINSI],
                unggahan=[{"tautan": "https://www.instagram.com/p/JATIM1/"}])
    assert q.kantor_id == "35"


def test_tempel_tautan_mengenali_kanal_dan_menambah_unggahan_silang(staf_kota):
    p = unggahan_tempel(akun=staf_kota, tautan=IG, tanggal=date(2022, 1, 3),
                        jenis_konten="Repost", judul="Repost KPU RI")
    assert list(p.unggahan.values_list("kanal_id", flat=True)) == ["instagram"]
    unggahan_tempel(akun=staf_kota, tautan="https://twitter.com/kpu/status/9", publikasi_id=p.pk)
    assert sorted(p.unggahan.values_list("kanal_id", flat=True)) == ["instagram", "x"]
    assert Publikasi.objects.count() == 1
    with pytest.raises(DataTidakValid) as e:
        unggahan_tempel(akun=staf_kota, tautan="https://example.org/x", publikasi_id=p.pk)
    assert e.value.code == KodeHumas.KANAL_TIDAK_DIKENAL


def _csv(baris) -> bytes:
    teks = ",".join(KOLOM_IMPOR) + "\n" + "\n".join(",".join(b) for b in baris)
    return teks.encode()


BARIS = [
    ["2022-01-03", "Foto Berita", "Rapat pleno", "instagram", IG, "", "100"],
    ["2022-01-03", "Foto Berita", "Rapat pleno", "", FB, "", ""],
    ["03/01/2022", "foto berita", "Rapat pleno", "whatsapp", "", "Grup Bakohumas", ""],
    ["2022-01-04", "Repost", "Repost KPU RI", "x", "https://x.com/kpu/status/1", "", ""],
]


def test_impor_mengelompokkan_baris_menjadi_publikasi_dan_impor_ulang_tidak_mengubah(staf_kota):
    hasil = publikasi_impor(akun=staf_kota, data=_csv(BARIS), nama_berkas="log.csv")
    assert (hasil.publikasi_baru, hasil.dibuat, hasil.galat) == (2, 4, [])
    pleno = Publikasi.objects.get(judul="Rapat pleno")
    assert pleno.unggahan.count() == 3 and pleno.jangkauan == 100
    audit = AuditEntry.objects.filter(aksi="publikasi.impor").count()
    ulang = publikasi_impor(akun=staf_kota, data=_csv(BARIS), nama_berkas="log.csv")
    assert (ulang.publikasi_baru, ulang.dibuat, ulang.diubah, ulang.tetap) == (0, 0, 0, 4)
    assert Unggahan.objects.count() == 4
    assert AuditEntry.objects.filter(aksi="publikasi.impor").count() == audit


def test_impor_xlsx_dengan_tanggal_excel(staf_kota):
    buku = Workbook()
    lembar = buku.active
    lembar.append(KOLOM_IMPOR)
    from datetime import datetime
    lembar.append([datetime(2022, 2, 14), "Infografik", "Launching 2 tahun Pemilu 2024",
                   "instagram", IG, None, 250])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    hasil = publikasi_impor(akun=staf_kota, data=keluaran.getvalue(), nama_berkas="log.xlsx")
    assert hasil.galat == [] and hasil.dibuat == 1
    assert Publikasi.objects.get().tanggal == date(2022, 2, 14)


def test_impor_baris_salah_dan_ganda_dilaporkan_baris_benar_tersimpan(staf_kota):
    baris = [*BARIS,
             ["2022-01-03", "Foto Berita", "Rapat pleno", "instagram", IG, "", ""],  # ganda
             ["2022-01-05", "Foto Berita", "Lain", "facebook", FB, "", ""],  # tautan ganda
             ["2099-01-01", "Foto Berita", "Masa depan", "instagram",
              "https://instagram.com/p/z", "", ""],
             ["2022-01-05", "Tak dikenal", "X", "instagram", "https://instagram.com/p/y", "",
              ""],
             ["2022-01-05", "Repost", "Y", "", "https://example.org/y", "", ""]]
    hasil = publikasi_impor(akun=staf_kota, data=_csv(baris), nama_berkas="log.csv")
    assert hasil.dibuat == 4
    assert [(g.baris, g.kode) for g in hasil.galat] == [
        (6, KodeHumas.BARIS_GANDA), (7, KodeHumas.TAUTAN_GANDA),
        (8, KodeHumas.TANGGAL_TIDAK_VALID), (9, KodeHumas.JENIS_KONTEN_TIDAK_DIKENAL),
        (10, KodeHumas.KANAL_TIDAK_DIKENAL)]
    assert "baris 2" in hasil.galat[0].pesan


def test_impor_tautan_sudah_tercatat_di_publikasi_lain(staf_kota):
    _simpan(staf_kota, judul="Sudah ada", unggahan=[{"tautan": IG}])
    hasil = publikasi_impor(akun=staf_kota, data=_csv(BARIS[:1]), nama_berkas="log.csv")
    assert [g.kode for g in hasil.galat] == [KodeHumas.TAUTAN_GANDA]
    assert hasil.dibuat == 0


@pytest.mark.parametrize("data, nama", [
    (b"", "log.csv"),
    (b"PK\x03\x04bukan xlsx", "log.xlsx"),
    (b"tanggal,judul\n2022-01-01,x\n", "log.csv"),
    (b"\xff\xfe\x00a", "log.csv"),
    (b"%PDF-1.4", "log.pdf"),
])
def test_impor_berkas_rusak_ditolak(staf_kota, data, nama):
    with pytest.raises(DataTidakValid) as e:
        publikasi_impor(akun=staf_kota, data=data, nama_berkas=nama)
    assert e.value.code == KodeHumas.BERKAS_TIDAK_VALID


def test_impor_berkas_terlalu_besar(staf_kota, monkeypatch):
    from simpul.core import tabel

    monkeypatch.setattr(tabel, "BATAS_BYTE", 100)
    with pytest.raises(DataTidakValid) as e:
        publikasi_impor(akun=staf_kota, data=_csv(BARIS * 5), nama_berkas="log.csv")
    assert "terlalu besar" in e.value.message
