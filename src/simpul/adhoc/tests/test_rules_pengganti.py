from datetime import datetime

from simpul.adhoc.rules import CalonPengganti, jarak_domisili, kode_kecamatan, urutkan_pengganti


def test_jarak_domisili_menurut_pohon_wilayah():
    assert jarak_domisili("35.74.05.1005", "35.74.05.1005") == 0
    assert jarak_domisili("35.74.05.1006", "35.74.05.1005") == 1
    assert jarak_domisili("35.74.01.1001", "35.74.05.1005") == 2
    assert jarak_domisili("35.13.01.2001", "35.74.05.1005") == 3
    assert jarak_domisili("11.01.01.2001", "35.74.05.1005") == 4
    assert jarak_domisili("35.74.05.1005", "35.74.05") == 0  # a desa inside a PPK's kecamatan
    assert kode_kecamatan("35.74.05.1005") == "35.74.05"


def _c(i, rumah, menit):
    return CalonPengganti(i, f"N{i}", rumah, datetime(2024, 5, 1, 8, menit))


def test_urutan_pengganti_jarak_lalu_waktu_daftar():
    """PAW proposal without a CAT ranking: domicile distance, then registration time."""
    calon = [_c(1, "35.74.01.1001", 0), _c(2, "35.74.05.1006", 5), _c(3, "35.74.05.1005", 9),
             _c(4, "35.74.05.1005", 1)]
    assert [c.pendaftar_id for c in urutkan_pengganti(calon, tujuan="35.74.05.1005")] \
        == [4, 3, 2, 1]


def test_urutan_pengganti_mengikuti_peringkat_seleksi():
    """With a CAT ranking (PPK, PPS) its order comes first; unranked candidates follow."""
    calon = [_c(1, "35.74.05.1005", 0), _c(2, "35.74.05.1005", 5), _c(3, "35.74.05.1005", 9)]
    urut = urutkan_pengganti(calon, tujuan="35.74.05.1005", peringkat_seleksi=[3, 2])
    assert [c.pendaftar_id for c in urut] == [3, 2, 1]
