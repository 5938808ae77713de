from django.contrib import admin

from simpul.core.admin import CakupanAdmin, HanyaBacaAdmin

from .models import EdisiWilayah, Wilayah


@admin.register(Wilayah)
class WilayahAdmin(HanyaBacaAdmin, CakupanAdmin):
    """Reference data changes only through `simpul wilayah import`."""

    list_display = ("kode", "nama", "tingkat", "aktif")
    list_filter = ("tingkat", "aktif")
    search_fields = ("kode", "nama")
    show_full_result_count = False


@admin.register(EdisiWilayah)
class EdisiWilayahAdmin(admin.ModelAdmin):
    list_display = ("dasar_hukum", "sumber", "jumlah_baris", "diimpor")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
