from enum import StrEnum


class KodeSeleksi(StrEnum):
    IMPOR_SOAL = "seleksi.impor_soal_tidak_valid"
    BADAN_TANPA_CAT = "seleksi.badan_tanpa_cat"
    UJIAN_TIDAK_VALID = "seleksi.ujian_tidak_valid"
    SOAL_KURANG = "seleksi.soal_kurang"
    TIDAK_MEMENUHI_SYARAT = "seleksi.tidak_memenuhi_syarat"
    KODE_SALAH = "seleksi.kode_masuk_salah"
    KODE_TERKUNCI = "seleksi.kode_masuk_terkunci"
    BELUM_MASUK = "seleksi.belum_masuk"
    UJIAN_BELUM_DIBUKA = "seleksi.ujian_belum_dibuka"
    UJIAN_DITUTUP = "seleksi.ujian_ditutup"
    BELUM_MULAI = "seleksi.tes_belum_dimulai"
    WAKTU_HABIS = "seleksi.waktu_habis"
    SUDAH_SELESAI = "seleksi.sudah_selesai"
    JAWABAN_TIDAK_VALID = "seleksi.jawaban_tidak_valid"
    KUNCI_BENTROK = "seleksi.kunci_idempoten_bentrok"
    NILAI_TIDAK_VALID = "seleksi.nilai_wawancara_tidak_valid"
    WAWANCARA_GANDA = "seleksi.wawancara_ganda"
    HASIL_TERKUNCI = "seleksi.hasil_terkunci"
    BELUM_LENGKAP = "seleksi.nilai_belum_lengkap"
