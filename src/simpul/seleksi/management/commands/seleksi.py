"""`simpul seleksi tutup-kedaluwarsa`: score every CAT whose time ran out without a submit.

Run it every minute from cron or a systemd timer (`* * * * * simpul seleksi
tutup-kedaluwarsa`); with `--setiap N` it keeps running and sweeps every N seconds."""

import time

from django.core.management.base import BaseCommand

from simpul.seleksi.services import kedaluwarsa_tutup_semua


class Command(BaseCommand):
    help = "Seleksi PPK/PPS: tutup-kedaluwarsa (nilai tes CAT yang waktunya habis)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        t = sub.add_parser("tutup-kedaluwarsa",
                           help="Nilai setiap tes CAT yang tenggatnya lewat tanpa dikirim.")
        t.add_argument("--setiap", type=int, default=0,
                       help="Ulangi setiap N detik (0: sekali lalu selesai).")

    def handle(self, *args, aksi, setiap=0, **opsi):
        while True:
            hasil = kedaluwarsa_tutup_semua()
            jumlah = sum(hasil.values())
            rinci = ", ".join(f"ujian {u}: {n}" for u, n in hasil.items() if n)
            self.stdout.write(f"{jumlah} tes dinilai" + (f" ({rinci})" if rinci else ""))
            if setiap <= 0:
                return
            time.sleep(setiap)
