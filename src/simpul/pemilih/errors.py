from enum import StrEnum


class KodePemilih(StrEnum):
    DATA_TIDAK_VALID = "pemilih.data_tidak_valid"
    KONFLIK_VERSI = "pemilih.konflik_versi"
    TMS_TANPA_KATEGORI = "pemilih.tms_tanpa_kategori"
    KATEGORI_TIDAK_DIKENAL = "pemilih.kategori_tms_tidak_dikenal"
    DI_LUAR_WILAYAH = "pemilih.di_luar_wilayah_kerja"
    DESA_TIDAK_VALID = "pemilih.desa_tidak_valid"
    NIK_GANDA = "pemilih.nik_ganda"
    BERKAS_TIDAK_VALID = "pemilih.berkas_tidak_valid"
    BERKAS_TERLALU_BESAR = "pemilih.berkas_terlalu_besar"
    ANTREAN_TIDAK_TERSEDIA = "pemilih.antrean_tidak_tersedia"
    NIK_CEK_TIDAK_VALID = "cek_dpt.nik_tidak_valid"
    CEK_TERLALU_SERING = "cek_dpt.terlalu_sering"
    KUNCI_IDEMPOTEN_BENTROK = "coklit.kunci_idempoten_bentrok"
    PEMETAAN_DESA_CAMPUR = "pemetaan.desa_campur"
    PEMETAAN_MELEBIHI_BATAS = "pemetaan.melebihi_batas"
    PEMETAAN_KK_TERPISAH = "pemetaan.kk_terpisah"
    PEMETAAN_TPS_SAMA = "pemetaan.tps_sama"
