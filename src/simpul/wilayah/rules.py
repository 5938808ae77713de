"""The coding rules of Kemendagri region codes.

Basis: Permendagri 58/2021 (Pemberian dan Pemutakhiran Kode, Data Wilayah Administrasi
Pemerintahan, dan Pulau), as applied by Kepmendagri 300.2.2-2138/2025 and its amendment
300.2.2-2430/2025; the summary used here is the one in `data/SOURCE.md`.
"""

import re

POLA_KODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
TINGKAT_DESA = ("desa", "kelurahan")
TINGKAT_KABKOTA = ("kabupaten", "kota")


def tingkat_dari_kode(kode: str) -> str | None:
    """The level a well-formed code must have, or None if the code is malformed.

    Kab/kota segment 01–69 is a kabupaten and 71–99 a kota; a 4-digit village segment
    starting with 1 is a kelurahan, with 2 a desa and with 3 a desa adat (a kind of desa).
    """
    if not POLA_KODE.match(kode):
        return None
    bagian = kode.split(".")
    if bagian[0] == "00":
        return None
    if len(bagian) == 1:
        return "provinsi"
    if len(bagian) == 2:
        nomor = int(bagian[1])
        if 1 <= nomor <= 69:
            return "kabupaten"
        if 71 <= nomor <= 99:
            return "kota"
        return None
    if len(bagian) == 3:
        return "kecamatan" if bagian[2] != "00" else None
    return {"1": "kelurahan", "2": "desa", "3": "desa"}.get(bagian[3][0])


def kode_induk(kode: str) -> str | None:
    return kode.rsplit(".", 1)[0] if "." in kode else None


def kedalaman(tingkat: str) -> int:
    """1 for a province, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan."""
    if tingkat == "provinsi":
        return 1
    if tingkat in TINGKAT_KABKOTA:
        return 2
    if tingkat == "kecamatan":
        return 3
    return 4


PANJANG_KODE = {1: 2, 2: 5, 3: 8, 4: 13}
