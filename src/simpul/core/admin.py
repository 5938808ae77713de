from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import transaction

from .audit import audit_catat, snapshot
from .models import Akun, AuditEntry, TokenAPI
from .scope import Cakupan


class CakupanAdmin(admin.ModelAdmin):
    """Admin lists go through the same territory scoping as the pages and the API:
    `kolom_wilayah` names the region-code fields that must each lie inside the account's
    territory; without it, `cakupan_filter` names the method of Cakupan that narrows this
    model."""

    cakupan_filter = "wilayah"
    kolom_wilayah: tuple[str, ...] = ()

    def get_queryset(self, request):
        qs, cakupan = super().get_queryset(request), Cakupan.dari(request.user)
        if not self.kolom_wilayah:
            return getattr(cakupan, self.cakupan_filter)(qs)
        for kolom in self.kolom_wilayah:
            qs = qs.filter(cakupan.q_kode(kolom))
        return qs


class HanyaBacaAdmin(admin.ModelAdmin):
    """Election records change only through the audited services (pages, API, CLI): the
    admin lists them and never adds, edits or deletes one behind the audit trail."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Akun)
class AkunAdmin(UserAdmin):
    list_display = ("username", "peran", "wilayah", "pemilu", "tps", "is_active")
    list_filter = ("peran", "is_active")
    fieldsets = (*UserAdmin.fieldsets,
                 ("Peran dan wilayah kerja", {"fields": ("peran", "wilayah", "pemilu", "tps")}))
    raw_id_fields = ("wilayah", "tps")
    field_audit = ["username", "peran", "wilayah_id", "pemilu_id", "tps_id", "is_active",
                   "is_staff", "is_superuser"]

    def save_model(self, request, obj, form, change):
        # Who may act where is an election record too: every change leaves a trace.
        with transaction.atomic():
            lama = Akun.objects.filter(pk=obj.pk).first() if change else None
            super().save_model(request, obj, form, change)
            audit_catat(akun=request.user, aksi="akun.ubah" if change else "akun.buat",
                        objek=obj, wilayah_kode=obj.wilayah_id or "",
                        sebelum=snapshot(lama, self.field_audit) if lama else None,
                        sesudah=snapshot(obj, self.field_audit))

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(Cakupan.dari(request.user).q_kode("wilayah_id"))


@admin.register(AuditEntry)
class AuditEntryAdmin(HanyaBacaAdmin, CakupanAdmin):
    kolom_wilayah = ("wilayah_kode",)
    list_display = ("seq", "waktu", "akun_username", "peran", "aksi", "objek_tipe", "objek_id")
    list_filter = ("aksi",)
    search_fields = ("akun_username", "objek_id", "aksi")


@admin.register(TokenAPI)
class TokenAPIAdmin(admin.ModelAdmin):
    list_display = ("nama", "akun", "awalan", "dibuat", "terakhir_dipakai", "dicabut")
    readonly_fields = ("awalan", "hash", "dibuat", "terakhir_dipakai")
