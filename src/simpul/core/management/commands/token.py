from django.core.management.base import BaseCommand, CommandError

from simpul.core.models import Akun, TokenAPI


class Command(BaseCommand):
    help = "Terbitkan token API untuk klien mesin: `simpul token NAMA_PENGGUNA NAMA_TOKEN`."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("nama")

    def handle(self, *args, username, nama, **opts):
        akun = Akun.objects.filter(username=username).first()
        if akun is None:
            raise CommandError(f"Akun {username} tidak ada.")
        _, kunci = TokenAPI.terbitkan(akun=akun, nama=nama)
        self.stdout.write(f"Token (hanya ditampilkan sekali): {kunci}")
