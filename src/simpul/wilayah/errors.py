from enum import StrEnum


class KodeWilayah(StrEnum):
    BERKAS_TIDAK_VALID = "wilayah.berkas_tidak_valid"
