"""Bakohumas rules as pure functions: which offices keep a log, how a pasted link names its
channel, report periods, and how the recap and evaluation tables of seed 002 are counted."""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from urllib.parse import urlsplit

TINGKAT_KANTOR = ("provinsi", "kabupaten", "kota")

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
BULAN_SINGKAT = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV",
                 "DES")


def kantor_bakohumas(tingkat: str | None) -> bool:
    """Bakohumas teams exist at KPU, KPU Provinsi and KPU Kabupaten/Kota (Keputusan KPU
    Nomor 561/HM.03.5-Kpt/06/KPU/VIII/2021 tentang Badan Koordinasi Hubungan Masyarakat
    KPU, KPU Provinsi dan KPU Kabupaten/Kota); `None` is KPU RI itself."""
    return tingkat is None or tingkat in TINGKAT_KANTOR


def tanggal_publikasi_sah(tanggal: date, hari_ini: date) -> bool:
    """A log records what was published: a date after today is a typing error."""
    return date(2000, 1, 1) <= tanggal <= hari_ini


def host_tautan(tautan: str) -> str | None:
    """The host of an http(s) link in lower case without 'www.'/'m.'; None if not a link."""
    try:
        bagian = urlsplit(tautan.strip())
    except ValueError:
        return None
    if bagian.scheme not in ("http", "https") or not bagian.hostname or " " in tautan.strip():
        return None
    host = bagian.hostname.lower().rstrip(".")
    if "." not in host:
        return None
    for awalan in ("www.", "m.", "mobile.", "web."):
        if host.startswith(awalan) and host.count(".") > 1:
            host = host[len(awalan):]
    return host


def kanal_dari_host(host: str, peta: dict[str, str]) -> str | None:
    """The channel whose host list holds `host` or one of its parent domains
    (`vm.tiktok.com` -> `tiktok.com`); any `*.kpu.go.id` site is the office website."""
    bagian = host.split(".")
    for i in range(len(bagian) - 1):
        kandidat = ".".join(bagian[i:])
        if kandidat in peta:
            return peta[kandidat]
    return None


def rentang_sah(mulai: date, selesai: date | None, hari_ini: date) -> bool:
    """An activity logged as done: it starts no later than it ends, and not after today."""
    return tanggal_publikasi_sah(mulai, hari_ini) and (
        selesai is None or mulai <= selesai <= hari_ini)


def sk_berlaku(sk: list, tanggal: date):
    """The decree in force on `tanggal`: the latest one dated on or before it (an
    amendment carries the whole team, so it replaces the earlier list)."""
    berlaku = [s for s in sk if s.tanggal <= tanggal]
    return max(berlaku, key=lambda s: (s.tanggal, s.pk or 0)) if berlaku else None


# --- report periods ----------------------------------------------------------------------

JENIS_PERIODE = ("bulan", "triwulan", "semester", "tahun")
NAMA_PERIODE = {"triwulan": ("I", "II", "III", "IV"), "semester": ("I", "II")}


@dataclass(frozen=True)
class Periode:
    jenis: str
    tahun: int
    nomor: int
    awal: date
    akhir: date

    @property
    def bulan(self) -> list[int]:
        return list(range(self.awal.month, self.akhir.month + 1))

    @property
    def nama(self) -> str:
        if self.jenis == "bulan":
            return f"{BULAN[self.nomor - 1]} {self.tahun}"
        if self.jenis == "tahun":
            return f"Tahun {self.tahun}"
        return f"{self.jenis.capitalize()} {NAMA_PERIODE[self.jenis][self.nomor - 1]} " \
               f"{self.tahun}"

    @property
    def rentang_bulan(self) -> str:
        if self.awal.month == self.akhir.month:
            return f"{BULAN[self.awal.month - 1]} {self.tahun}"
        return f"{BULAN[self.awal.month - 1]} s/d {BULAN[self.akhir.month - 1]} {self.tahun}"

    def memuat(self, tanggal: date) -> bool:
        return self.awal <= tanggal <= self.akhir


def periode(jenis: str, tahun: int, nomor: int = 1) -> Periode | None:
    """Bakohumas Kabupaten/Kota reports every three months and every year to the KPU
    Provinsi (Keputusan KPU Nomor 561/HM.03.5-Kpt/06/KPU/VIII/2021, as quoted in seed 002's
    cover letter); seed 002 itself covers a semester, and the recap is kept per month."""
    panjang = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}.get(jenis)
    if panjang is None or not 2000 <= tahun <= 2100 or not 1 <= nomor <= 12 // panjang:
        return None
    awal_bulan = (nomor - 1) * panjang + 1
    akhir_bulan = awal_bulan + panjang - 1
    akhir = date(tahun + (akhir_bulan == 12), akhir_bulan % 12 + 1, 1)
    return Periode(jenis, tahun, nomor, date(tahun, awal_bulan, 1),
                   date.fromordinal(akhir.toordinal() - 1))


