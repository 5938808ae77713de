"""Kemendagri code rules: Permendagri 58/2021 as summarised in wilayah/data/SOURCE.md."""

import pytest

from simpul.wilayah.rules import kode_induk, tingkat_dari_kode


@pytest.mark.parametrize(("kode", "tingkat"), [
    ("35", "provinsi"),
    ("35.13", "kabupaten"),          # segment 01–69: kabupaten
    ("35.74", "kota"),               # segment 71–99: kota
    ("35.74.05", "kecamatan"),
    ("35.74.05.1005", "kelurahan"),  # village segment starting 1: kelurahan
    ("35.13.01.2001", "desa"),       # starting 2: desa
    ("91.03.01.3007", "desa"),       # starting 3: desa adat, a kind of desa
])
def test_tingkat_dari_kode_permendagri_58_2021(kode, tingkat):
    assert tingkat_dari_kode(kode) == tingkat


@pytest.mark.parametrize("kode", ["3", "357", "35.7", "35.70", "00", "35.74.5", "35.74.05.105",
                                  "35.74.05.4005", "35-74", "35.74.00", " 35", "3a"])
def test_kode_salah_format(kode):
    assert tingkat_dari_kode(kode) is None


def test_kode_induk():
    assert kode_induk("35.74.05.1005") == "35.74.05"
    assert kode_induk("35.74") == "35"
    assert kode_induk("35") is None
