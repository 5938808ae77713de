from enum import StrEnum


class KodeAdhoc(StrEnum):
    RENCANA_DI_LUAR_PEMILU = "adhoc.rencana_di_luar_pemilu"
    RENCANA_TINGKAT = "adhoc.rencana_tingkat_tidak_valid"
