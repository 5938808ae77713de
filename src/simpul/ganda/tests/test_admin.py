from django.contrib import admin

from simpul.core.roles import Peran
from simpul.ganda.models import PasanganGanda


def test_admin_pasangan_terlihat_bila_kedua_pemilih_di_wilayah(pasangan, operator_kota,
                                                               pps_kedopok, buat_akun, rf):
    model_admin = admin.site._registry[PasanganGanda]

    def daftar(akun):
        permintaan = rf.get("/admin/")
        permintaan.user = akun
        return list(model_admin.get_queryset(permintaan))

    assert daftar(operator_kota) == [pasangan]
    assert daftar(pps_kedopok) == []  # the second record lives outside Kedopok
    assert daftar(buat_akun(Peran.KPU_KAB_OPERATOR, "35.73")) == []
