"""Rules about voters and their data, as pure functions over plain values.

Sources are summarised in shared/data/RULES.md §4 (PKPU 7/2022 as amended by PKPU 7/2023;
Keputusan KPU 27/2023). Each check returns named findings (`Temuan`); an error refuses a
record, a warning is kept with it for staff to look at. Nothing here fixes data.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from simpul.core.nik import nik_periksa

# RULES.md §4: TMS categories used in SIDALIH reports and the press. Only the categories are
# reported; the numeric codes often quoted are unverified, so categories are keyed by a slug
# and kept in a table (KategoriTMS) that offices can extend, never as numbers in code.
KATEGORI_TMS_AWAL: list[tuple[str, str, str]] = [
    ("meninggal", "Meninggal dunia", "Dicoret dengan surat keterangan kematian atau dokumen lain."),
    ("ganda", "Ganda", "Terdaftar lebih dari sekali."),
    ("di_bawah_umur", "Di bawah umur",
     "Belum 17 tahun pada hari pemungutan suara dan belum/tidak pernah kawin."),
    ("pindah_domisili", "Pindah domisili", "Pindah keluar dari wilayah TPS."),
    ("tidak_dikenal", "Tidak dikenal", "Tidak dikenal di alamat yang tercatat."),
    ("tni", "Anggota TNI", "Menjadi anggota TNI (kartu anggota)."),
    ("polri", "Anggota Polri", "Menjadi anggota Polri (kartu anggota)."),
    ("bukan_penduduk", "Bukan penduduk",
     "Alamat KTP-el/KK tidak berada di wilayah kerja TPS."),
    ("hak_pilih_dicabut", "Hak pilih dicabut",
     "Hak pilih dicabut berdasarkan putusan pengadilan yang berkekuatan hukum tetap."),
]

USIA_PEMILIH = 17
POLA_RT_RW = re.compile(r"^\d{1,3}$")
POLA_NKK = re.compile(r"^\d{16}$")


@dataclass(frozen=True)
class Temuan:
    kode: str
    pesan: str
    galat: bool = True


def usia_pada(tanggal_lahir: date, tanggal: date) -> int:
    """Age in whole years on `tanggal`."""
    return tanggal.year - tanggal_lahir.year - (
        (tanggal.month, tanggal.day) < (tanggal_lahir.month, tanggal_lahir.day))


def cukup_umur(tanggal_lahir: date, status_kawin: str, tanggal_pemungutan: date) -> bool:
    """UU 7/2017 Pasal 198(1) as summarised in RULES.md §4 (secondary): a voter is 17 or
    older on polling day, or is or has been married (status kawin S or P)."""
    return (usia_pada(tanggal_lahir, tanggal_pemungutan) >= USIA_PEMILIH
            or status_kawin in ("S", "P"))


def rt_rw_kosong(nilai: str) -> bool:
    """RT/RW written as 0, 00 or 000 (or left empty) says nothing about where a voter lives;
    ANCHORS.md reports tens of thousands of such voters in SIDALIH's DPS (2023)."""
    return not nilai or (nilai.isdigit() and int(nilai) == 0)


