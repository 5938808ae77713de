"""Pure rules of the selection: question rows, the per-candidate draw, scoring, ranking."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from simpul.seleksi.rules import (
    CADANGAN,
    TERPILIH,
    TIDAK_LENGKAP,
    TIDAK_TERPILIH,
    Calon,
    benih_peserta,
    hitung_benar,
    nilai_akhir,
    nilai_cat,
    nilai_wawancara_sah,
    penguji_boleh,
    sidik_lembar,
    soal_dari_baris,
    susun_soal,
    tenggat_sesi,
    urutkan_peringkat,
)

BARIS = {"kategori": "Wawasan Kebangsaan", "pertanyaan": "Ibu kota?", "pilihan_a": "a",
         "pilihan_b": "b", "pilihan_c": "c", "pilihan_d": "d", "pilihan_e": "", "kunci": "b"}


def test_baris_soal_sah_empat_pilihan():
    soal, galat = soal_dari_baris(BARIS)
    assert galat == [] and soal.pilihan == ("a", "b", "c", "d") and soal.kunci == 1


@pytest.mark.parametrize(("ubah", "pesan"), [
    ({"pilihan_d": ""}, "harus 4 atau 5 pilihan, ada 3"),
    ({"pilihan_b": ""}, "pilihan B kosong di antara pilihan terisi"),
    ({"kunci": "E"}, "kunci E menunjuk pilihan yang kosong"),
    ({"kunci": "X"}, "kunci harus satu huruf A–E"),
    ({"pilihan_c": " A "}, "ada pilihan yang sama"),
    ({"pertanyaan": ""}, "pertanyaan kosong"),
])
def test_baris_soal_tidak_sah_menyebut_alasannya(ubah, pesan):
    soal, galat = soal_dari_baris({**BARIS, **ubah})
    assert soal is None and pesan in galat


BANK = {1: [(i, 4) for i in range(1, 11)], 2: [(i, 5) for i in range(11, 21)]}


def test_susunan_soal_sama_untuk_benih_sama_dan_urutan_bank_tidak_berpengaruh():
    a = susun_soal(benih=benih_peserta("rahasia", "PPS-AAAA"), bank=BANK, komposisi={1: 3, 2: 2})
    terbalik = {k: list(reversed(v)) for k, v in BANK.items()}
    b = susun_soal(benih=benih_peserta("rahasia", "PPS-AAAA"), bank=terbalik,
                   komposisi={1: 3, 2: 2})
    assert a == b and len(a) == 5
    assert sum(1 for x in a if x["s"] <= 10) == 3
    assert all(sorted(x["p"]) == list(range(4 if x["s"] <= 10 else 5)) for x in a)


def test_susunan_soal_berbeda_antar_peserta_dan_antar_ujian():
    susunan = {str(susun_soal(benih=benih_peserta(r, n), bank=BANK, komposisi={1: 5, 2: 5}))
               for r in ("u1", "u2") for n in ("PPS-A", "PPS-B", "PPS-C")}
    assert len(susunan) == 6


def test_susunan_soal_menolak_bank_yang_kurang():
    with pytest.raises(ValueError):
        susun_soal(benih=1, bank=BANK, komposisi={1: 11})


def test_tenggat_durasi_penuh_tetapi_tidak_melewati_penutupan():
    mulai = datetime(2024, 1, 1, 8, tzinfo=UTC)
    assert tenggat_sesi(mulai, 60, mulai + timedelta(hours=3)) == mulai + timedelta(hours=1)
    assert tenggat_sesi(mulai, 60, mulai + timedelta(minutes=20)) == mulai + timedelta(
        minutes=20)


def test_hitung_benar_melalui_urutan_pilihan_yang_diacak():
    susunan = [{"s": 7, "p": [2, 0, 1, 3]}, {"s": 8, "p": [3, 2, 1, 0]},
               {"s": 9, "p": [0, 1, 2, 3]}]
    kunci = {7: 0, 8: 0, 9: 2}
    # Q1: key 0 shown at position 1; Q2: key 0 at position 3; Q3 unanswered.
    assert hitung_benar(susunan, {1: 1, 2: 3, 3: None}, kunci) == 2
    assert hitung_benar(susunan, {1: 0, 2: 3}, kunci) == 1


def test_nilai_cat_dan_sidik_lembar():
    assert nilai_cat(2, 3) == Decimal("66.67")
    assert nilai_cat(0, 0) == Decimal("0.00")
    assert sidik_lembar({1: 0, 2: None}) != sidik_lembar({1: 0, 2: 1})


def test_nilai_wawancara_0_sampai_100_dua_desimal():
    assert nilai_wawancara_sah(Decimal("0")) and nilai_wawancara_sah(Decimal("100"))
    assert nilai_wawancara_sah(Decimal("87.25"))
    assert not nilai_wawancara_sah(Decimal("100.01"))
    assert not nilai_wawancara_sah(Decimal("-1"))
    assert not nilai_wawancara_sah(Decimal("80.125"))


def test_penguji_pkpu_8_2022_kpu_kab_kota_membentuk_ppk_dan_pps():
    """PKPU 8/2022: KPU Kab/Kota forms PPK and PPS; a PPK may interview PPS only."""
    assert penguji_boleh(peran="kpu_kab_operator", badan="ppk")
    assert penguji_boleh(peran="ppk", badan="pps")
    assert not penguji_boleh(peran="ppk", badan="ppk")
    assert not penguji_boleh(peran="pps", badan="pps")


def test_nilai_akhir_berbobot():
    assert nilai_akhir(cat=Decimal(80), wawancara=Decimal(70), bobot_cat=60,
                       bobot_wawancara=40) == Decimal("76.00")
    assert nilai_akhir(cat=Decimal("66.67"), wawancara=Decimal(90), bobot_cat=1,
                       bobot_wawancara=0) == Decimal("66.67")
    with pytest.raises(ValueError):
        nilai_akhir(cat=Decimal(1), wawancara=Decimal(1), bobot_cat=0, bobot_wawancara=0)


def _calon(nomor, cat, waw, menit):
    return Calon(pendaftar_id=hash(nomor), nomor=nomor, nama=nomor, nik_samar="", wilayah_kode="x",
                 wilayah_nama="x", didaftarkan=datetime(2024, 1, 1, tzinfo=UTC)
                 + timedelta(minutes=menit), nilai_cat=None if cat is None else Decimal(cat),
                 nilai_wawancara=None if waw is None else Decimal(waw))


def test_peringkat_seri_diputus_nilai_cat_lalu_waktu_daftar():
    calon = [
        _calon("D", 70, 70, 0),   # akhir 70.00
        _calon("B", 80, 55, 5),   # akhir 70.00, higher CAT than D
        _calon("C", 70, 70, 1),   # same akhir and CAT as D, registered later
        _calon("A", 90, 90, 9),   # akhir 90.00
        _calon("E", 50, 50, 2),
        _calon("F", 99, None, 0),  # no interview yet
    ]
    urut = urutkan_peringkat(calon, kursi=2, cadangan=2, bobot_cat=60, bobot_wawancara=40)
    assert [c.nomor for c in urut] == ["A", "B", "D", "C", "E", "F"]
    assert [c.peringkat for c in urut] == [1, 2, 3, 4, 5, None]
    assert [c.keterangan for c in urut] == [TERPILIH, TERPILIH, CADANGAN, CADANGAN,
                                            TIDAK_TERPILIH, TIDAK_LENGKAP]
    assert "nilai CAT lebih rendah" in urut[2].catatan[0]
    assert "mendaftar kemudian" in urut[3].catatan[0]
