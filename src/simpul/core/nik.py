"""Structure of the NIK (Nomor Induk Kependudukan), the 16-digit national ID number.

Basis: Permendagri 108/2019 on the implementation of Perpres 96/2018 (Adminduk): the
NIK is 6 digits of the kecamatan code where it was first issued (province, kab/kota,
kecamatan), 6 digits of the birth date as DDMMYY with 40 added to DD for women, and a
4-digit serial number. Checks return named findings; nothing here "fixes" a NIK.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TemuanNIK:
    kode: str
    pesan: str
    galat: bool = True  # False: a warning that staff should look at, not a refusal


@dataclass(frozen=True)
class NIKUrai:
    kode_kecamatan: str  # dotted Kemendagri form, e.g. 35.74.05
    tanggal_lahir: date | None
    perempuan: bool
    nomor_urut: str


def nik_urai(nik: str, *, hari_ini: date | None = None) -> NIKUrai:
    """Split a 16-digit NIK into its parts (the birth date is None if impossible).

    The two-digit year is read as the latest year not after `hari_ini`."""
    hari_ini = hari_ini or date.today()
    hari, bulan, tahun = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    perempuan = hari > 40
    if perempuan:
        hari -= 40
    abad = 2000 if 2000 + tahun <= hari_ini.year else 1900
    try:
        lahir = date(abad + tahun, bulan, hari)
        if lahir > hari_ini:
            lahir = date(abad - 100 + tahun, bulan, hari)
    except ValueError:
        lahir = None
    return NIKUrai(f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}", lahir, perempuan, nik[12:16])


def nik_periksa(nik: str, *, tanggal_lahir: date | None = None,
                jenis_kelamin: str | None = None,
                kecamatan_ada: Callable[[str], bool] | None = None,
                hari_ini: date | None = None) -> list[TemuanNIK]:
    """Every finding about a NIK, errors first. `jenis_kelamin` is "L" or "P";
    `kecamatan_ada` answers whether a dotted kecamatan code exists."""
    if not nik.isdigit():
        return [TemuanNIK("nik.bukan_angka", "NIK hanya boleh berisi angka.")]
    if len(nik) != 16:
        return [TemuanNIK("nik.panjang", f"NIK harus 16 angka, tertulis {len(nik)}.")]
    urai = nik_urai(nik, hari_ini=hari_ini)
    temuan = []
    if kecamatan_ada is not None and not kecamatan_ada(urai.kode_kecamatan):
        temuan.append(TemuanNIK("nik.wilayah_tidak_dikenal",
                                f"Kode wilayah NIK {urai.kode_kecamatan} tidak dikenal."))
    if urai.tanggal_lahir is None:
        temuan.append(TemuanNIK("nik.tanggal_tidak_mungkin",
                                f"Bagian tanggal lahir NIK ({nik[6:12]}) bukan tanggal yang "
                                "mungkin (perempuan: tanggal ditambah 40)."))
    if urai.nomor_urut == "0000":
        temuan.append(TemuanNIK("nik.nomor_urut_nol", "Nomor urut NIK tidak boleh 0000."))
    if urai.tanggal_lahir and tanggal_lahir and (
            (urai.tanggal_lahir.day, urai.tanggal_lahir.month, urai.tanggal_lahir.year % 100)
            != (tanggal_lahir.day, tanggal_lahir.month, tanggal_lahir.year % 100)):
        temuan.append(TemuanNIK("nik.tanggal_lahir_beda",
                                f"Tanggal lahir {tanggal_lahir:%d-%m-%Y} tidak sama dengan "
                                f"yang tersirat di NIK ({urai.tanggal_lahir:%d-%m-%y}).",
                                galat=False))
    if jenis_kelamin in ("L", "P") and (jenis_kelamin == "P") != urai.perempuan:
        tersirat = "perempuan" if urai.perempuan else "laki-laki"
        temuan.append(TemuanNIK("nik.jenis_kelamin_beda",
                                f"Jenis kelamin {jenis_kelamin} tidak sama dengan yang tersirat "
                                f"di NIK ({tersirat}).", galat=False))
    return temuan


def nik_samarkan(nik: str) -> str:
    """Masked for display (UU 27/2022 on personal data): region and serial hidden."""
    if len(nik) != 16:
        return "*" * len(nik)
    return nik[:4] + "*" * 10 + nik[14:]
