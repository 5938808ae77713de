"""Rules of the ad hoc bodies (PPK, PPS, KPPS, Pantarlih) as pure functions.

Every figure is a parameter of the election (`Pemilu.param`) whose default is the value in
shared/data/RULES.md; the line of RULES.md that gives it is cited next to it.
"""

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
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


# --- Eligibility (PKPU 8/2022 Pasal 35 ayat (1); RULES.md §2, lines 29–47) -------------------

class Hasil(StrEnum):
    LULUS = "lulus"
    TIDAK_LULUS = "tidak_lulus"
    DITINJAU = "perlu_ditinjau"


LABEL_HASIL = {Hasil.LULUS: "Lulus", Hasil.TIDAK_LULUS: "Tidak lulus",
               Hasil.DITINJAU: "Perlu ditinjau"}


@dataclass(frozen=True)
class HasilSyarat:
    """The outcome of one rule for one applicant, with the reason shown to people."""

    syarat: str
    hasil: Hasil
    alasan: str
    bendera: str = ""  # a note for the verifier that does not change the outcome
    bukti: tuple = ()  # evidence rows (e.g. party-list matches), as dicts


# Education levels in order; SMA covers SMK, MA and Paket C (sederajat).
JENJANG_PENDIDIKAN = {"sd": "SD/sederajat", "smp": "SMP/sederajat", "sma": "SMA/sederajat",
                      "d1": "D1", "d2": "D2", "d3": "D3", "s1": "S1/D4", "s2": "S2",
                      "s3": "S3"}
_PERINGKAT = {k: i for i, k in enumerate(JENJANG_PENDIDIKAN)}

PARAMETER_SYARAT_BAWAAN = {
    "usia_minimal": 17,                # RULES.md §2 line 35 (Pasal 35(1) huruf b)
    "usia_kpps_diutamakan_maks": 55,   # line 35: KPPS "diutamakan" up to 55
    "usia_kpps_maks_wajib": False,     # a preference, refused only if set to True
    "pendidikan_minimal": "sma",       # line 41 (huruf h)
    "partai_tahun_keluar": 5,          # line 38 (huruf e)
    "batas_periode": None,             # line 43: the two-term limit was dropped
}


def parameter_syarat(pemilu, nama: str):
    return pemilu.param(nama, PARAMETER_SYARAT_BAWAAN[nama])


def usia_pada(lahir: date, acuan: date) -> int:
    """Whole years of age on `acuan`."""
    return acuan.year - lahir.year - ((acuan.month, acuan.day) < (lahir.month, lahir.day))


def syarat_nik(temuan) -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf a: Warga Negara Indonesia, shown by the KTP-el
    (Kep. KPU 1669/2023 table; RULES.md §2 line 34). `temuan` are the findings of
    `simpul.core.nik.nik_periksa`: an error refuses, a mismatch goes to review."""
    galat = [t for t in temuan if t.galat]
    if galat:
        return HasilSyarat("nik", Hasil.TIDAK_LULUS, " ".join(t.pesan for t in galat))
    if temuan:
        return HasilSyarat("nik", Hasil.DITINJAU, " ".join(t.pesan for t in temuan))
    return HasilSyarat("nik", Hasil.LULUS, "NIK sesuai struktur (16 angka, kode wilayah, "
                       "tanggal lahir).")


def syarat_usia(*, lahir: date, acuan: date, badan: str, usia_minimal: int = 17,
                kpps_diutamakan_maks: int | None = 55,
                kpps_maks_wajib: bool = False) -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf b: at least 17 years old; for KPPS preferably
    (diutamakan) at most 55, counted on polling day (RULES.md §2 line 35). Over 55 is a flag
    for the verifier, a refusal only if the election sets `usia_kpps_maks_wajib`."""
    usia = usia_pada(lahir, acuan)
    if usia < usia_minimal:
        return HasilSyarat("usia", Hasil.TIDAK_LULUS,
                           f"Usia {usia} tahun pada {acuan:%d-%m-%Y}; minimal {usia_minimal}.")
    if badan == Badan.KPPS and kpps_diutamakan_maks is not None and usia > kpps_diutamakan_maks:
        pesan = (f"Usia {usia} tahun pada {acuan:%d-%m-%Y}; KPPS diutamakan paling tinggi "
                 f"{kpps_diutamakan_maks} tahun.")
        if kpps_maks_wajib:
            return HasilSyarat("usia", Hasil.TIDAK_LULUS, pesan)
        return HasilSyarat("usia", Hasil.LULUS, pesan, bendera="usia_di_atas_diutamakan")
    return HasilSyarat("usia", Hasil.LULUS, f"Usia {usia} tahun pada {acuan:%d-%m-%Y}.")


