from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from simpul.core.models import Akun
from simpul.core.roles import PERAN_KPU, Peran
from simpul.humas.demo import demo_humas
from simpul.pemilu.demo import KEDOPOK, demo_pemilu
from simpul.pemilu.models import TPS
from simpul.wilayah.models import Wilayah
from simpul.wilayah.services import wilayah_impor

LIHAT = ["view_wilayah", "view_pemilu", "view_tps", "view_auditentry", "view_akun"]


class Command(BaseCommand):
    help = "Isi basis data demo: wilayah seluruh Indonesia, pemilu dan TPS Kota Probolinggo, " \
           "dan satu akun per peran."

    def handle(self, *args, **opts):
        call_command("migrate", verbosity=0)
        if not Wilayah.objects.exists():
            self.stdout.write("Mengimpor kode wilayah seluruh Indonesia ...")
            wilayah_impor()
        pemilu, pilkada = demo_pemilu()
        tps_pemilu = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
        tps_pilkada = TPS.objects.get(pemilu=pilkada, desa_id=KEDOPOK, nomor=1)
        akun = [
            ("admin", "", None, None, None),
            ("kpu_ri", Peran.KPU_RI, None, None, None),
            ("kpu_jatim", Peran.KPU_PROVINSI, "35", None, None),
            ("kpu_kota_komisioner", Peran.KPU_KAB_KOMISIONER, "35.74", None, None),
            ("kpu_kota_operator", Peran.KPU_KAB_OPERATOR, "35.74", None, None),
            ("kpu_kab_operator", Peran.KPU_KAB_OPERATOR, "35.13", None, None),
            ("ppk_kedopok", Peran.PPK, "35.74.05", pemilu, None),
            ("pps_kedopok", Peran.PPS, KEDOPOK, pemilu, None),
            ("kpps_kedopok_001", Peran.KPPS, KEDOPOK, pemilu, tps_pemilu),
            ("pantarlih_kedopok_001", Peran.PANTARLIH, KEDOPOK, pilkada, tps_pilkada),
            ("publik", Peran.PUBLIK, None, None, None),
        ]
        with transaction.atomic():
            staf, _ = Group.objects.get_or_create(name="Staf KPU")
            staf.permissions.set(Permission.objects.filter(codename__in=LIHAT))
            self.stdout.write("\nAkun demo (nama pengguna / kata sandi / peran / wilayah):")
            for username, peran, wilayah, p, tps in akun:
                sandi = f"Simpul-{username}-2024"
                a, _ = Akun.objects.get_or_create(username=username)
                a.peran = peran or Peran.KPU_RI
                a.wilayah_id, a.pemilu, a.tps = wilayah, p, tps
                a.is_superuser = username == "admin"
                a.is_staff = a.is_superuser or peran in PERAN_KPU
                a.set_password(sandi)
                a.save()
                if a.is_staff and not a.is_superuser:
                    a.groups.add(staf)
                self.stdout.write(f"  {username:24} {sandi:36} {a.get_peran_display():30} "
                                  f"{wilayah or 'Indonesia'}")
        self.stdout.write(f"\n{pemilu.nama}: {pemilu.tps.count()} TPS; "
                          f"{pilkada.nama}: {pilkada.tps.count()} TPS.")
        self.stdout.write(f"Bakohumas KPU Kota Probolinggo semester I 2022 (seed 002): "
                          f"{demo_humas().dibuat} unggahan baru.")
