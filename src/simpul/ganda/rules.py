"""Rules of duplicate resolution, as pure functions."""

from datetime import datetime

from simpul.core.roles import PERAN_KPU, Peran

from .models import StatusPasangan

# Declared transitions: a pair is decided once; a wrong decision is corrected on the
# voter record itself (pemilih_tandai_ms), which keeps its own history.
TRANSISI = {
    StatusPasangan.BARU: {StatusPasangan.DIKONFIRMASI, StatusPasangan.DITOLAK},
    StatusPasangan.DIKONFIRMASI: set(),
    StatusPasangan.DITOLAK: set(),
}

# Who reviews pairs: KPU offices and the PPK/PPS that keep the list in their area.
PERAN_PERIKSA = PERAN_KPU | {Peran.PPK, Peran.PPS}
# Who runs the model over a list: KPU offices, which hold the whole list.
PERAN_PINDAI = PERAN_KPU
# Who sees NIK and KK in full: the KPU offices that keep the voter list.
PERAN_LIHAT_NIK = PERAN_KPU


def transisi_boleh(dari: str, ke: str) -> bool:
    """A pair moves only along `TRANSISI`: from new to confirmed or rejected."""
    return ke in TRANSISI.get(dari, set())


def rekaman_dicoret(*, a_id: int, a_dibuat: datetime, b_id: int, b_dibuat: datetime) -> int:
    """Which record of a confirmed duplicate is struck: the later one.

    A person is registered once (PKPU 7/2022 Pasal 19 ayat (3) huruf e: Pantarlih strike
    duplicates; "terdaftar satu kali", RULES.md §4, secondary); the first registration
    is kept and the later one marked TMS "ganda". Ties go to the higher id (entered
    later)."""
    return b_id if (b_dibuat, b_id) > (a_dibuat, a_id) else a_id


def nik_terlihat(peran: str) -> bool:
    """NIK and KK are personal data (UU 27/2022 on personal data protection): only the
    KPU offices that keep the list see them in full; PPK and PPS see them masked and
    compare through the model's explanation (same/different)."""
    return peran in PERAN_LIHAT_NIK
