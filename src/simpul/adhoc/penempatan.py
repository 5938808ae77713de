"""Placement of verified applicants into the seats of KPPS, PPS and PPK: pure, over plain data.

A *unit* is one body: a TPS (KPPS), a desa/kelurahan (PPS) or a kecamatan (PPK), with its
number of seats, its minimum of IT-literate members and the seats already held. An
applicant has a home area, an optional wider area and a rank (lower first).

The order of filling, each step in rank order and in the units' given order:

1. IT-literate applicants of the unit's home area, up to the unit's minimum
   (KPPS: 2 per TPS who upload to Sirekap; seed 003, RULES.md §2 line 47);
2. other applicants of the home area, keeping back the seats that still lack an IT-literate
   member when the unit may draw from its wider area;
3. IT-literate applicants of the wider area (KPPS: the kecamatan) for those seats;
4. the home area again, for the seats kept back and left empty;
5. the wider area, for what is still empty.

So people are placed as near home as the IT minimum allows: the same desa first, then the
same kecamatan (RULES.md §2 line 45: KPPS may come from a nearby desa when the TPS's own
has no one). The ketua proposed for each unit is its best-ranked member from the home area
placed in this run (from the wider area only if none is local); staff can change it.

`tempatkan_larik` does the work on NumPy arrays (no loop over people), so the same code
places a whole country; `tempatkan` wraps it for lists of dataclasses.
"""

from dataclasses import dataclass, field

import numpy as np

TANPA = -1


@dataclass(frozen=True)
class Unit:
    id: object
    rumah: str                 # home area (desa for TPS and PPS, kecamatan for PPK)
    kursi: int
    min_it: int = 0
    sekitar: str | None = None  # wider area to draw from (kecamatan for KPPS), or none
    terisi: int = 0             # seats already held
    terisi_it: int = 0          # of which by IT-literate members


@dataclass(frozen=True)
class Pelamar:
    id: object
    rumah: str
    urutan: int
    melek_it: bool = False
    sekitar: str | None = None


@dataclass(frozen=True)
class Duduk:
    unit_id: object
    pelamar_id: object
    ketua: bool
    jarak: int  # 0: home area, 1: wider area


@dataclass(frozen=True)
class Kekurangan:
    unit_id: object
    kursi_kosong: int
    kurang_it: int
    pelamar_rumah: int    # applicants of the home area in this run
    pelamar_sekitar: int  # applicants of the wider area in this run

    @property
    def alasan(self) -> list[str]:
        alasan = []
        if self.kursi_kosong:
            alasan.append(f"kurang pendaftar: {self.kursi_kosong} kursi kosong "
                          f"({self.pelamar_rumah} pendaftar memenuhi syarat di desa/wilayah, "
                          f"{self.pelamar_sekitar} di sekitarnya)")
        if self.kurang_it:
            alasan.append(f"kurang melek IT: perlu {self.kurang_it} lagi")
        return alasan


@dataclass
class HasilPenempatan:
    duduk: list[Duduk] = field(default_factory=list)
    kekurangan: list[Kekurangan] = field(default_factory=list)
    tidak_ditempatkan: list[object] = field(default_factory=list)


@dataclass
class HasilLarik:
    unit: np.ndarray    # per applicant: index of the unit, or TANPA
    jarak: np.ndarray   # per applicant: 0 home, 1 wider area (meaningless when unplaced)
    ketua: np.ndarray   # per applicant: proposed ketua of its unit
    terisi: np.ndarray  # per unit: seats held after the run
    it: np.ndarray      # per unit: IT-literate members after the run


def _isi(p_grup, p_urut, pilih, u_grup, kapasitas, jumlah_grup) -> tuple[np.ndarray, np.ndarray]:
    """Fill units in order within each group from the chosen applicants in rank order.

    Returns (applicant indices, their unit indices). The k-th applicant of a group (0-based)
    takes the slot k of the group's slots laid end to end; searchsorted finds its unit."""
    orang = np.flatnonzero(pilih & (p_grup >= 0))
    if orang.size == 0:
        return orang, orang
    urut_u = np.argsort(u_grup, kind="stable")
    kap = kapasitas[urut_u]
    kum = np.cumsum(kap)
    total = np.bincount(u_grup, weights=kapasitas, minlength=jumlah_grup).astype(np.int64)
    awal = np.cumsum(total) - total
    orang = orang[np.lexsort((p_urut[orang], p_grup[orang]))]
    g = p_grup[orang]
    q = np.arange(orang.size) - np.searchsorted(g, g, side="left")
    muat = q < total[g]
    orang, posisi = orang[muat], awal[g[muat]] + q[muat]
    return orang, urut_u[np.searchsorted(kum, posisi, side="right")]


