from enum import StrEnum


class KodePemilu(StrEnum):
    TPS_GANDA = "tps.nomor_ganda"
    TPS_DESA_SALAH = "tps.desa_tidak_valid"
    TPS_DI_LUAR_CAKUPAN = "tps.di_luar_cakupan_pemilu"
    TPS_KOORDINAT = "tps.koordinat_tidak_valid"
    TPS_MELEBIHI_MAKS = "tps.melebihi_maks_pemilih"
    BERKAS_TIDAK_VALID = "tps.berkas_tidak_valid"
    PEMILU_CAKUPAN = "pemilu.cakupan_tidak_valid"
