"""Per-election parameters and their defaults. Figures and their confidence come from
shared/data/RULES.md; each is a parameter of the election, never a literal elsewhere."""

PARAMETER_BAWAAN: dict[str, dict[str, int]] = {
    # RULES.md §3: 300 voters per TPS for Pemilu 2024 (KPU to DPR Komisi II, 15 May 2024).
    "pemilu": {"maks_pemilih_per_tps": 300},
    # RULES.md §3: 600 for Pilkada 2024 (statutory cap 800 in UU Pilkada).
    "pilkada": {"maks_pemilih_per_tps": 600},
}

# Bounding box of Indonesia, to catch swapped or mistyped coordinates.
LINTANG = (-11.5, 6.5)
BUJUR = (94.5, 141.5)


def parameter_pemilu(jenis: str, parameter: dict, nama: str, bawaan=None):
    """An election's parameter, falling back to the regulation's default for its kind."""
    if nama in parameter:
        return parameter[nama]
    return PARAMETER_BAWAAN.get(jenis, {}).get(nama, bawaan)


def koordinat_di_indonesia(lintang: float, bujur: float) -> bool:
    return LINTANG[0] <= lintang <= LINTANG[1] and BUJUR[0] <= bujur <= BUJUR[1]
