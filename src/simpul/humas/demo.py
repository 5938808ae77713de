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
from .models import Diseminasi, Koordinasi, SKTim
from .rules import BULAN
from .services import (
    KOLOM_IMPOR,
    HasilImpor,
    diseminasi_catat,
    koordinasi_catat,
    publikasi_impor,
    sk_tim_tetapkan,
)

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


SILATURAHMI = ("Silaturahmi dan Komunikasi Intensif dengan Pemangku Kepentingan Pemilu 2024 "
               "di Kota Probolinggo")
KK, RK = "Koordinasi dan Komunikasi", "Rapat Koordinasi"
MORNING_TALK = ("KPU Kota Probolinggo morning talk membahas isu-isu strategis persiapan Pemilu "
                "tahun 2024")

# Seed 002 Bab II: (start, end or None, kind, partner, summary), government then others.
KOORDINASI_SEED_002 = {
    "pemerintah": [
        ("2022-03-09", None, KK, "Polresta Probolinggo", SILATURAHMI),
        ("2022-03-09", None, KK, "Kodim 0820 Probolinggo", SILATURAHMI),
        ("2022-03-11", None, KK, "Kejaksaan Negeri Kota Probolinggo", SILATURAHMI),
        ("2022-03-18", None, KK, "DPRD Kota Probolinggo", SILATURAHMI),
        ("2022-03-28", None, KK, "Direksi RSUD Dr. Moh. Saleh", SILATURAHMI),
        ("2022-05-12", "2022-06-03", RK, "SMA, SMK dan MA di Kota Probolinggo",
         "Audiensi persiapan pelaksanaan seleksi CAT"),
        ("2022-05-19", None, RK, "Sekda Kota Probolinggo",
         "Audiensi dengan Sekda Kota Probolinggo terkait anggaran Hibah nonpemilihan"),
        ("2022-06-02", None, RK, "Komisi I DPRD Kota Probolinggo",
         "Audiensi dengan Komisi I DPRD Kota Probolinggo terkait anggaran Hibah nonpemilihan"),
    ],
    "nonpemerintah": [
        ("2022-01-17", None, KK, "Partai Gelora", "Audiensi persiapan pemilu tahun 2024"),
        ("2022-03-02", None, KK, "Parpol, Dinas/instansi terkait", MORNING_TALK),
        ("2022-03-07", None, KK, "IDI Kota Probolinggo", SILATURAHMI),
        ("2022-03-08", None, KK, "PGRI Kota Probolinggo", SILATURAHMI),
        ("2022-03-10", None, KK, "Dewan Kesenian Kota Probolinggo", SILATURAHMI),
        ("2022-03-14", None, KK, "Kwarcab Pramuka Kota Probolinggo", SILATURAHMI),
        ("2022-03-15", None, KK, "Jatman Kota Probolinggo", SILATURAHMI),
        ("2022-03-16", None, KK, "Persit Kartika Candra Kirana Kota Probolinggo", SILATURAHMI),
        ("2022-03-17", None, KK, "Bhayangkari Kota Probolinggo", SILATURAHMI),
        ("2022-03-21", None, KK, "Dharmawanita Kota Probolinggo", SILATURAHMI),
        ("2022-03-22", None, KK, "KNPI Kota Probolinggo", SILATURAHMI),
        ("2022-03-23", None, KK, "IKA PMII Kota Probolinggo", SILATURAHMI),
        ("2022-03-24", None, KK, "PA GMNI Kota Probolinggo", SILATURAHMI),
        ("2022-03-23", None, RK, "UPM Probolinggo",
         "Penandatanganan Kerja Sama dengan Prodi Bahasa Inggris Fakultas Sastra dan Filsafat "
         "UPM Probolinggo"),
        ("2022-05-18", None, KK, "Parpol, Dinas/instansi terkait", MORNING_TALK),
        ("2022-06-14", None, KK, "Forkopimda dinas/instansi terkait, parpol Ormas, OKP, Ormawa "
         "dan Media Massa", "Peluncuran Tahapan Pemilu tahun 2024"),
        ("2022-06-21", None, KK, "Dosen dan Mahasiswa",
         "Praktik Kuliah Lapangan prodi bahasa inggris Fakultas Sastra dan filsafat UPM "
         "Probolinggo"),
        ("2022-06-24", None, KK, "Partai Buruh", "Audiensi persiapan pemilu tahun 2024"),
    ],
}

