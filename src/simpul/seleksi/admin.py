from django.contrib import admin

from simpul.core.admin import CakupanAdmin, HanyaBacaAdmin

from .models import KategoriSoal, SesiCAT, Ujian


@admin.register(KategoriSoal)
class KategoriSoalAdmin(admin.ModelAdmin):
    list_display = ("nama", "urutan")


# Scores and answers are never edited by hand.
@admin.register(Ujian)
class UjianAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("rekrutmen__wilayah_id",)
    list_display = ("nama", "rekrutmen", "durasi_menit", "dibuka", "ditutup")
    exclude = ("benih",)


@admin.register(SesiCAT)
class SesiCATAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("pendaftar__wilayah_tugas_id",)
    list_display = ("pendaftar", "ujian", "mulai", "tenggat", "selesai", "nilai")
    exclude = ("kode_hash", "token_hash", "susunan")
