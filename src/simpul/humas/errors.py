from enum import StrEnum


class KodeHumas(StrEnum):
    KANTOR_TIDAK_VALID = "humas.kantor_tidak_valid"
    TANGGAL_TIDAK_VALID = "humas.tanggal_tidak_valid"
    JENIS_KONTEN_TIDAK_DIKENAL = "humas.jenis_konten_tidak_dikenal"
    KANAL_TIDAK_DIKENAL = "humas.kanal_tidak_dikenal"
    TAUTAN_TIDAK_VALID = "humas.tautan_tidak_valid"
    TAUTAN_GANDA = "humas.tautan_ganda"
    TAUTAN_KANAL_BEDA = "humas.tautan_kanal_tidak_cocok"
    UNGGAHAN_GANDA = "humas.unggahan_ganda"
    JUDUL_KOSONG = "humas.judul_kosong"
    JANGKAUAN_TIDAK_VALID = "humas.jangkauan_tidak_valid"
    BERKAS_TIDAK_VALID = "humas.berkas_tidak_valid"
    BARIS_GANDA = "humas.baris_ganda"
    PERIODE_TIDAK_VALID = "humas.periode_tidak_valid"
    KATEGORI_MITRA_TIDAK_VALID = "humas.kategori_mitra_tidak_valid"
    ISIAN_KOSONG = "humas.isian_kosong"
    SK_GANDA = "humas.sk_ganda"
    SK_TIDAK_DITEMUKAN = "humas.sk_tidak_ditemukan"
    LAPORAN_STATUS = "humas.laporan_status_tidak_sah"
    TEMPLAT_TIDAK_VALID = "humas.templat_tidak_valid"