def tempatkan_larik(*, u_rumah, u_sekitar, u_kursi, u_min_it, u_terisi, u_terisi_it,
                    p_rumah, p_sekitar, p_it, p_urutan, jumlah_grup: int) -> HasilLarik:
    """The placement on integer arrays: area codes are group numbers below `jumlah_grup`,
    TANPA (-1) for no wider area. Units are filled in the order given."""
    u_rumah = np.asarray(u_rumah, dtype=np.int64)
    u_sekitar = np.asarray(u_sekitar, dtype=np.int64)
    kursi = np.asarray(u_kursi, dtype=np.int64)
    min_it = np.asarray(u_min_it, dtype=np.int64)
    terisi = np.asarray(u_terisi, dtype=np.int64).copy()
    it = np.asarray(u_terisi_it, dtype=np.int64).copy()
    p_rumah = np.asarray(p_rumah, dtype=np.int64)
    p_sekitar = np.asarray(p_sekitar, dtype=np.int64)
    p_it = np.asarray(p_it, dtype=bool)
    p_urutan = np.asarray(p_urutan, dtype=np.int64)
    n_unit = u_rumah.size
    unit = np.full(p_rumah.size, TANPA, dtype=np.int64)
    jarak = np.zeros(p_rumah.size, dtype=np.int8)
    ada_sekitar = u_sekitar >= 0
    # Units without a wider area sit in a group no applicant belongs to.
    u_sekitar_g = np.where(ada_sekitar, u_sekitar, jumlah_grup)
    grup = jumlah_grup + 1

    def langkah(p_grup, u_grup, pilih, kapasitas, jauh: int) -> None:
        orang, ke = _isi(p_grup, p_urutan, pilih & (unit == TANPA), u_grup,
                         np.maximum(kapasitas, 0), grup)
        unit[orang], jarak[orang] = ke, jauh
        terisi[:] += np.bincount(ke, minlength=n_unit)
        it[:] += np.bincount(ke[p_it[orang]], minlength=n_unit)

    def kurang_it():
        return np.minimum(np.maximum(min_it - it, 0), kursi - terisi)

    langkah(p_rumah, u_rumah, p_it, kurang_it(), 0)
    langkah(p_rumah, u_rumah, np.ones_like(p_it),
            kursi - terisi - np.where(ada_sekitar, kurang_it(), 0), 0)
    langkah(p_sekitar, u_sekitar_g, p_it, np.where(ada_sekitar, kurang_it(), 0), 1)
    langkah(p_rumah, u_rumah, np.ones_like(p_it), kursi - terisi, 0)
    langkah(p_sekitar, u_sekitar_g, np.ones_like(p_it), np.where(ada_sekitar, kursi - terisi, 0),
            1)

    ketua = np.zeros(p_rumah.size, dtype=bool)
    duduk = np.flatnonzero(unit >= 0)
    if duduk.size:
        duduk = duduk[np.lexsort((p_urutan[duduk], jarak[duduk], unit[duduk]))]
        pertama = np.r_[True, unit[duduk][1:] != unit[duduk][:-1]]
        ketua[duduk[pertama]] = True
    return HasilLarik(unit, jarak, ketua, terisi, it)


def tempatkan(unit: list[Unit], pelamar: list[Pelamar]) -> HasilPenempatan:
    """Place `pelamar` into `unit` (in the order given); see the module's docstring."""
    kode: dict[str, int] = {}

    def g(k: str | None) -> int:
        return TANPA if k is None else kode.setdefault(k, len(kode))

    u_rumah = [g(u.rumah) for u in unit]
    u_sekitar = [g(u.sekitar) for u in unit]
    p_rumah = [g(p.rumah) for p in pelamar]
    p_sekitar = [g(p.sekitar) for p in pelamar]
    h = tempatkan_larik(
        u_rumah=u_rumah, u_sekitar=u_sekitar, u_kursi=[u.kursi for u in unit],
        u_min_it=[u.min_it for u in unit], u_terisi=[u.terisi for u in unit],
        u_terisi_it=[u.terisi_it for u in unit], p_rumah=p_rumah, p_sekitar=p_sekitar,
        p_it=[p.melek_it for p in pelamar], p_urutan=[p.urutan for p in pelamar],
        jumlah_grup=len(kode))
    hasil = HasilPenempatan()
    for i, p in enumerate(pelamar):
        if h.unit[i] == TANPA:
            hasil.tidak_ditempatkan.append(p.id)
        else:
            hasil.duduk.append(Duduk(unit[h.unit[i]].id, p.id, bool(h.ketua[i]),
                                     int(h.jarak[i])))
    per_rumah = np.bincount(np.asarray(p_rumah, dtype=np.int64)[np.asarray(p_rumah) >= 0],
                            minlength=len(kode)) if pelamar else np.zeros(len(kode), int)
    per_sekitar = (np.bincount(np.asarray(p_sekitar, dtype=np.int64)[np.asarray(p_sekitar) >= 0],
                               minlength=len(kode)) if pelamar else np.zeros(len(kode), int))
    for i, u in enumerate(unit):
        kosong = int(u.kursi - h.terisi[i])
        kurang = int(max(u.min_it - h.it[i], 0))
        if kosong or kurang:
            hasil.kekurangan.append(Kekurangan(
                u.id, kosong, kurang, int(per_rumah[u_rumah[i]]) if len(kode) else 0,
                int(per_sekitar[u_sekitar[i]]) - int(per_rumah[u_rumah[i]])
                if u_sekitar[i] >= 0 else 0))
    return hasil
