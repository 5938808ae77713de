from django.contrib import admin

from simpul.core.admin import CakupanAdmin
from simpul.core.scope import Cakupan

from .models import PasanganGanda, PemindaianGanda


@admin.register(PasanganGanda)
class PasanganGandaAdmin(CakupanAdmin):
    list_display = ("id", "pemilu", "pemilih_a", "pemilih_b", "bobot", "status",
                    "diputuskan_oleh")
    list_filter = ("status",)
    raw_id_fields = ("pemilih_a", "pemilih_b", "pemilih_dicoret", "pemindaian")
    readonly_fields = ("penjelasan",)

    def get_queryset(self, request):
        c = Cakupan.dari(request.user)
        return (admin.ModelAdmin.get_queryset(self, request)
                .filter(c.q_kode("pemilih_a__desa_id")).filter(c.q_kode("pemilih_b__desa_id")))

    def has_change_permission(self, request, obj=None):
        # Decisions go through the service (audit, TMS marking), not the admin form.
        return False


@admin.register(PemindaianGanda)
class PemindaianGandaAdmin(CakupanAdmin):
    list_display = ("id", "pemilu", "wilayah_kode", "backend", "jumlah_rekaman",
                    "jumlah_pasangan", "jumlah_baru", "mulai")

    def get_queryset(self, request):
        c = Cakupan.dari(request.user)
        return admin.ModelAdmin.get_queryset(self, request).filter(c.q_kode("wilayah_kode"))

    def has_change_permission(self, request, obj=None):
        return False