def syarat_domisili(*, domisili_kode: str, wilayah_kerja_kode: str,
                    nama_wilayah_kerja: str = "") -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf f: domiciled in the work area of the PPK, PPS or
    KPPS (RULES.md §2 line 39)."""
    nama = nama_wilayah_kerja or wilayah_kerja_kode
    if domisili_kode == wilayah_kerja_kode or domisili_kode.startswith(wilayah_kerja_kode + "."):
        return HasilSyarat("domisili", Hasil.LULUS, f"Berdomisili di wilayah kerja {nama}.")
    return HasilSyarat("domisili", Hasil.TIDAK_LULUS,
                       f"Domisili {domisili_kode} di luar wilayah kerja {nama}.")


def syarat_pendidikan(*, pendidikan: str, minimal: str = "sma") -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf h: education at least SMA or equivalent
    (RULES.md §2 line 41)."""
    if pendidikan not in _PERINGKAT:
        return HasilSyarat("pendidikan", Hasil.DITINJAU,
                           f"Jenjang pendidikan '{pendidikan}' tidak dikenal.")
    label = JENJANG_PENDIDIKAN[pendidikan]
    if _PERINGKAT[pendidikan] < _PERINGKAT[minimal]:
        return HasilSyarat("pendidikan", Hasil.TIDAK_LULUS,
                           f"Pendidikan {label}; minimal {JENJANG_PENDIDIKAN[minimal]}.")
    return HasilSyarat("pendidikan", Hasil.LULUS, f"Pendidikan {label}.")


def syarat_kesehatan(*, ada_surat_sehat: bool) -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf g: physically and mentally able and free of
    narcotics abuse, shown by a health certificate from a puskesmas, hospital or clinic
    (RULES.md §2 line 40)."""
    if ada_surat_sehat:
        return HasilSyarat("kesehatan", Hasil.LULUS, "Surat keterangan sehat dilampirkan.")
    return HasilSyarat("kesehatan", Hasil.TIDAK_LULUS,
                       "Surat keterangan sehat belum dilampirkan.")


def syarat_pernyataan(*, ada_surat_pernyataan: bool) -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf c and d: loyal to Pancasila, UUD 1945, NKRI,
    Bhinneka Tunggal Ika and the Proclamation; integrity, honest and fair; both shown by a
    signed statement (surat pernyataan; RULES.md §2 lines 36–37, 46)."""
    if ada_surat_pernyataan:
        return HasilSyarat("pernyataan", Hasil.LULUS, "Surat pernyataan dilampirkan.")
    return HasilSyarat("pernyataan", Hasil.TIDAK_LULUS, "Surat pernyataan belum dilampirkan.")


