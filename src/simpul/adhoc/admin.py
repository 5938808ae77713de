from django.contrib import admin

from simpul.core.admin import CakupanAdmin, HanyaBacaAdmin

from .models import Pendaftar, PerpanjanganPendaftaran, Rekrutmen


@admin.register(Rekrutmen)
class RekrutmenAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("wilayah_id",)
    list_display = ("nama", "badan", "pemilu", "wilayah", "pendaftaran_mulai",
                    "pendaftaran_selesai")
    list_filter = ("badan", "pemilu")


@admin.register(Pendaftar)
class PendaftarAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("wilayah_tugas_id",)
    list_display = ("nomor", "nama", "rekrutmen", "wilayah_tugas", "status", "dibantu_oleh")
    list_filter = ("status", "rekrutmen__badan")
    search_fields = ("nomor", "nama")
    exclude = ("nik",)  # personal data: shown masked on the verifier's page only


@admin.register(PerpanjanganPendaftaran)
class PerpanjanganAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("wilayah_id",)
    list_display = ("wilayah", "rekrutmen", "selesai", "nomor_keputusan", "tanggal_keputusan",
                    "pendaftar", "kebutuhan")
