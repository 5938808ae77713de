"""Rules of the selection of PPK and PPS members (CAT, interview, ranking) as pure functions.

The selection stages (tes tertulis by CAT, wawancara, announcement) are set by PKPU 8/2022
and its juknis, Keputusan KPU 476/2022 (shared/data/RULES.md, "Regulations in play"). The
juknis text with the weights was not seen (RULES.md has no figure), so every figure here is
an election parameter (`Pemilu.param`) whose default is written and justified next to it.
"""

import hashlib
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

# GLOSSARY.md: "CAT (Computer Assisted Test): the selection test for PPK and PPS
# applicants". KPPS and Pantarlih are chosen without a CAT.
BADAN_CAT = frozenset({"ppk", "pps"})

PARAMETER_SELEKSI = {
    # Weights of the final score. No regulation figure seen: CAT 60 / interview 40 is our
    # default, stated in docs/seleksi.md; each election may set its own.
    "seleksi_bobot_cat": 60,
    "seleksi_bobot_wawancara": 40,
    # Reserves ranked after the seats, as a multiple of the seats: 1 gives the "2 x
    # kebutuhan" ranking offices announce, from which replacements (PAW) are drawn.
    "seleksi_cadangan_kali": 1,
    # Seconds after the deadline an answer is still accepted (network grace); 0 = none.
    "seleksi_toleransi_detik": 0,
    # Wrong login codes before a candidate's code is locked (staff issue a new one).
    "seleksi_gagal_masuk_maks": 5,
}

PILIHAN_MIN, PILIHAN_MAKS = 4, 5
HURUF = "ABCDE"
SERATUS = Decimal(100)
SEN = Decimal("0.01")


def parameter_seleksi(pemilu, nama: str):
    return pemilu.param(nama, PARAMETER_SELEKSI[nama])


def badan_ber_cat(badan: str) -> bool:
    """Only PPK and PPS applicants take a CAT (GLOSSARY.md, CAT)."""
    return badan in BADAN_CAT


def penguji_boleh(*, peran: str, badan: str) -> bool:
    """Who sits on an interview panel. PKPU 8/2022: KPU Kabupaten/Kota forms PPK and PPS,
    so its commissioners and staff interview both; a PPK may interview PPS applicants of
    its kecamatan (it works with them), never PPK applicants (its own peers)."""
    if peran in ("kpu_kab_komisioner", "kpu_kab_operator"):
        return True
    return peran == "ppk" and badan == "pps"


# --- Question bank --------------------------------------------------------------------------

def teks_baku(teks: str) -> str:
    """Question text as compared for duplicates: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", teks).casefold().split())


def sidik_soal(teks: str) -> str:
    return hashlib.sha256(teks_baku(teks).encode()).hexdigest()


@dataclass(frozen=True)
class SoalBaru:
    kategori: str
    teks: str
    pilihan: tuple[str, ...]
    kunci: int


def soal_dari_baris(sel: dict[str, str]) -> tuple[SoalBaru | None, list[str]]:
    """One row of an import file (kategori, pertanyaan, pilihan_a..pilihan_e, kunci) as a
    question, or the reasons it is not one. Options are contiguous from A; 4 or 5 of them;
    the key names a filled option; no two options are the same."""
    galat = []
    kategori, teks = sel.get("kategori", "").strip(), sel.get("pertanyaan", "").strip()
    if not kategori:
        galat.append("kategori kosong")
    if not teks:
        galat.append("pertanyaan kosong")
    isi = [sel.get(f"pilihan_{h.lower()}", "").strip() for h in HURUF]
    while isi and not isi[-1]:
        isi.pop()
    if "" in isi:
        galat.append(f"pilihan {HURUF[isi.index('')]} kosong di antara pilihan terisi")
    elif not PILIHAN_MIN <= len(isi) <= PILIHAN_MAKS:
        galat.append(f"harus 4 atau 5 pilihan, ada {len(isi)}")
    elif len({teks_baku(p) for p in isi}) != len(isi):
        galat.append("ada pilihan yang sama")
    kunci_teks = sel.get("kunci", "").strip().upper()
    if len(kunci_teks) != 1 or kunci_teks not in HURUF:
        galat.append("kunci harus satu huruf A–E")
    elif HURUF.index(kunci_teks) >= len(isi):
        galat.append(f"kunci {kunci_teks} menunjuk pilihan yang kosong")
    if galat:
        return None, galat
    return SoalBaru(kategori, teks, tuple(isi), HURUF.index(kunci_teks)), []


# --- Drawing a candidate's test -------------------------------------------------------------

def benih_peserta(rahasia_ujian: str, nomor_pendaftaran: str) -> int:
    """The seed of one candidate's test: reproducible from the exam's secret and the
    registration number, unpredictable without the secret."""
    return int.from_bytes(hashlib.sha256(
        f"{rahasia_ujian}:{nomor_pendaftaran}".encode()).digest()[:8], "big")


def susun_soal(*, benih: int, bank: dict[int, list[tuple[int, int]]],
               komposisi: dict[int, int]) -> list[dict]:
    """Draw `komposisi[kategori]` questions from each category of `bank` ({kategori: [(soal
    id, number of options)]}), mix them, and shuffle each question's options.

    Same seed and bank give the same test; the bank is sorted first so the order rows come
    from the database does not matter."""
    acak = random.Random(benih)
    terpilih: list[tuple[int, int]] = []
    for kategori in sorted(komposisi):
        calon = sorted(bank.get(kategori, []))
        if len(calon) < komposisi[kategori]:
            raise ValueError(f"kategori {kategori}: {len(calon)} soal, perlu "
                             f"{komposisi[kategori]}")
        terpilih.extend(acak.sample(calon, komposisi[kategori]))
    acak.shuffle(terpilih)
    susunan = []
    for soal_id, n in terpilih:
        urutan = list(range(n))
        acak.shuffle(urutan)
        susunan.append({"s": soal_id, "p": urutan})
    return susunan


def tenggat_sesi(mulai: datetime, durasi_menit: int, ditutup: datetime) -> datetime:
    """A candidate has the full duration from their start, but never past the exam's
    closing time (a late start gets a shorter test, as in a test room)."""
    return min(mulai + timedelta(minutes=durasi_menit), ditutup)


# --- Scoring ---------------------------------------------------------------------------------

def hitung_benar(susunan: list[dict], jawaban: dict[int, int | None],
                 kunci: dict[int, int]) -> int:
    """Correct answers: the option shown at the chosen position is the question's key."""
    benar = 0
    for nomor, butir in enumerate(susunan, start=1):
        pilihan = jawaban.get(nomor)
        if pilihan is not None and butir["p"][pilihan] == kunci[butir["s"]]:
            benar += 1
    return benar


