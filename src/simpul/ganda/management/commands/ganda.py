"""`simpul ganda pindai|berkas|akurasi`: run the duplicate model on the database, on a
file, or on the FEBRL data sets with their truth."""

import time

from django.core.management.base import BaseCommand, CommandError

from simpul.core.errors import SimpulError


class Command(BaseCommand):
    help = "Deteksi pemilih ganda: pindai (basis data), berkas (CSV/Parquet), akurasi (FEBRL)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        p = sub.add_parser("pindai", help="Pindai daftar pemilih satu pemilu; pasangan masuk "
                                          "antrean pemeriksaan.")
        p.add_argument("--pemilu", type=int, required=True)
        p.add_argument("--akun", required=True, help="username KPU yang menjalankan")
        p.add_argument("--wilayah", default="", help="Batasi ke kode wilayah ini")
        p.add_argument("--backend", default="duckdb", choices=["duckdb", "spark"])

        b = sub.add_parser("berkas", help="Deteksi pada berkas daftar (kolom generator).")
        b.add_argument("daftar")
        b.add_argument("--kebenaran", default="", help="Berkas kebenaran generator: cetak "
                                                       "presisi dan recall")
        b.add_argument("--keluar", "-o", default="", help="Tulis pasangan ke CSV/Parquet")
        b.add_argument("--backend", default="duckdb", choices=["duckdb", "spark"])
        b.add_argument("--ambang", type=float, default=None)

        a = sub.add_parser("akurasi", help="Presisi dan recall pada FEBRL 1-3.")
        a.add_argument("--febrl", type=int, nargs="+", default=[1, 2, 3])

    def handle(self, *args, aksi, **opsi):
        try:
            getattr(self, f"_{aksi}")(**opsi)
        except (SimpulError, ValueError) as e:
            raise CommandError(getattr(e, "message", str(e))) from None

    def _spark(self, backend):
        from ...mesin import spark_lokal

        return spark_lokal() if backend == "spark" else None

    def _pindai(self, *, pemilu, akun, wilayah, backend, **_):
        from simpul.core.models import Akun

        from ...services import pemindaian_jalankan

        pengguna = Akun.objects.filter(username=akun).first()
        if pengguna is None:
            raise CommandError(f"Akun {akun} tidak ada.")
        mulai = time.perf_counter()
        run = pemindaian_jalankan(akun=pengguna, pemilu_id=pemilu, wilayah_kode=wilayah,
                                  backend=backend, spark=self._spark(backend))
        self.stdout.write(f"{run.jumlah_rekaman} rekaman → {run.jumlah_pasangan} pasangan "
                          f"({run.jumlah_baru} baru) dalam {time.perf_counter() - mulai:.1f} s")

    def _berkas(self, *, daftar, kebenaran, keluar, backend, ambang, **_):
        import polars as pl

        from ...akurasi import akurasi_hitung, sintetis_kebenaran
        from ...mesin import AMBANG_PROBABILITAS, deteksi

        def baca(jalur):
            return pl.read_parquet(jalur) if jalur.endswith(".parquet") else pl.read_csv(
                jalur, infer_schema=False)

        df = baca(daftar)
        if "id_rekam" in df.columns:
            df = df.rename({"id_rekam": "unique_id"})
        mulai = time.perf_counter()
        h = deteksi(df, backend=backend, spark=self._spark(backend),
                    ambang=ambang if ambang is not None else AMBANG_PROBABILITAS)
        self.stdout.write(f"{len(df)} rekaman → {len(h.pasangan)} pasangan dalam "
                          f"{time.perf_counter() - mulai:.1f} s")
        if keluar:
            kolom = ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
            (h.pasangan.select(kolom).write_parquet(keluar) if keluar.endswith(".parquet")
             else h.pasangan.select(kolom).write_csv(keluar))
        if kebenaran:
            benar = baca(kebenaran).with_columns(pl.col("id_rekam", "id_entitas")
                                                 .cast(pl.Int64))
            a = akurasi_hitung(h.pasangan, sintetis_kebenaran(benar))
            self.stdout.write(f"presisi {a.presisi:.4f} recall {a.recall:.4f} "
                              f"({a.benar_positif}/{a.prediksi}/{a.pasangan_benar})")

    def _akurasi(self, *, febrl, **_):
        from ...akurasi import akurasi_hitung, febrl_muat
        from ...mesin import deteksi

        for n in febrl:
            daftar, benar = febrl_muat(n)
            mulai = time.perf_counter()
            a = akurasi_hitung(deteksi(daftar).pasangan, benar)
            self.stdout.write(f"FEBRL{n}: {len(daftar)} rekaman, presisi {a.presisi:.4f} "
                              f"recall {a.recall:.4f} F1 {a.f1:.4f} ({a.benar_positif}/"
                              f"{a.prediksi}/{a.pasangan_benar}) "
                              f"{time.perf_counter() - mulai:.1f} s")
