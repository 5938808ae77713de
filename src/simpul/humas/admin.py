from django.contrib import admin

from simpul.core.scope import Cakupan

from .models import JenisKonten, Kanal, Publikasi
from .services import jenis_konten_simpan, kanal_simpan


@admin.register(JenisKonten)
class JenisKontenAdmin(admin.ModelAdmin):
    list_display = ("nama", "urutan", "aktif")
    list_editable = ("urutan", "aktif")

    def save_model(self, request, obj, form, change):
        jenis_konten_simpan(akun=request.user, nama=obj.nama, urutan=obj.urutan,
                            aktif=obj.aktif, jenis_konten_id=obj.pk)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Kanal)
class KanalAdmin(admin.ModelAdmin):
    list_display = ("nama", "kode", "singkatan", "jenis", "urutan", "kolom_rekap",
                    "dihitung_medsos", "aktif")

    def save_model(self, request, obj, form, change):
        kanal_simpan(akun=request.user, kanal=obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Publikasi)
class PublikasiAdmin(admin.ModelAdmin):
    """Read-only: changes go through the audited pages and API."""

    list_display = ("tanggal", "judul", "jenis_konten", "kantor")
    list_filter = ("jenis_konten",)
    search_fields = ("judul",)
    list_select_related = ("jenis_konten", "kantor")

    def get_queryset(self, request):
        cakupan = Cakupan.dari(request.user)
        qs = super().get_queryset(request)
        if cakupan.aktif and cakupan.akar is None:
            return qs
        return qs.filter(cakupan.q_kode("kantor_id"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
