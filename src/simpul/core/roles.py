"""Roles by tier, and which node of the region tree each role is bound to."""

from django.db import models


class Peran(models.TextChoices):
    KPU_RI = "kpu_ri", "KPU RI"
    KPU_PROVINSI = "kpu_provinsi", "KPU Provinsi"
    KPU_KAB_KOMISIONER = "kpu_kab_komisioner", "Komisioner KPU Kabupaten/Kota"
    KPU_KAB_OPERATOR = "kpu_kab_operator", "Operator KPU Kabupaten/Kota"
    PPK = "ppk", "PPK"
    PPS = "pps", "PPS"
    KPPS = "kpps", "KPPS"
    PANTARLIH = "pantarlih", "Pantarlih"
    PUBLIK = "publik", "Publik"


# The region level an account of each role is bound to (None: the whole country / nothing).
TINGKAT_PERAN: dict[str, tuple[str, ...] | None] = {
    Peran.KPU_RI: None,
    Peran.KPU_PROVINSI: ("provinsi",),
    Peran.KPU_KAB_KOMISIONER: ("kabupaten", "kota"),
    Peran.KPU_KAB_OPERATOR: ("kabupaten", "kota"),
    Peran.PPK: ("kecamatan",),
    Peran.PPS: ("desa", "kelurahan"),
    Peran.KPPS: ("desa", "kelurahan"),
    Peran.PANTARLIH: ("desa", "kelurahan"),
    Peran.PUBLIK: None,
}

PERAN_KPU = frozenset({Peran.KPU_RI, Peran.KPU_PROVINSI, Peran.KPU_KAB_KOMISIONER,
                       Peran.KPU_KAB_OPERATOR})
# Ad hoc bodies exist for one election only, so their accounts carry that election.
PERAN_AD_HOC = frozenset({Peran.PPK, Peran.PPS, Peran.KPPS, Peran.PANTARLIH})
# KPPS and Pantarlih work at one TPS inside their desa/kelurahan.
PERAN_TPS = frozenset({Peran.KPPS, Peran.PANTARLIH})


def galat_penugasan(*, peran: str, tingkat_wilayah: str | None, ada_pemilu: bool,
                    tps_di_wilayah: bool | None) -> list[str]:
    """Why an account's binding does not fit its role (empty when it fits).

    `tps_di_wilayah` is None when no TPS is set, else whether it lies in the account's
    desa/kelurahan and election."""
    galat = []
    tingkat = TINGKAT_PERAN.get(peran)
    if tingkat is None:
        if tingkat_wilayah is not None:
            galat.append("Peran ini tidak terikat pada wilayah; kosongkan wilayah.")
    elif tingkat_wilayah not in tingkat:
        galat.append(f"Peran ini harus terikat pada wilayah tingkat {' atau '.join(tingkat)}.")
    if peran in PERAN_AD_HOC and not ada_pemilu:
        galat.append("Badan ad hoc harus terikat pada satu pemilu.")
    if peran in PERAN_TPS and tps_di_wilayah is None:
        galat.append("KPPS dan Pantarlih harus terikat pada satu TPS.")
    if tps_di_wilayah is False:
        galat.append("TPS harus berada di desa/kelurahan dan pemilu akun ini.")
    if peran not in PERAN_TPS and tps_di_wilayah is not None:
        galat.append("Hanya KPPS dan Pantarlih yang terikat pada TPS.")
    return galat