def pemilih_periksa(*, nik: str, nkk: str, nama: str, tanggal_lahir: date | None,
                    jenis_kelamin: str, status_kawin: str, rt: str, rw: str,
                    tanggal_pemungutan: date | None = None,
                    kecamatan_ada: Callable[[str], bool] | None = None,
                    hari_ini: date | None = None) -> list[Temuan]:
    """Every finding about one voter record, errors first.

    NIK structure (16 digits, region, date with +40 for women, serial) comes from
    `simpul.core.nik.nik_periksa` (Permendagri 108/2019); a NIK whose date or sex differs
    from the stated birth date or sex is a named warning, never silently corrected."""
    hari_ini = hari_ini or date.today()
    temuan = [Temuan(t.kode, t.pesan, t.galat) for t in nik_periksa(
        nik, tanggal_lahir=tanggal_lahir,
        jenis_kelamin=jenis_kelamin if jenis_kelamin in ("L", "P") else None,
        kecamatan_ada=kecamatan_ada, hari_ini=hari_ini)]
    if not POLA_NKK.match(nkk):
        temuan.append(Temuan("nkk.tidak_valid",
                             f"Nomor KK harus 16 angka ({len(nkk)} karakter tertulis)."))
    if not nama.strip():
        temuan.append(Temuan("pemilih.nama_kosong", "Nama wajib diisi."))
    if jenis_kelamin not in ("L", "P"):
        temuan.append(Temuan("pemilih.jenis_kelamin_tidak_valid",
                             f"Jenis kelamin harus L atau P, tertulis '{jenis_kelamin}'."))
    if status_kawin not in ("", "B", "S", "P"):
        temuan.append(Temuan("pemilih.status_kawin_tidak_valid",
                             f"Status kawin harus B, S atau P, tertulis '{status_kawin}'."))
    if tanggal_lahir is None:
        temuan.append(Temuan("pemilih.tanggal_lahir_tidak_valid",
                             "Tanggal lahir kosong atau bukan tanggal yang mungkin."))
    elif tanggal_lahir > hari_ini or tanggal_lahir.year < 1900:
        temuan.append(Temuan("pemilih.tanggal_lahir_tidak_mungkin",
                             f"Tanggal lahir {tanggal_lahir:%d-%m-%Y} tidak mungkin."))
    for nama_kolom, nilai in (("RT", rt), ("RW", rw)):
        if nilai and not POLA_RT_RW.match(nilai):
            temuan.append(Temuan("pemilih.rt_rw_tidak_valid",
                                 f"{nama_kolom} harus angka 1–3 digit, tertulis '{nilai}'."))
        elif rt_rw_kosong(nilai):
            temuan.append(Temuan("pemilih.rt_rw_kosong",
                                 f"{nama_kolom} kosong atau 000.", galat=False))
    if (tanggal_lahir and tanggal_pemungutan and tanggal_lahir <= hari_ini
            and not cukup_umur(tanggal_lahir, status_kawin, tanggal_pemungutan)):
        temuan.append(Temuan("pemilih.di_bawah_umur",
                             f"Belum {USIA_PEMILIH} tahun pada hari pemungutan "
                             f"{tanggal_pemungutan:%d-%m-%Y} dan belum kawin.", galat=False))
    return sorted(temuan, key=lambda t: not t.galat)


POLA_NIK_CEK = re.compile(r"[0-9]{16}")


def nik_cek_periksa(nik: str, *, kecamatan_ada: Callable[[str], bool] | None = None,
                    hari_ini: date | None = None) -> list[Temuan]:
    """The public DPT check answers only a structurally valid NIK: exactly 16 ASCII
    digits with a possible region, date and serial. ANCHORS.md (cekdptonline, Feb 2024):
    typing "2" returned a real voter, so there is no prefix, partial or fuzzy match."""
    if not POLA_NIK_CEK.fullmatch(nik):
        return [Temuan("nik.format", "NIK harus tepat 16 angka.")]
    return [Temuan(t.kode, t.pesan) for t in nik_periksa(
        nik, kecamatan_ada=kecamatan_ada, hari_ini=hari_ini) if t.galat]


def nama_samarkan(nama: str) -> str:
    """A name as the public check shows it: the first two letters of each word (one for
    short words), the rest hidden, e.g. BUDI SANTOSO → BU** SA*****."""
    bagian = []
    for kata in nama.split():
        buka = 1 if len(kata) <= 3 else 2
        bagian.append(kata[:buka] + "*" * (len(kata) - buka))
    return " ".join(bagian)


def nama_sama(a: str, b: str) -> bool:
    """Name given together with a NIK: equal ignoring case and spacing, nothing fuzzier."""
    return " ".join(a.upper().split()) == " ".join(b.upper().split())


# --- stages of the voter list ---------------------------------------------------------------
# RULES.md §4 (KPU Provinsi NTT presentation, secondary): DPS is announced for public
# response, corrected into DPSHP, then DPSHP Akhir, then fixed as DPT.
TAHAP_URUTAN = ["dps", "dpshp", "dpshp_akhir", "dpt"]


def tahap_boleh_ditetapkan(tahap: str, terakhir: str | None) -> bool:
    """Stage order (RULES.md §4, PKPU 7/2022 as amended by PKPU 7/2023, secondary): a stage
    is fixed after the one before it; the same stage may be fixed again as a new version
    (a corrected list), never one further back or one skipped."""
    if tahap not in TAHAP_URUTAN:
        return False
    if terakhir is None:
        return tahap == TAHAP_URUTAN[0]
    i, j = TAHAP_URUTAN.index(terakhir), TAHAP_URUTAN.index(tahap)
    return j in (i, i + 1)


DPTB_HARI_SEBELUM = 7

# Keppres 41/1987 (Pembagian Wilayah Indonesia menjadi 3 Wilayah Waktu), by province code;
# every other province is WIB. The Papua provinces formed in 2022 are in WIT as Papua was.
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}


def zona_waktu(kode_wilayah: str) -> ZoneInfo:
    """The legal time zone of a region (Keppres 41/1987): WIB, WITA or WIT."""
    prov = kode_wilayah[:2]
    if prov in _WIT:
        return ZoneInfo("Asia/Jayapura")
    if prov in _WITA:
        return ZoneInfo("Asia/Makassar")
    return ZoneInfo("Asia/Jakarta")


