import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from simpul.core.errors import DataTidakValid
from simpul.wilayah.services import DASAR_HUKUM_BAWAAN, SUMBER_BAWAAN, wilayah_impor


class Command(BaseCommand):
    help = "Kode wilayah Kemendagri: `simpul wilayah import [berkas.csv]`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        imp = sub.add_parser("import", help="Impor seluruh kode wilayah (default: data bawaan)")
        imp.add_argument("berkas", nargs="?", help="CSV kode,nama,tingkat (UTF-8)")
        imp.add_argument("--sumber", default=SUMBER_BAWAAN)
        imp.add_argument("--dasar-hukum", default=DASAR_HUKUM_BAWAAN)

    def handle(self, *args, aksi, berkas=None, sumber=None, dasar_hukum=None, **opts):
        mulai = time.perf_counter()
        data = Path(berkas).read_bytes() if berkas else None
        try:
            hasil = wilayah_impor(data=data, sumber=sumber, dasar_hukum=dasar_hukum)
        except DataTidakValid as e:
            for g in e.details or []:
                self.stderr.write(f"baris {g['baris']}: {g['alasan']}")
            raise CommandError(e.message) from None
        detik = time.perf_counter() - mulai
        if hasil.tanpa_perubahan:
            self.stdout.write(f"Tidak ada perubahan ({hasil.tetap} kode sudah sesuai), "
                              f"{detik:.1f} s.")
        else:
            self.stdout.write(f"Ditambah {hasil.ditambah}, diubah {hasil.diubah}, "
                              f"dinonaktifkan {hasil.dinonaktifkan}, tetap {hasil.tetap}; "
                              f"{detik:.1f} s.")
