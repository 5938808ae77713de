from django.contrib import admin

from simpul.core.admin import CakupanAdmin

from .models import TPS, Pemilu


@admin.register(Pemilu)
class PemiluAdmin(CakupanAdmin):
    cakupan_filter = "pemilu"
    list_display = ("nama", "jenis", "tanggal_pemungutan", "cakupan")

    # Changes go through the audited services (pages, API, CLI), not raw admin saves.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TPS)
class TPSAdmin(PemiluAdmin):
    cakupan_filter = "tps"
    list_display = ("__str__", "pemilu", "alamat", "jumlah_pemilih")
    list_filter = ("pemilu",)
    search_fields = ("desa__nama", "desa__kode")
    list_select_related = ("pemilu", "desa")
