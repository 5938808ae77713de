from django.core.management.base import BaseCommand, CommandError

from simpul.core.audit import audit_verifikasi


class Command(BaseCommand):
    help = "Jejak audit: `simpul audit verify` menelusuri ulang rantai hash SHA-256."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        sub.add_parser("verify", help="Periksa rantai; sebutkan entri pertama yang rusak")

    def handle(self, *args, aksi, **opts):
        hasil = audit_verifikasi()
        if not hasil.utuh:
            raise CommandError(f"RANTAI AUDIT RUSAK pada entri #{hasil.seq_rusak}: "
                               f"{hasil.alasan}")
        self.stdout.write(f"Rantai audit utuh: {hasil.jumlah} entri.")