def syarat_pidana(*, menyatakan_tidak_pernah_dipidana: bool) -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf i: never sentenced by a final judgment to prison
    for a crime punishable by 5 years or more (statement; RULES.md §2 line 42)."""
    if menyatakan_tidak_pernah_dipidana:
        return HasilSyarat("pidana", Hasil.LULUS, "Menyatakan tidak pernah dipidana penjara "
                           "karena tindak pidana yang diancam 5 tahun atau lebih.")
    return HasilSyarat("pidana", Hasil.TIDAK_LULUS, "Tidak menyatakan bebas dari pidana "
                       "penjara 5 tahun atau lebih.")


@dataclass(frozen=True)
class AnggotaPartai:
    """One row of an uploaded party membership list (e.g. a SIPOL export)."""

    nik: str
    nama: str
    tanggal_lahir: date | None
    partai: str
    keluar: date | None = None  # end of membership, if the list says so
    sumber: str = ""            # file and row, for the evidence


def nama_baku(nama: str) -> str:
    """A name for matching: accents, punctuation, case and spacing removed."""
    teks = unicodedata.normalize("NFKD", nama)
    teks = "".join(c for c in teks if not unicodedata.combining(c))
    teks = re.sub(r"[^a-z0-9 ]", " ", teks.casefold())
    return " ".join(teks.split())


def syarat_partai(*, nik: str, nama: str, lahir: date, acuan: date,
                  menyatakan_bukan_anggota: bool, anggota: list[AnggotaPartai],
                  tahun_keluar: int = 5) -> HasilSyarat:
    """PKPU 8/2022 Pasal 35 ayat (1) huruf e: not a member of a political party, or out of
    it for at least 5 years as shown by a letter of the party (RULES.md §2 line 38).

    `anggota` are the rows of the uploaded lists that may concern this person (same NIK, or
    same name and birth date). Any match goes to review with its evidence: the list alone
    neither proves membership nor its end."""
    if not menyatakan_bukan_anggota:
        return HasilSyarat("partai", Hasil.TIDAK_LULUS, "Pendaftar tidak menyatakan bukan "
                           f"anggota partai politik dalam {tahun_keluar} tahun terakhir.")
    baku = nama_baku(nama)
    cocok = []
    for a in anggota:
        dasar = ("NIK" if a.nik == nik else
                 "nama dan tanggal lahir" if (nama_baku(a.nama) == baku
                                              and a.tanggal_lahir == lahir) else None)
        if dasar is None:
            continue
        lama = a.keluar is not None and usia_pada(a.keluar, acuan) >= tahun_keluar
        cocok.append({"dasar": dasar, "partai": a.partai, "nama": a.nama,
                      "keluar": a.keluar.isoformat() if a.keluar else None,
                      "keluar_cukup_lama": lama, "sumber": a.sumber})
    if not cocok:
        return HasilSyarat("partai", Hasil.LULUS, "Tidak ditemukan dalam daftar anggota "
                           "partai yang diunggah.")
    ringkas = "; ".join(f"{c['partai']} (cocok {c['dasar']}, {c['sumber']})" for c in cocok)
    return HasilSyarat("partai", Hasil.DITINJAU, f"Cocok dengan daftar anggota partai: "
                       f"{ringkas}. Periksa surat keterangan partai.", bukti=tuple(cocok))


def syarat_periode(*, periode: int, batas: int | None,
                   riwayat: tuple[str, ...] = ()) -> HasilSyarat:
    """Terms already served in the same body. Not among the requirements of PKPU 8/2022
    Pasal 35 ayat (1): the two-term limit of PKPU 3/2018 and 36/2018 was dropped (RULES.md
    §2 line 43), so the limit is a per-election parameter with no default.

    The count is the larger of what the applicant declared (`periode`) and the terms on
    record (`riwayat`: Simpul's own seats in earlier elections and the imported history),
    which are named in the reason so the verifier sees the evidence."""
    n = max(periode, len(riwayat))
    bukti = f"; tercatat: {', '.join(riwayat)}" if riwayat else ""
    asal = f"pengakuan {periode}{bukti}"
    if batas is not None and n >= batas:
        return HasilSyarat("periode", Hasil.TIDAK_LULUS,
                           f"Sudah {n} periode di badan yang sama ({asal}); batas {batas}.")
    keterangan = "tanpa batas" if batas is None else f"batas {batas}"
    return HasilSyarat("periode", Hasil.LULUS,
                       f"{n} periode sebelumnya di badan yang sama ({asal}; {keterangan}).")


def hasil_akhir(daftar: list[HasilSyarat]) -> Hasil:
    """Tidak lulus if any rule refuses, else perlu ditinjau if any asks for review."""
    if any(h.hasil == Hasil.TIDAK_LULUS for h in daftar):
        return Hasil.TIDAK_LULUS
    if any(h.hasil == Hasil.DITINJAU for h in daftar):
        return Hasil.DITINJAU
    return Hasil.LULUS


# --- Uploads --------------------------------------------------------------------------------

# What the bytes must start with; the file name and the browser's type are not trusted.
TANDA_BERKAS = {"application/pdf": b"%PDF-", "image/jpeg": b"\xff\xd8\xff",
                "image/png": b"\x89PNG\r\n\x1a\n"}
BERKAS_MAKS_BYTE = 2 * 1024 * 1024


@dataclass(frozen=True)
class TemuanBerkas:
    mime: str | None
    kode: str = ""
    pesan: str = ""


def berkas_periksa(data: bytes, *, maks_byte: int = BERKAS_MAKS_BYTE) -> TemuanBerkas:
    """The type of an upload from its first bytes (PDF, JPEG or PNG only), its size, and
    whether it is whole: a PDF ends with %%EOF, a JPEG with FFD9, a PNG with its IEND
    chunk. A truncated upload fails the last check."""
    if not data:
        return TemuanBerkas(None, "adhoc.berkas_kosong", "Berkas kosong.")
    if len(data) > maks_byte:
        return TemuanBerkas(None, "adhoc.berkas_terlalu_besar",
                            f"Berkas {len(data) / 2**20:.1f} MB; maksimal "
                            f"{maks_byte / 2**20:.1f} MB.")
    mime = next((m for m, tanda in TANDA_BERKAS.items() if data.startswith(tanda)), None)
    if mime is None:
        return TemuanBerkas(None, "adhoc.berkas_jenis_salah",
                            "Jenis berkas harus PDF, JPEG atau PNG.")
    ekor = data[-1024:].rstrip(b"\x00\r\n\t ")
    utuh = {"application/pdf": b"%%EOF" in ekor, "image/jpeg": ekor.endswith(b"\xff\xd9"),
            "image/png": b"IEND" in ekor[-12:]}[mime]
    if not utuh:
        return TemuanBerkas(mime, "adhoc.berkas_rusak",
                            "Berkas rusak atau terpotong; unggah ulang.")
    return TemuanBerkas(mime)


# --- Placement and replacement ---------------------------------------------------------------

PARAMETER_PENEMPATAN_BAWAAN = {
    "kpps_min_melek_it": 2,        # seed 003 / RULES.md §2 line 47: 2 per TPS for Sirekap
    "pantarlih_min_melek_it": 0,
    "kpps_dari_desa_sekitar": True,  # RULES.md §2 line 45: from a nearby desa if none local
}


def parameter_penempatan(pemilu, nama: str):
    return pemilu.param(nama, PARAMETER_PENEMPATAN_BAWAAN[nama])


def kode_kecamatan(kode: str) -> str:
    """The kecamatan of a desa/kelurahan (or the kecamatan itself): the first three parts."""
    return ".".join(kode.split(".")[:3])


def jarak_domisili(rumah: str, tujuan: str) -> int:
    """How far a home region is from a seat's region in the region tree: 0 the same
    desa/kelurahan, 1 the same kecamatan, 2 the same kab/kota, 3 the same province, 4
    elsewhere. Only the tree is known (applicants give no coordinates)."""
    a, b = rumah.split("."), tujuan.split(".")
    sama = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        sama += 1
    return len(b) - sama


@dataclass(frozen=True)
class CalonPengganti:
    pendaftar_id: int
    nomor: str
    rumah: str
    didaftarkan: object  # datetime of registration
    melek_it: bool = False


def urutkan_pengganti(calon: list[CalonPengganti], *, tujuan: str,
                      peringkat_seleksi: list[int] | None = None) -> list[CalonPengganti]:
    """The order in which replacements (PAW) are proposed for a seat in region `tujuan`.

    When the CAT selection ranked the round (PPK, PPS), its order comes first, then any
    candidate it did not rank. Otherwise (KPPS, Pantarlih, or no selection): domicile
    distance to the seat (same desa, same kecamatan, ...), then the earlier registration,
    then the registration number. Only verified (MS) applicants without a seat are passed
    in; the choice of the replacement stays with KPU staff (PKPU 8/2022 on PAW of ad hoc
    members; RULES.md does not fix the order, so it is documented in docs/adhoc.md)."""
    urut_luar = {pid: i for i, pid in enumerate(peringkat_seleksi or [])}
    tanpa = len(urut_luar)
    return sorted(calon, key=lambda c: (urut_luar.get(c.pendaftar_id, tanpa),
                                        jarak_domisili(c.rumah, tujuan), c.didaftarkan,
                                        c.nomor))


# --- Registration period per area -------------------------------------------------------------

PERPANJANGAN_KALI_KEBUTUHAN = 2


def akhir_pendaftaran(*, selesai: date, perpanjangan: list[tuple[str, date]],
                      kode_tugas: str) -> date:
    """The last day of registration for a work area: the round's own, or the later end
    of an extension recorded for that area or for the kecamatan containing it. An
    extension elsewhere does not reopen this area."""
    return max([selesai, *(akhir for kode, akhir in perpanjangan
                           if kode_tugas == kode or kode_tugas.startswith(kode + "."))])


def perpanjangan_layak(*, pendaftar: int, kebutuhan: int,
                       kali: int = PERPANJANGAN_KALI_KEBUTUHAN) -> bool:
    """Registration is extended in a kecamatan or desa/kelurahan whose applicants are fewer
    than `kali` × the seats needed (KPU's 2024 practice, ANCHORS.md SIAKBA row 3; the
    juknis, Keputusan KPU 476/2022, was not read, so `kali` is the election parameter
    `perpanjangan_kali_kebutuhan`, default 2). An area with no seats needs none."""
    return kebutuhan > 0 and pendaftar < kali * kebutuhan