# --- recap tables ------------------------------------------------------------------------

@dataclass(frozen=True)
class HitungUnggahan:
    """One aggregate row: posts of one month, content type, channel and target."""

    bulan: int
    jenis_konten_id: int
    kanal_kode: str
    sasaran: str
    jumlah: int


@dataclass
class TabelBulan:
    bulan: int
    tahun: int
    kolom: list[str]  # channel codes
    baris: list[tuple[str, list[int]]]  # (content type name, counts per column)

    @property
    def nama(self) -> str:
        return f"{BULAN[self.bulan - 1]} {self.tahun}"

    @property
    def total_kolom(self) -> list[int]:
        return [sum(b[1][i] for b in self.baris) for i in range(len(self.kolom))]


def rekap_per_bulan(hitung: Iterable[HitungUnggahan], *, tahun: int, bulan: list[int],
                    jenis_konten: list[tuple[int, str]],
                    kolom: list[str]) -> list[TabelBulan]:
    """Seed 002's 'Rekapitulasi Media Sosial': for each month, posts per content type
    (rows, all of them even when zero) per channel (columns). A post counts once on
    its channel; a piece cross-posted to three channels counts once in each column."""
    sel: dict[tuple[int, int, str], int] = defaultdict(int)
    for h in hitung:
        sel[(h.bulan, h.jenis_konten_id, h.kanal_kode)] += h.jumlah
    return [TabelBulan(b, tahun, list(kolom),
                       [(nama, [sel[(b, jid, k)] for k in kolom]) for jid, nama in jenis_konten])
            for b in bulan]


def rekap_gabung(tabel: list[TabelBulan]) -> list[tuple[str, list[int]]]:
    """The same table summed over several months (a quarter, semester or year)."""
    if not tabel:
        return []
    jumlah = [(nama, [0] * len(angka)) for nama, angka in tabel[0].baris]
    for t in tabel:
        for i, (_, angka) in enumerate(t.baris):
            for j, n in enumerate(angka):
                jumlah[i][1][j] += n
    return jumlah


@dataclass
class BarisEvaluasi:
    media: str
    per_bulan: list[int]
    keterangan: str

    @property
    def jumlah(self) -> int:
        return sum(self.per_bulan)


@dataclass
class DefinisiEvaluasi:
    """How the rows of seed 002's evaluation table ('BANYAKNYA/BULAN') are counted.

    Worked out from the seed: the 'Media Sosial (IG, FB, Twitter)' row equals, month by
    month, the Instagram column plus the TikTok column of the recap (Jan 79 = 79 + 0,
    Apr 120 = 115 + 5, May 121 = 114 + 7, Jun 127 = 107 + 20). Facebook and X carry the
    same pieces as Instagram and are not counted again, and YouTube is not counted at all
    (January's 5 YouTube videos are not in the 79). The 'Website' row is the posts on the
    website; each message-group row is the posts shared into that group."""

    medsos: frozenset[str]
    website: frozenset[str]
    pesan: frozenset[str]
    label_medsos: str = "Media Sosial (IG, FB, Twitter)"
    keterangan_medsos: str = "Link berita dan aktivitas keseharian"
    keterangan_website: str = "Berita"
    keterangan_pesan: str = "Link berita dan aktivitas keseharian"


def tabel_evaluasi(hitung: Iterable[HitungUnggahan], *, bulan: list[int],
                   definisi: DefinisiEvaluasi) -> list[BarisEvaluasi]:
    """Rows of the evaluation table: social media, website, then one row per message
    group (by name), each with a count per month."""
    posisi = {b: i for i, b in enumerate(bulan)}
    medsos, web = [0] * len(bulan), [0] * len(bulan)
    grup: dict[str, list[int]] = {}
    for h in hitung:
        i = posisi.get(h.bulan)
        if i is None:
            continue
        if h.kanal_kode in definisi.medsos:
            medsos[i] += h.jumlah
        if h.kanal_kode in definisi.website:
            web[i] += h.jumlah
        if h.kanal_kode in definisi.pesan:
            grup.setdefault(h.sasaran or "Grup", [0] * len(bulan))[i] += h.jumlah
    baris = [BarisEvaluasi(definisi.label_medsos, medsos, definisi.keterangan_medsos),
             BarisEvaluasi("Website", web, definisi.keterangan_website)]
    baris += [BarisEvaluasi(nama, angka, definisi.keterangan_pesan)
              for nama, angka in sorted(grup.items())]
    return baris


