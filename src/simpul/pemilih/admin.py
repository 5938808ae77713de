from django.contrib import admin

from simpul.core.admin import CakupanAdmin
from simpul.core.scope import Cakupan

from .models import ImporPemilih, KategoriTMS, Pemilih


@admin.register(KategoriTMS)
class KategoriTMSAdmin(admin.ModelAdmin):
    """The TMS categories are configuration (RULES.md §4: codes unverified)."""

    list_display = ("kode", "nama", "urutan", "aktif")
    list_editable = ("urutan", "aktif")


@admin.register(Pemilih)
class PemilihAdmin(CakupanAdmin):
    list_display = ("nama", "desa", "rw", "rt", "status", "kategori_tms", "versi")
    list_filter = ("pemilu", "status", "kategori_tms")
    search_fields = ("=nik", "nama")
    list_select_related = ("desa", "kategori_tms")
    show_full_result_count = False

    def get_queryset(self, request):
        from .selectors import pemilih_qs

        return pemilih_qs(akun=request.user)

    # Changes go through the audited services, which keep the voter's history.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ImporPemilih)
class ImporPemilihAdmin(PemilihAdmin):
    list_display = ("nama_berkas", "pemilu", "status", "dibuat_jumlah", "galat_jumlah", "dibuat")
    list_filter = ("status",)
    search_fields = ("nama_berkas",)
    list_select_related = ("pemilu",)

    def get_queryset(self, request):
        cakupan = Cakupan.dari(request.user)
        return ImporPemilih.objects.filter(cakupan.q_kode("wilayah_kode"))
