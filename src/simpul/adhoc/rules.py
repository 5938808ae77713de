"""Rules of the ad hoc bodies (PPK, PPS, KPPS, Pantarlih) as pure functions.

Every figure is a parameter of the election (`Pemilu.param`) whose default is the value in
shared/data/RULES.md; the line of RULES.md that gives it is cited next to it.
"""

from dataclasses import dataclass, fields
from enum import StrEnum


class Badan(StrEnum):
    PPK = "ppk"
    PPS = "pps"
    KPPS = "kpps"
    PANTARLIH = "pantarlih"


LABEL_BADAN = {Badan.PPK: "PPK", Badan.PPS: "PPS", Badan.KPPS: "KPPS",
               Badan.PANTARLIH: "Pantarlih"}

# Defaults per kind of election. RULES.md §1 (body sizes):
#   line 20: PPK 5 members per kecamatan;  line 21: PPS 3 per desa/kelurahan;
#   line 22: KPPS 7 per TPS;  line 23: Pantarlih Pemilu 2024, 1 per TPS;
#   line 24: Pantarlih Pilkada 2024, 1 per TPS with <= 400 voters, 2 above 400.
_UKURAN_UMUM = {"ppk_per_kecamatan": 5, "pps_per_desa": 3, "kpps_per_tps": 7,
                "pantarlih_per_tps": 1}
PARAMETER_BAWAAN: dict[str, dict] = {
    "pemilu": {**_UKURAN_UMUM, "pantarlih_ambang_pemilih": None,
               "pantarlih_per_tps_di_atas_ambang": 1},
    "pilkada": {**_UKURAN_UMUM, "pantarlih_ambang_pemilih": 400,
                "pantarlih_per_tps_di_atas_ambang": 2},
}


@dataclass(frozen=True)
class UkuranBadan:
    """Seats per unit for one election."""

    ppk_per_kecamatan: int
    pps_per_desa: int
    kpps_per_tps: int
    pantarlih_per_tps: int
    pantarlih_ambang_pemilih: int | None  # None: every TPS gets `pantarlih_per_tps`
    pantarlih_per_tps_di_atas_ambang: int


def parameter_adhoc(pemilu, nama: str):
    """An ad hoc parameter of `pemilu`, with this module's default for its kind."""
    return pemilu.param(nama, PARAMETER_BAWAAN.get(pemilu.jenis, PARAMETER_BAWAAN["pemilu"])
                        .get(nama))


def ukuran_badan(pemilu) -> UkuranBadan:
    return UkuranBadan(**{f.name: parameter_adhoc(pemilu, f.name) for f in fields(UkuranBadan)})


@dataclass(frozen=True)
class Kursi:
    ppk: int = 0
    pps: int = 0
    kpps: int = 0
    pantarlih: int = 0

    @property
    def total(self) -> int:
        return self.ppk + self.pps + self.kpps + self.pantarlih

    def __add__(self, lain: "Kursi") -> "Kursi":
        return Kursi(self.ppk + lain.ppk, self.pps + lain.pps, self.kpps + lain.kpps,
                     self.pantarlih + lain.pantarlih)


def kursi_ppk(jumlah_kecamatan: int, u: UkuranBadan) -> int:
    """PPK: one body per kecamatan of `ppk_per_kecamatan` members (5, RULES.md §1 line 20:
    KPU slides citing UU 7/2017, PKPU 8/2022 and Kep. KPU 476/2022)."""
    return jumlah_kecamatan * u.ppk_per_kecamatan


def kursi_pps(jumlah_desa: int, u: UkuranBadan) -> int:
    """PPS: one body per desa/kelurahan of `pps_per_desa` members (3, RULES.md §1 line 21)."""
    return jumlah_desa * u.pps_per_desa


def kursi_kpps(jumlah_tps: int, u: UkuranBadan) -> int:
    """KPPS: one body per TPS of `kpps_per_tps` members, one of them ketua (7, RULES.md §1
    line 22)."""
    return jumlah_tps * u.kpps_per_tps


def pantarlih_per_tps(jumlah_pemilih: int | None, u: UkuranBadan) -> int:
    """Pantarlih for one TPS. Pemilu 2024: 1 per TPS (RULES.md §1 line 23). Pilkada 2024:
    1 per TPS up to 400 voters, 2 above (line 24). A TPS without a voter count gets the
    base figure; the plan reports how many such TPS there are."""
    ambang = u.pantarlih_ambang_pemilih
    if ambang is not None and jumlah_pemilih is not None and jumlah_pemilih > ambang:
        return u.pantarlih_per_tps_di_atas_ambang
    return u.pantarlih_per_tps


def kursi_pantarlih(jumlah_tps: int, tps_di_atas_ambang: int, u: UkuranBadan) -> int:
    """The sum of `pantarlih_per_tps` over `jumlah_tps` TPS of which `tps_di_atas_ambang`
    have more voters than the threshold (RULES.md §1 lines 23–24)."""
    if u.pantarlih_ambang_pemilih is None:
        return jumlah_tps * u.pantarlih_per_tps
    return ((jumlah_tps - tps_di_atas_ambang) * u.pantarlih_per_tps
            + tps_di_atas_ambang * u.pantarlih_per_tps_di_atas_ambang)


def kursi_hitung(*, kecamatan: int, desa: int, tps: int, tps_di_atas_ambang: int,
                 u: UkuranBadan) -> Kursi:
    return Kursi(ppk=kursi_ppk(kecamatan, u), pps=kursi_pps(desa, u),
                 kpps=kursi_kpps(tps, u),
                 pantarlih=kursi_pantarlih(tps, tps_di_atas_ambang, u))