# --- report workflow -----------------------------------------------------------------------

# (status, action) -> (new status, who acts: the office itself or the tier above it).
TRANSISI_LAPORAN: dict[tuple[str, str], tuple[str, str]] = {
    ("draf", "ajukan"): ("diajukan", "kantor"),
    ("dikembalikan", "ajukan"): ("diajukan", "kantor"),
    ("diajukan", "terima"): ("diterima", "atas"),
    ("diajukan", "kembalikan"): ("dikembalikan", "atas"),
}
STATUS_BOLEH_UBAH = frozenset({"draf", "dikembalikan"})


def tingkat_atas(kantor: str | None, akar: str | None) -> bool:
    """Is the office with territory `akar` above the office `kantor`? Bakohumas
    Kabupaten/Kota reports to the KPU Provinsi (and through it to KPU), a KPU Provinsi to KPU
    (Keputusan KPU Nomor 561/HM.03.5-Kpt/06/KPU/VIII/2021)."""
    if kantor is None:
        return False
    return akar is None or (kantor != akar and kantor.startswith(akar + "."))


def tanggal_laporan_sah(p: Periode, tanggal_surat: date, data_sampai: date | None) -> str:
    """Why the report's dates do not fit its period ('' when they do): the data cut-off lies
    inside the period, the letter is not dated before the period starts nor before the
    cut-off (seed 002: period January-June, data to 24 June, letter 23 June)."""
    if data_sampai is not None and not p.memuat(data_sampai):
        return f"batas data {data_sampai:%d-%m-%Y} di luar periode {p.nama}"
    if tanggal_surat < p.awal:
        return f"tanggal surat {tanggal_surat:%d-%m-%Y} sebelum awal periode {p.nama}"
    return ""


# --- campaigns across tiers ------------------------------------------------------------------

def penerbit_kampanye_sah(tingkat: str | None, *, kpu_ri: bool) -> bool:
    """KPU coordinates the Bakohumas of KPU Provinsi and KPU Kabupaten/Kota, a KPU Provinsi
    that of the KPU Kabupaten/Kota in its province (Keputusan KPU Nomor
    561/HM.03.5-Kpt/06/KPU/VIII/2021): only these two tiers publish a campaign downwards."""
    return kpu_ri or tingkat == "provinsi"


def sasaran_kampanye(penerbit: str | None, kantor: str | None, tingkat: str | None) -> bool:
    """Is the office `kantor` (of region level `tingkat`) one the campaign is addressed to?
    Every KPU office strictly below the publisher: for KPU RI the provinces and
    kabupaten/kota, for a KPU Provinsi the kabupaten/kota in it."""
    return kantor is not None and tingkat in TINGKAT_KANTOR and tingkat_atas(kantor, penerbit)


def tagar_sah(tagar: str) -> bool:
    """A hashtag as the platforms read it: '#' then letters, digits or '_' only."""
    return len(tagar) >= 2 and tagar[0] == "#" and all(
        c.isalnum() or c == "_" for c in tagar[1:])


@dataclass
class StatusKantor:
    kode: str
    nama: str
    provinsi: str
    pertama: object = None  # datetime of the first post, None if not posted
    jumlah: int = 0
    terlambat: bool = False
    tautan: list = field(default_factory=list)


def status_kampanye(kantor: list[tuple[str, str]], unggahan: list[tuple[str, object]], *,
                    selesai) -> list[StatusKantor]:
    """Per target office (code, name): when it first posted, how many posts, whether the
    first post came after the window closed. `unggahan` is (office code, time) pairs."""
    baris = {k: StatusKantor(k, n, k.split(".")[0]) for k, n in kantor}
    for k, waktu in unggahan:
        s = baris.get(k)
        if s is None:
            continue
        s.jumlah += 1
        if s.pertama is None or waktu < s.pertama:
            s.pertama = waktu
    for s in baris.values():
        s.terlambat = s.pertama is not None and s.pertama > selesai
    return list(baris.values())


# --- media monitoring ------------------------------------------------------------------------

def status_tanggapan_awal(*, hoaks: bool, sentimen: str) -> str:
    """A hoax, or a negative item, waits for a response ('belum') until the office answers
    it or decides none is needed; anything else needs none."""
    return "belum" if hoaks or sentimen == "negatif" else "tidak_perlu"