def dptb_tepat_waktu(tanggal_lapor: date, tanggal_pemungutan: date,
                     hari: int = DPTB_HARI_SEBELUM) -> bool:
    """DPTb: a DPT voter who moves reports at least 7 days before polling (PKPU 7/2022
    Pasal 117 as summarised in RULES.md §4, secondary; a per-election parameter)."""
    return (tanggal_pemungutan - tanggal_lapor).days >= hari


def dptb_batas_terima(tanggal_pemungutan: date, kode_wilayah: str,
                      hari: int = DPTB_HARI_SEBELUM) -> datetime:
    """The last moment an entry can be received in time: the end of the last day that
    `dptb_tepat_waktu` accepts, in the local time of the region."""
    akhir = tanggal_pemungutan - timedelta(days=hari)
    return datetime.combine(akhir, time.max, tzinfo=zona_waktu(kode_wilayah))


def dptb_diterima_tepat_waktu(diterima: datetime, tanggal_pemungutan: date, kode_wilayah: str,
                              hari: int = DPTB_HARI_SEBELUM) -> bool:
    """The moment that counts is when the server received the entry, in the local time of
    the voter's region (ANCHORS.md, SIDALIH 2024: entries kept coming in after the deadline
    while others could not get through) — never a date typed in or the device's clock."""
    return diterima <= dptb_batas_terima(tanggal_pemungutan, kode_wilayah, hari)


KOLOM_SALINAN = ["desa_id", "tps_nomor", "nik", "nkk", "nama", "tempat_lahir", "tanggal_lahir",
                 "jenis_kelamin", "status_kawin", "alamat", "rt", "rw", "disabilitas"]


def salinan_sidik(baris) -> str:
    """SHA-256 of a fixed list in canonical form: one line per voter, the fields of
    `KOLOM_SALINAN` joined by '|', rows in (desa, TPS, NIK) order as given. Anyone with the
    same rows computes the same hash."""
    import hashlib

    h = hashlib.sha256()
    for b in baris:
        h.update(("|".join("" if v is None else str(v) for v in b) + "\n").encode())
    return h.hexdigest()


# --- data quality before each plenary (ANCHORS.md, SIDALIH data 2023) -----------------------
@dataclass(frozen=True)
class CekMutu:
    kode: str
    nama: str
    keterangan: str


CEK_MUTU = [
    CekMutu("mutu.rt_rw_000", "RT/RW 000 atau kosong",
            "Alamat tanpa RT/RW tidak dapat dipetakan ke TPS terdekat; SIDALIH 2023 memuat "
            "puluhan ribu pemilih RT 00/RW 00 (ANCHORS.md)."),
    CekMutu("mutu.nik_struktur", "Struktur NIK tidak sah",
            "Bukan 16 angka, kode kecamatan tidak dikenal, tanggal (hari +40 untuk perempuan) "
            "atau bulan tidak mungkin, atau nomor urut 0000 (Permendagri 108/2019)."),
    CekMutu("mutu.nik_tanggal_beda", "Tanggal lahir berbeda dengan NIK",
            "Bagian tanggal NIK tidak sama dengan tanggal lahir tercatat."),
    CekMutu("mutu.nik_jenis_kelamin_beda", "Jenis kelamin berbeda dengan NIK",
            "Hari pada NIK > 40 berarti perempuan."),
    CekMutu("mutu.usia_hari_pemungutan", "Belum 17 tahun pada hari pemungutan",
            "Belum 17 tahun pada hari pemungutan suara dan belum/tidak pernah kawin "
            "(UU 7/2017 Pasal 198(1), RULES.md §4)."),
    CekMutu("mutu.unsur_kosong", "Elemen data kosong",
            "Tempat lahir, alamat atau status kawin kosong."),
    CekMutu("mutu.nik_dua_orang", "Satu NIK untuk dua orang",
            "NIK yang sama tercatat dengan nama dan tanggal lahir berbeda di daftar pemilu "
            "lain, atau impor mengganti nama dan tanggal lahir pemilik NIK sekaligus."),
]

# Bawaslu's correction suggestions move only along these transitions (done or rejected
# always with a reason).
SARAN_TRANSISI = {"baru": {"diproses", "selesai", "ditolak"},
                  "diproses": {"selesai", "ditolak"}, "selesai": set(), "ditolak": set()}


def saran_boleh_pindah(dari: str, ke: str) -> bool:
    """The declared table of Bawaslu suggestion states (ANCHORS.md, SIDALIH data: a log of
    Bawaslu's correction suggestions tracked to done or rejected with a reason)."""
    return ke in SARAN_TRANSISI.get(dari, set())
