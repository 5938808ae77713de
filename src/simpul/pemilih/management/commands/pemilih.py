"""`simpul pemilih generate|impor|statis|worker`: synthetic lists, imports, the static
fallback of the public check, the background worker."""

import time

from django.core.management.base import BaseCommand, CommandError

from simpul.core.errors import SimpulError


class Command(BaseCommand):
    help = "Data pemilih: generate (populasi sintetis), impor (DP4/daftar pemilih), worker."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        g = sub.add_parser("generate", help="Buat populasi sintetis (CSV/Parquet).")
        g.add_argument("--wilayah", required=True, help="Kode wilayah, mis. 35.74")
        g.add_argument("--jumlah", type=int, required=True)
        g.add_argument("--seed", type=int, default=1)
        g.add_argument("--noise", "--derau", dest="derau", default="",
                       help='"0.02" untuk semua jenis, atau "salah_ketik=0.02,ganda=0.01,..."'
                            " (salah_ketik, tukar, hilang, pindah, meninggal, ganda)")
        g.add_argument("--keluar", "-o", default="pemilih.csv",
                       help="Berkas daftar (.csv atau .parquet)")
        g.add_argument("--kebenaran", default="",
                       help="Berkas kebenaran (id_rekam → id_entitas, derau); bawaan: "
                            "<keluar>.kebenaran.<ext>")
        g.add_argument("--tanggal-acuan", default="2024-02-14",
                       help="Tanggal acuan usia (hari pemungutan)")

        i = sub.add_parser("impor", help="Impor DP4/daftar pemilih dari CSV/XLSX.")
        i.add_argument("berkas")
        i.add_argument("--pemilu", type=int, required=True, help="id pemilu")
        i.add_argument("--akun", required=True, help="username pengunggah (KPU)")
        i.add_argument("--sumber", default="dp4")
        i.add_argument("--galat", default="", help="Tulis laporan baris salah ke CSV ini")

        st = sub.add_parser("statis", help="Tulis halaman cadangan cek DPT per TPS (HTML).")
        st.add_argument("--salinan", type=int, required=True, help="id daftar yang ditetapkan")
        st.add_argument("--akun", required=True, help="username petugas")
        st.add_argument("--keluar", "-o", required=True, help="Direktori keluaran")

        w = sub.add_parser("worker", help="Jalankan worker Celery untuk tugas latar belakang "
                                          "(impor, pemetaan TPS, DPTb).")
        w.add_argument("--concurrency", type=int, default=1)

    def handle(self, *args, aksi, **opsi):
        try:
            getattr(self, f"_{aksi}")(**opsi)
        except (SimpulError, ValueError) as e:
            raise CommandError(getattr(e, "message", str(e))) from None

    def _statis(self, *, salinan, akun, keluar, **_):
        from pathlib import Path

        from simpul.core.models import Akun

        from ...models import SalinanDaftar
        from ...statis import cek_statis_tulis

        pengguna = Akun.objects.filter(username=akun).first()
        daftar = SalinanDaftar.objects.filter(pk=salinan).exclude(sha256="").first()
        if pengguna is None or daftar is None:
            raise CommandError("Akun atau daftar yang ditetapkan tidak ditemukan.")
        t = time.perf_counter()
        hasil = cek_statis_tulis(akun=pengguna, salinan=daftar, keluar=Path(keluar))
        self.stdout.write(f"{hasil['berkas']} berkas ({hasil['desa']} desa, {hasil['tps']} TPS, "
                          f"{hasil['pemilih']} pemilih) dalam {time.perf_counter() - t:.1f} s")

    def _generate(self, *, wilayah, jumlah, seed, derau, keluar, kebenaran, tanggal_acuan,
                  **_):
        from datetime import date

        from simpul.wilayah.models import Wilayah

        from ...sintetis import Derau, penduduk_buat, tulis

        akar = Wilayah.objects.filter(kode=wilayah).first()
        if akar is None:
            raise CommandError(f"Wilayah {wilayah} tidak dikenal.")
        desa = list(Wilayah.objects.filter(kode__startswith=wilayah + ".", aktif=True,
                                           tingkat__in=("desa", "kelurahan"))
                    .values_list("kode", flat=True))
        if akar.tingkat in ("desa", "kelurahan"):
            desa = [akar.kode]
        kota = akar if akar.tingkat in ("kabupaten", "kota") else None
        if kota is None and len(wilayah) > 5:
            kota = Wilayah.objects.filter(kode=wilayah[:5]).first()
        mulai = time.perf_counter()
        daftar, benar = penduduk_buat(desa=desa, jumlah=jumlah, seed=seed,
                                      derau=Derau.dari_teks(derau),
                                      tanggal_acuan=date.fromisoformat(tanggal_acuan),
                                      nama_kota=kota.nama if kota else "")
        tulis(daftar, keluar)
        if not kebenaran:
            dasar, _, ext = keluar.rpartition(".")
            kebenaran = f"{dasar or keluar}.kebenaran.{ext or 'csv'}"
        tulis(benar, kebenaran)
        self.stdout.write(f"{len(daftar)} rekaman di {len(desa)} desa/kelurahan → {keluar} "
                          f"(kebenaran: {kebenaran}) dalam {time.perf_counter() - mulai:.1f} s")

    def _impor(self, *, berkas, pemilu, akun, sumber, galat, **_):
        from pathlib import Path

        from simpul.core.models import Akun
        from simpul.pemilu.models import Pemilu

        from ...services import impor_mulai, impor_temuan_ekspor

        pengunggah = Akun.objects.filter(username=akun).first()
        if pengunggah is None:
            raise CommandError(f"Akun {akun} tidak ada.")
        pemilu_obj = Pemilu.objects.filter(pk=pemilu).first()
        if pemilu_obj is None:
            raise CommandError(f"Pemilu {pemilu} tidak ada.")
        mulai = time.perf_counter()
        job = impor_mulai(akun=pengunggah, pemilu=pemilu_obj, data=Path(berkas).read_bytes(),
                          nama_berkas=Path(berkas).name, sumber=sumber, latar=False)
        if job.status != "selesai":
            raise CommandError(f"Impor gagal: {job.pesan} ({job.kode_galat})")
        self.stdout.write(f"impor #{job.pk}: {job.jumlah_baris} baris, {job.dibuat_jumlah} baru, "
                          f"{job.diubah_jumlah} diubah, {job.tetap_jumlah} tetap, "
                          f"{job.galat_jumlah} salah, {job.peringatan_jumlah} berperingatan "
                          f"({time.perf_counter() - mulai:.1f} s)")
        if galat:
            Path(galat).write_bytes(impor_temuan_ekspor(akun=pengunggah, impor_id=job.pk))
            self.stdout.write(f"laporan: {galat}")

    def _worker(self, *, concurrency, **_):
        from ...antrean import app

        app.worker_main(["worker", "-l", "INFO", f"--concurrency={concurrency}",
                         "-Q", "celery"])