def galat_tanggapan(*, hoaks: bool, status: str, tanggapan: str) -> str:
    """Why a response record is not acceptable ('' when it is): a finished response says
    what was done, and a hoax cannot be set aside as needing no response."""
    if status == "selesai" and not tanggapan.strip():
        return "tanggapan yang selesai harus menyebut isi tanggapannya"
    if hoaks and status == "tidak_perlu":
        return "hoaks/disinformasi harus ditanggapi (klarifikasi atau laporan)"
    return ""


KOLOM_PANTAUAN = ("jumlah", "berita", "medsos", "positif", "netral", "negatif", "hoaks",
                  "perlu_tanggapan", "selesai")


def rekap_pantauan(baris: Iterable[tuple], bulan: list[int]) -> list[dict]:
    """Counters per month from (month, source kind, sentiment, hoax, response status, n)
    rows, with a total row; `perlu_tanggapan` counts items still waiting (belum/proses)."""
    hasil = {b: dict.fromkeys(KOLOM_PANTAUAN, 0) for b in bulan}
    for b, jenis, sentimen, hoaks, status, n in baris:
        if b not in hasil:
            continue
        r = hasil[b]
        r["jumlah"] += n
        r[jenis] += n
        r[sentimen] += n
        r["hoaks"] += n if hoaks else 0
        r["perlu_tanggapan"] += n if status in ("belum", "proses") else 0
        r["selesai"] += n if status == "selesai" else 0
    daftar = [{"bulan": BULAN[b - 1], **hasil[b]} for b in bulan]
    daftar.append({"bulan": "Jumlah", **{k: sum(r[k] for r in daftar) for k in KOLOM_PANTAUAN}})
    return daftar


# --- recap across offices ------------------------------------------------------------------

@dataclass
class BarisKantor:
    """One office of the cross-office recap: items and posts per month of the period,
    posts per recap channel, and the evaluation table's 'Media Sosial' figure."""

    kode: str | None
    nama: str
    publikasi: list[int]
    unggahan: list[int]
    per_kanal: list[int]
    medsos: int = 0

    @property
    def jumlah_publikasi(self) -> int:
        return sum(self.publikasi)

    @property
    def jumlah_unggahan(self) -> int:
        return sum(self.unggahan)


def rekap_kantor(kantor: list[tuple[str | None, str]], publikasi: Iterable[tuple],
                 unggahan: Iterable[tuple], *, bulan: list[int], kolom: list[str],
                 medsos: frozenset[str]) -> tuple[list[BarisKantor], BarisKantor]:
    """Rows per office (in the order given, offices without any entry included with zeros)
    and a total row, from (office, month, n) item counts and (office, month, channel, n)
    post counts. 'Media Sosial' is counted as in the evaluation table (DefinisiEvaluasi)."""
    posisi = {b: i for i, b in enumerate(bulan)}
    kol = {k: i for i, k in enumerate(kolom)}
    baris = {kode: BarisKantor(kode, nama, [0] * len(bulan), [0] * len(bulan),
                               [0] * len(kolom)) for kode, nama in kantor}
    for kode, b, n in publikasi:
        if kode in baris and b in posisi:
            baris[kode].publikasi[posisi[b]] += n
    for kode, b, kanal, n in unggahan:
        r = baris.get(kode)
        if r is None or b not in posisi:
            continue
        r.unggahan[posisi[b]] += n
        if kanal in kol:
            r.per_kanal[kol[kanal]] += n
        if kanal in medsos:
            r.medsos += n
    daftar = list(baris.values())
    total = BarisKantor(None, "Jumlah",
                        [sum(r.publikasi[i] for r in daftar) for i in range(len(bulan))],
                        [sum(r.unggahan[i] for r in daftar) for i in range(len(bulan))],
                        [sum(r.per_kanal[i] for r in daftar) for i in range(len(kolom))],
                        sum(r.medsos for r in daftar))
    return daftar, total


# --- WordPress attachments -----------------------------------------------------------------

_VARIAN_WP = re.compile(r"-\d{1,5}x\d{1,5}(?=\.[A-Za-z0-9]{2,5}$)")
_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)


def url_asli_wp(url: str) -> str:
    """The original of a WordPress image address: WordPress serves resized copies as
    'name-300x200.jpg' beside 'name.jpg'; query and fragment are dropped."""
    dasar = url.split("#", 1)[0].split("?", 1)[0]
    return _VARIAN_WP.sub("", dasar)


def gambar_luar(html: str) -> list[str]:
    """Addresses of images an HTML body loads from another site (absolute http(s) links),
    in order of first appearance; the site's own media are relative (/kpu/...)."""
    hasil = []
    for url in _SRC.findall(html or ""):
        url = unescape(url).strip()
        if host_tautan(url) and url not in hasil:
            hasil.append(url)
    return hasil
