"""Seed 002 (KPU Kota Probolinggo, semester I 2022) entered as log data.

The seed gives counts only; the demo turns them into the publication items and posts an
office would have logged, and imports them through the ordinary bulk import, so the
recap and evaluation tables are computed from the log like any other office's:

- Instagram, X and Facebook carry the same pieces: for a content type with counts
  (IG, X, FB) the office made max(IG, X, FB) items, item i posted on each channel whose
  count exceeds i.
- YouTube and TikTok videos are their own items (the TikTok account started in April 2022
  with its own short videos, as the seed says).
- Each 'Promote link berita web' item promotes a news article: it also has a website post.
- Every item posted on Instagram or TikTok was shared into the office's and the province's
  Bakohumas WhatsApp groups ("Semua postingan ... juga disebarluaskan melalui grup").
"""

import hashlib
import string
from calendar import monthrange
from datetime import date

from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.core.tabel import tulis_csv

from .data import JENIS_KONTEN_AWAL
from .rules import BULAN
from .services import KOLOM_IMPOR, HasilImpor, publikasi_impor

KANTOR = "35.74"
TAHUN = 2022
TANGGAL_DATA_TERAKHIR = date(2022, 6, 24)  # "data sampai dengan tanggal 24 Juni 2022"
GRUP = ("Grup Bakohumas KPU Kota Probolinggo", "Grup Bakohumas KPU Provinsi Jawa Timur")

