from enum import StrEnum


class KodeAdhoc(StrEnum):
    RENCANA_DI_LUAR_PEMILU = "adhoc.rencana_di_luar_pemilu"
    REKRUTMEN_TIDAK_VALID = "adhoc.rekrutmen_tidak_valid"
    PENDAFTARAN_DITUTUP = "adhoc.pendaftaran_ditutup"
    PENDAFTAR_GANDA = "adhoc.pendaftar_ganda"
    KUNCI_BENTROK = "adhoc.kunci_idempoten_bentrok"
    USIA_KURANG = "adhoc.usia_kurang"
    WILAYAH_TUGAS = "adhoc.wilayah_tugas_tidak_valid"
    DOMISILI = "adhoc.domisili_tidak_valid"
    TELEPON = "adhoc.telepon_tidak_valid"
    PENDIDIKAN = "adhoc.pendidikan_tidak_valid"
    BERKAS_KURANG = "adhoc.berkas_wajib_kurang"
    STATUS_TIDAK_DITEMUKAN = "adhoc.status_tidak_ditemukan"
    KEPUTUSAN_TIDAK_VALID = "adhoc.keputusan_tidak_valid"
    DAFTAR_PARTAI = "adhoc.daftar_partai_tidak_valid"
