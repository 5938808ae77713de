from django.contrib import admin

from simpul.core.admin import CakupanAdmin, HanyaBacaAdmin

from .models import PasanganGanda, PemindaianGanda


# Decisions go through the service (audit, TMS marking), not the admin form; a pair or a
# run deleted here would erase a decision's trace.
@admin.register(PasanganGanda)
class PasanganGandaAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("pemilih_a__desa_id", "pemilih_b__desa_id")
    list_display = ("id", "pemilu", "pemilih_a", "pemilih_b", "bobot", "status",
                    "diputuskan_oleh")
    list_filter = ("status",)
    raw_id_fields = ("pemilih_a", "pemilih_b", "pemilih_dicoret", "koreksi", "pemindaian")
    readonly_fields = ("penjelasan",)


@admin.register(PemindaianGanda)
class PemindaianGandaAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("wilayah_kode",)
    list_display = ("id", "pemilu", "wilayah_kode", "backend", "jumlah_rekaman",
                    "jumlah_pasangan", "jumlah_baru", "mulai")
