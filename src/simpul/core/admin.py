from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Akun, AuditEntry, TokenAPI
from .scope import Cakupan


class CakupanAdmin(admin.ModelAdmin):
    """Admin lists go through the same territory scoping as the pages and the API.
    `cakupan_filter` names the method of Cakupan that narrows this model."""

    cakupan_filter = "wilayah"

    def get_queryset(self, request):
        return getattr(Cakupan.dari(request.user), self.cakupan_filter)(
            super().get_queryset(request))


@admin.register(Akun)
class AkunAdmin(UserAdmin):
    list_display = ("username", "peran", "wilayah", "pemilu", "tps", "is_active")
    list_filter = ("peran", "is_active")
    fieldsets = (*UserAdmin.fieldsets,
                 ("Peran dan wilayah kerja", {"fields": ("peran", "wilayah", "pemilu", "tps")}))
    raw_id_fields = ("wilayah", "tps")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(Cakupan.dari(request.user).q_kode("wilayah_id"))


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("seq", "waktu", "akun_username", "peran", "aksi", "objek_tipe", "objek_id")
    list_filter = ("aksi",)
    search_fields = ("akun_username", "objek_id", "aksi")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(Cakupan.dari(request.user).q_kode("wilayah_kode"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TokenAPI)
class TokenAPIAdmin(admin.ModelAdmin):
    list_display = ("nama", "akun", "awalan", "dibuat", "terakhir_dipakai", "dicabut")
    readonly_fields = ("awalan", "hash", "dibuat", "terakhir_dipakai")
