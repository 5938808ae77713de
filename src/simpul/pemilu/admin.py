from django.contrib import admin

from simpul.core.admin import CakupanAdmin, HanyaBacaAdmin

from .models import TPS, Pemilu


@admin.register(Pemilu)
class PemiluAdmin(HanyaBacaAdmin, CakupanAdmin):
    cakupan_filter = "pemilu"
    list_display = ("nama", "jenis", "tanggal_pemungutan", "cakupan")


@admin.register(TPS)
class TPSAdmin(PemiluAdmin):
    cakupan_filter = "tps"
    list_display = ("__str__", "pemilu", "alamat", "jumlah_pemilih")
    list_filter = ("pemilu",)
    search_fields = ("desa__nama", "desa__kode")
    list_select_related = ("pemilu", "desa")
