from enum import StrEnum


class KodeGanda(StrEnum):
    SUDAH_DIPUTUSKAN = "ganda.sudah_diputuskan"
    KEPUTUSAN_TIDAK_DIKENAL = "ganda.keputusan_tidak_dikenal"
    ALASAN_WAJIB = "ganda.alasan_wajib"
    PEMILIH_DICORET_BUKAN_PASANGAN = "ganda.pemilih_dicoret_bukan_pasangan"
    DATA_TERLALU_SEDIKIT = "ganda.data_terlalu_sedikit"
    BACKEND_TIDAK_DIKENAL = "ganda.backend_tidak_dikenal"