MEDSOS3 = ("instagram", "facebook", "x")
MUTAKHIR = "Infografis hasil Pemutakhiran Data Pemilih bulan"
TAHAPAN = "Peluncuran Tahapan Pemilu tahun 2024"
# Seed 002 Bab III a: (date, or "YYYY-MM" for a month only, information, channels). The
# seed's June table repeats May's TikTok entry as its item 8; it is recorded once, in May.
DISEMINASI_SEED_002 = [
    ("2022-01-26", "Hari dan Tanggal Pemilu tahun 2024", MEDSOS3),
    ("2022-02-03", f"{MUTAKHIR} Januari 2022", MEDSOS3),
    ("2022-02-14", "Launching 2 tahun Pemilu 2024", MEDSOS3),
    ("2022-03-02", f"{MUTAKHIR} Februari 2022", MEDSOS3),
    ("2022-03-29", f"{MUTAKHIR} Februari 2022", MEDSOS3),
    ("2022-04-25", f"{MUTAKHIR} April 2022", MEDSOS3),
    ("2022-04", "Hari dan Tanggal Pemilu tahun 2024", ("tiktok",)),
    ("2022-05-30", f"{MUTAKHIR} Mei 2022", MEDSOS3),
    ("2022-05", "Hari dan Tanggal Pemilu tahun 2024", ("tiktok",)),
    ("2022-06-27", f"{MUTAKHIR} Juni 2022", MEDSOS3),
    ("2022-06-14", TAHAPAN, MEDSOS3),
    ("2022-06-14", "Ajakan menggunakan hak pilih", MEDSOS3),
    ("2022-06-15", TAHAPAN, (*MEDSOS3, "tiktok")),
    ("2022-06-16", TAHAPAN, (*MEDSOS3, "tiktok")),
    ("2022-06-16", "Dukungan dari Forkopimda plus sukses penyelenggaraan Pemilu 2024",
     (*MEDSOS3, "tiktok")),
    ("2022-06-24", "Peluncuran SIPOL Pemilu 2024", MEDSOS3),
]

TIM_SEED_002 = [
    ("Dr. H. AHMAD HUDRI, ST, M.AP", "Ketua KPU", "Pembina"),
    ("RADFAN FAISAL, S.Pd.", "Divisi Sosdiklih, Parmas dan SDM", "Pembina"),
    ("AGUS SETIYONO, S.T", "Sekretaris KPU", "Ketua"),
    ("QORI MUGHNI KUMARA, M.IP", "Kasubbag teknis Hubungan Partisipasi Masyarakat",
     "Ketua Pelaksana"),
    ("RUDI HARTONO RAHAP, S. Sos", "Staf Pelaksana", "Anggota"),
    ("UNGGUL SUGIARTO", "Staf Pelaksana", "Anggota"),
    ("KADIR", "Staf Pelaksana", "Anggota"),
    ("MUHAMMAD HASAN, ST", "Staf Pelaksana", "Anggota"),
]
TENTANG_SK = ("Badan Koordinasi Kehumasan di Lingkungan Komisi Pemilihan Umum Kota "
              "Probolinggo tahun 2022")


def demo_catatan_seed_002(akun: Akun) -> None:
    """Seed 002's coordination and dissemination entries and its team decrees (the seed
    lists only the team as amended; the original decree is given the same list)."""
    if not Koordinasi.objects.filter(kantor_id=KANTOR, tanggal_mulai__year=TAHUN).exists():
        for kategori, daftar in KOORDINASI_SEED_002.items():
            for mulai, selesai, jenis, mitra, uraian in daftar:
                koordinasi_catat(akun=akun, tanggal_mulai=mulai, tanggal_selesai=selesai,
                                 jenis=jenis, mitra=mitra, kategori_mitra=kategori,
                                 uraian=uraian)
    if not Diseminasi.objects.filter(kantor_id=KANTOR, tanggal__year=TAHUN).exists():
        for tanggal, informasi, kanal in DISEMINASI_SEED_002:
            bulan_saja = len(tanggal) == 7
            diseminasi_catat(akun=akun, tanggal=f"{tanggal}-01" if bulan_saja else tanggal,
                             presisi="bulan" if bulan_saja else "hari", informasi=informasi,
                             kanal=list(kanal))
    if not SKTim.objects.filter(kantor_id=KANTOR).exists():
        anggota = [{"nama": n, "jabatan_kedinasan": j, "jabatan_tim": t}
                   for n, j, t in TIM_SEED_002]
        sk_tim_tetapkan(akun=akun, nomor="17/HK.03.1/3574/2022", tanggal="2022-01-03",
                        tentang=TENTANG_SK, anggota=anggota)
        sk_tim_tetapkan(akun=akun, nomor="33/HK.03.1/3574/2022", tanggal="2022-04-20",
                        tentang=TENTANG_SK, anggota=anggota, mengubah="17/HK.03.1/3574/2022")


def demo_humas(*, akun: Akun | None = None) -> HasilImpor:
    """Load seed 002's semester I 2022 logs for KPU Kota Probolinggo: publications through
    the bulk import, then coordination, dissemination and the team (idempotent: a second
    run changes nothing)."""
    akun = akun or akun_humas_kota()
    data = tulis_csv(KOLOM_IMPOR, baris_log_seed_002(JENIS_KONTEN_AWAL))
    hasil = publikasi_impor(akun=akun, data=data,
                            nama_berkas="bakohumas-kota-probolinggo-2022-s1.csv")
    demo_catatan_seed_002(akun)
    return hasil