def nilai_cat(benar: int, jumlah: int) -> Decimal:
    """CAT score 0–100: share of correct answers, two decimals, half up."""
    if jumlah <= 0:
        return Decimal(0).quantize(SEN)
    return (Decimal(benar) * SERATUS / Decimal(jumlah)).quantize(SEN, ROUND_HALF_UP)


def sidik_lembar(jawaban: dict[int, int | None]) -> str:
    """Hash of an answer sheet, kept in the audit entry of the result: a later change of
    any answer no longer matches it."""
    teks = ";".join(f"{n}:{'' if p is None else p}" for n, p in sorted(jawaban.items()))
    return hashlib.sha256(teks.encode()).hexdigest()


# --- Interview and ranking -------------------------------------------------------------------

def nilai_wawancara_sah(nilai: Decimal) -> bool:
    """An interview score is 0 to 100 with at most two decimals."""
    return SERATUS >= nilai >= 0 and nilai == nilai.quantize(SEN)


def nilai_akhir(*, cat: Decimal, wawancara: Decimal, bobot_cat: int,
                bobot_wawancara: int) -> Decimal:
    """Weighted mean of the CAT and interview scores (weights are election parameters
    `seleksi_bobot_cat` and `seleksi_bobot_wawancara`), two decimals, half up."""
    total = bobot_cat + bobot_wawancara
    if bobot_cat < 0 or bobot_wawancara < 0 or total <= 0:
        raise ValueError("bobot harus tidak negatif dan tidak keduanya nol")
    return ((cat * bobot_cat + wawancara * bobot_wawancara) / Decimal(total)).quantize(
        SEN, ROUND_HALF_UP)


@dataclass
class Calon:
    pendaftar_id: int
    nomor: str
    nama: str
    nik_samar: str
    wilayah_kode: str
    wilayah_nama: str
    didaftarkan: datetime
    nilai_cat: Decimal | None
    nilai_wawancara: Decimal | None
    akhir: Decimal | None = None
    peringkat: int | None = None
    keterangan: str = ""
    catatan: list[str] = field(default_factory=list)


TERPILIH, CADANGAN, TIDAK_TERPILIH, TIDAK_LENGKAP = (
    "Terpilih", "Cadangan", "Tidak terpilih", "Nilai belum lengkap")


def kunci_peringkat(c: Calon) -> tuple:
    """The documented order: final score, then CAT score (both higher first), then the
    earlier registration time, then the registration number (so no two are ever equal)."""
    return (-c.akhir, -c.nilai_cat, c.didaftarkan, c.nomor)


def urutkan_peringkat(calon: list[Calon], *, kursi: int, cadangan: int, bobot_cat: int,
                      bobot_wawancara: int) -> list[Calon]:
    """Rank the candidates of one work area (a kecamatan for PPK, a desa for PPS).

    Candidates with both scores are ranked by `kunci_peringkat`; the first `kursi` are
    terpilih, the next `cadangan` are reserves. Candidates missing a score are listed
    after them, unranked."""
    lengkap = [c for c in calon if c.nilai_cat is not None and c.nilai_wawancara is not None]
    kurang = [c for c in calon if c not in lengkap]
    for c in lengkap:
        c.akhir = nilai_akhir(cat=c.nilai_cat, wawancara=c.nilai_wawancara,
                              bobot_cat=bobot_cat, bobot_wawancara=bobot_wawancara)
    lengkap.sort(key=kunci_peringkat)
    for i, c in enumerate(lengkap, start=1):
        c.peringkat = i
        c.keterangan = (TERPILIH if i <= kursi else CADANGAN if i <= kursi + cadangan
                        else TIDAK_TERPILIH)
    for c in sorted(kurang, key=lambda c: (c.didaftarkan, c.nomor)):
        c.keterangan = TIDAK_LENGKAP
    _tandai_seri(lengkap)
    return lengkap + sorted(kurang, key=lambda c: (c.didaftarkan, c.nomor))


def _tandai_seri(urut: list[Calon]) -> None:
    """Say on the announcement which tie-break decided between equal final scores."""
    for a, b in zip(urut, urut[1:], strict=False):
        if a.akhir != b.akhir:
            continue
        if a.nilai_cat != b.nilai_cat:
            b.catatan.append(f"nilai akhir sama dengan {a.nomor}; nilai CAT lebih rendah")
        else:
            b.catatan.append(f"nilai akhir dan CAT sama dengan {a.nomor}; mendaftar kemudian")
