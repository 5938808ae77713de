import pytest

from simpul.core.errors import DataTidakValid
from simpul.core.models import AuditEntry
from simpul.pemilu.models import TPS
from simpul.wilayah.models import EdisiWilayah, Wilayah
from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_baca, wilayah_impor

pytestmark = pytest.mark.django_db


def _jumlah(prefix: str) -> dict[str, int]:
    qs = Wilayah.objects.filter(kode__startswith=prefix + ".", aktif=True)
    return {t: qs.filter(tingkat=t).count() for t in ("kecamatan", "desa", "kelurahan")}


def test_kota_probolinggo_5_kecamatan_29_kelurahan():
    assert Wilayah.objects.get(kode="35.74").nama == "Kota Probolinggo"
    assert _jumlah("35.74") == {"kecamatan": 5, "desa": 0, "kelurahan": 29}


def test_kabupaten_probolinggo_24_kecamatan_325_desa_5_kelurahan():
    assert Wilayah.objects.get(kode="35.13").tingkat == "kabupaten"
    assert _jumlah("35.13") == {"kecamatan": 24, "desa": 325, "kelurahan": 5}


def test_total_nasional_sesuai_data_bawaan():
    jumlah = {t: Wilayah.objects.filter(tingkat=t).count()
              for t in ("provinsi", "kabupaten", "kota", "kecamatan", "desa", "kelurahan")}
    assert jumlah == {"provinsi": 38, "kabupaten": 416, "kota": 98, "kecamatan": 7285,
                      "desa": 75266, "kelurahan": 8496}
    assert Wilayah.objects.count() == 91599
    assert Wilayah.objects.get(kode="35.74.05.1005").induk_id == "35.74.05"


def test_impor_ulang_tidak_mengubah_apa_pun():
    audit, edisi = AuditEntry.objects.count(), EdisiWilayah.objects.count()
    hasil = wilayah_impor()
    assert hasil.tanpa_perubahan and hasil.tetap == 91599
    assert (AuditEntry.objects.count(), EdisiWilayah.objects.count()) == (audit, edisi)


def test_edisi_baru_mengganti_nama_menambah_dan_menonaktifkan(pemilu):
    baris = BERKAS_BAWAAN.read_bytes().decode().splitlines()
    # Kedopok's kelurahan 1005 holds TPS: dropping it must keep the row, inactive.
    baris = [b for b in baris if not b.startswith("35.74.05.1005,")]
    baris = ["35.74.01,Kademangan Baru,kecamatan" if b.startswith("35.74.01,") else b
             for b in baris]
    baris.append("35.74.05.1099,Kelurahan Uji,kelurahan")
    hasil = wilayah_impor(data="\n".join(baris).encode(), dasar_hukum="Kepmendagri uji")
    assert (hasil.ditambah, hasil.diubah, hasil.dinonaktifkan) == (1, 1, 1)
    assert Wilayah.objects.get(kode="35.74.01").nama == "Kademangan Baru"
    hilang = Wilayah.objects.get(kode="35.74.05.1005")
    assert not hilang.aktif and TPS.objects.filter(desa=hilang, pemilu=pemilu).count() == 13
    assert Wilayah.objects.get(kode="35.74.05.1099").induk_id == "35.74.05"
    entri = AuditEntry.objects.order_by("-seq").first()
    assert entri.aksi == "wilayah.impor"
    assert entri.sebelum["diubah"]["35.74.01"]["nama"] == "Kademangan"
    assert entri.sesudah["dinonaktifkan"] == ["35.74.05.1005"]
    # The code comes back in a later edition: active again, same row.
    wilayah_impor()
    assert Wilayah.objects.get(kode="35.74.05.1005").aktif


def _galat(isi: bytes) -> list[tuple[int, str]]:
    with pytest.raises(DataTidakValid) as e:
        wilayah_baca(isi)
    assert e.value.code == "wilayah.berkas_tidak_valid"
    return [(g["baris"], g["alasan"]) for g in e.value.details]


def test_berkas_buruk_ditolak_dengan_semua_baris_salah():
    isi = "\n".join([
        "kode,nama,tingkat",
        "35,Jawa Timur,provinsi",
        "35.74,Kota Probolinggo,kota",
        "35.7x,Rusak,kota",                    # 4 malformed code
        "35.74.01,Kademangan,kecamatan",
        "35.74.01,Kademangan Lagi,kecamatan",  # 6 duplicate
        "35.74.02.1001,Yatim,kelurahan",       # 7 unknown parent
        "35.74.01.1001,Ketapang,desa",         # 8 wrong level (1xxx is a kelurahan)
        "35.74.01.1002,,kelurahan",            # 9 empty name
        "35.13,Probolinggo,kota",              # 10 wrong level (13 is a kabupaten)
    ]).encode()
    galat = _galat(isi)
    assert [n for n, _ in galat] == [4, 6, 7, 8, 9, 10]
    assert "format" in galat[0][1]
    assert "ganda" in galat[1][1] and "baris 5" in galat[1][1]
    assert "induk 35.74.02" in galat[2][1]
    assert "seharusnya 'kelurahan'" in galat[3][1]
    assert "kosong" in galat[4][1]
    assert "seharusnya 'kabupaten'" in galat[5][1]


def test_berkas_encoding_salah_ditolak_dengan_nomor_baris():
    isi = b"kode,nama,tingkat\n35,Jawa Timur,provinsi\n35.74,Kota Probolinggo,kota\n"
    isi += b"35.74.01,Kademangan " + "Prob\u00f3".encode("latin-1") + b",kecamatan\n"
    assert _galat(isi) == [(4, "bukan UTF-8 (encoding salah)")]


def test_berkas_buruk_tidak_mengubah_basis_data():
    sebelum = Wilayah.objects.count()
    isi = BERKAS_BAWAAN.read_bytes() + b"99.99.99.9999,Tanpa Induk,kelurahan\n"
    with pytest.raises(DataTidakValid):
        wilayah_impor(data=isi)
    assert Wilayah.objects.count() == sebelum
    assert not Wilayah.objects.filter(kode="99.99.99.9999").exists()


def test_kepala_kolom_salah_dan_berkas_kosong():
    assert _galat(b"") == [(1, "berkas kosong")]
    assert _galat(b"code,name\n35,Jawa Timur,provinsi\n")[0][0] == 1