# Per month, per content type in seed order: posts on (IG, X, FB, YouTube, TikTok).
REKAP_SEED_002: dict[int, list[tuple[int, int, int, int, int]]] = {
    1: [(51, 42, 36, 0, 0), (2, 0, 1, 0, 0), (0, 0, 0, 0, 0), (3, 3, 3, 0, 0), (3, 3, 3, 0, 0),
        (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (6, 6, 6, 0, 0), (10, 10, 10, 0, 0),
        (3, 3, 3, 5, 0)],
    2: [(52, 47, 50, 0, 0), (2, 1, 2, 0, 0), (0, 0, 0, 0, 0), (1, 2, 2, 0, 0), (0, 0, 0, 0, 0),
        (1, 1, 1, 0, 0), (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (2, 2, 2, 0, 0), (10, 10, 10, 0, 0),
        (3, 2, 4, 0, 0)],
    3: [(64, 63, 63, 0, 0), (2, 1, 1, 0, 0), (0, 0, 0, 0, 0), (0, 1, 1, 0, 0), (0, 0, 0, 0, 0),
        (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (10, 10, 10, 0, 0),
        (10, 10, 10, 0, 0), (1, 1, 1, 0, 0)],
    4: [(74, 74, 74, 0, 0), (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (9, 9, 9, 0, 0), (0, 0, 0, 0, 0),
        (1, 1, 1, 0, 0), (2, 2, 2, 0, 0), (0, 0, 0, 0, 0), (16, 16, 16, 0, 0),
        (10, 10, 10, 0, 0), (2, 2, 0, 0, 5)],
    5: [(74, 74, 74, 0, 0), (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (2, 2, 2, 0, 0), (4, 4, 4, 0, 0),
        (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (20, 20, 20, 0, 0),
        (10, 10, 10, 0, 0), (2, 2, 2, 0, 7)],
    6: [(69, 69, 69, 0, 0), (2, 2, 2, 0, 0), (0, 0, 0, 0, 0), (1, 1, 1, 0, 0), (0, 0, 0, 0, 0),
        (1, 1, 1, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (20, 20, 20, 0, 0),
        (10, 10, 10, 0, 0), (4, 4, 4, 0, 20)],
}


def _angka(*bagian) -> int:
    return int(hashlib.sha256(":".join(map(str, bagian)).encode()).hexdigest()[:15], 16)


def _kode(*bagian) -> str:
    n, huruf, kode = _angka(*bagian), string.ascii_letters + string.digits, ""
    for _ in range(11):
        n, i = divmod(n, len(huruf))
        kode += huruf[i]
    return kode


def _tanggal(bulan: int, i: int, n: int) -> date:
    hari_akhir = monthrange(TAHUN, bulan)[1]
    if date(TAHUN, bulan, hari_akhir) > TANGGAL_DATA_TERAKHIR:
        hari_akhir = TANGGAL_DATA_TERAKHIR.day
    return date(TAHUN, bulan, 1 + (i * hari_akhir) // max(n, 1))


def baris_log_seed_002(jenis_konten: list[str]) -> list[list[str]]:
    """The import rows (KOLOM_IMPOR) of semester I 2022, one row per post."""
    baris: list[list[str]] = []

    def tambah(tanggal, jenis, judul, kanal, tautan="", sasaran=""):
        baris.append([tanggal.isoformat(), jenis, judul, kanal, tautan, sasaran, ""])

    for bulan, per_jenis in REKAP_SEED_002.items():
        for j, (ig, x, fb, yt, tt) in enumerate(per_jenis):
            jenis = jenis_konten[j]
            n = max(ig, x, fb)
            for i in range(n):
                t = _tanggal(bulan, i, n)
                judul = f"{jenis} {BULAN[bulan - 1]} {TAHUN} #{i + 1}"
                kunci = (bulan, j, i)
                if i < ig:
                    tambah(t, jenis, judul, "instagram",
                           f"https://www.instagram.com/p/{_kode('ig', *kunci)}/")
                    for grup in GRUP:
                        tambah(t, jenis, judul, "whatsapp", sasaran=grup)
                if i < x:
                    tambah(t, jenis, judul, "x", "https://x.com/KPU_Prob/status/"
                                                 f"{_angka('x', *kunci)}")
                if i < fb:
                    tambah(t, jenis, judul, "facebook", "https://www.facebook.com/"
                           f"kpukotaprobolinggo/posts/{_angka('fb', *kunci)}")
                if jenis == "Promote link berita web":
                    tambah(t, jenis, judul, "website", "https://kota-probolinggo.kpu.go.id/"
                           f"berita/baca/{_angka('web', *kunci) % 10**6}")
            for i in range(yt):
                t = _tanggal(bulan, i, yt)
                tambah(t, jenis, f"Video YouTube {BULAN[bulan - 1]} {TAHUN} #{i + 1}", "youtube",
                       f"https://www.youtube.com/watch?v={_kode('yt', bulan, j, i)}")
            for i in range(tt):
                t = _tanggal(bulan, i, tt)
                judul = f"Video TikTok {BULAN[bulan - 1]} {TAHUN} #{i + 1}"
                tambah(t, jenis, judul, "tiktok", "https://www.tiktok.com/@kpukotaprobolinggo/"
                                                  f"video/{_angka('tt', bulan, j, i)}")
                for grup in GRUP:
                    tambah(t, jenis, judul, "whatsapp", sasaran=grup)
    return baris


def akun_humas_kota() -> Akun:
    """The demo account that keeps KPU Kota Probolinggo's log."""
    akun, dibuat = Akun.objects.get_or_create(
        username="humas_kota_probolinggo",
        defaults={"peran": Peran.KPU_KAB_OPERATOR, "wilayah_id": KANTOR})
    if dibuat:
        akun.set_password("Simpul-humas_kota_probolinggo-2024")
        akun.save()
    return akun


def demo_humas(*, akun: Akun | None = None) -> HasilImpor:
    """Load seed 002's semester I 2022 publication log for KPU Kota Probolinggo through
    the bulk import (idempotent: a second run changes nothing)."""
    data = tulis_csv(KOLOM_IMPOR, baris_log_seed_002(JENIS_KONTEN_AWAL))
    return publikasi_impor(akun=akun or akun_humas_kota(), data=data,
                           nama_berkas="bakohumas-kota-probolinggo-2022-s1.csv")
