from django.contrib import admin

from simpul.core.admin import CakupanAdmin
from simpul.core.scope import Cakupan

from .models import Pendaftar, Rekrutmen


class AdhocAdmin(CakupanAdmin):
    """Read-only lists scoped by the region field `kolom_wilayah`; changes go through the
    audited services."""

    kolom_wilayah = "wilayah_id"

    def get_queryset(self, request):
        return admin.ModelAdmin.get_queryset(self, request).filter(
            Cakupan.dari(request.user).q_kode(self.kolom_wilayah))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Rekrutmen)
class RekrutmenAdmin(AdhocAdmin):
    list_display = ("nama", "badan", "pemilu", "wilayah", "pendaftaran_mulai",
                    "pendaftaran_selesai")
    list_filter = ("badan", "pemilu")


@admin.register(Pendaftar)
class PendaftarAdmin(AdhocAdmin):
    kolom_wilayah = "wilayah_tugas_id"
    list_display = ("nomor", "nama", "rekrutmen", "wilayah_tugas", "status")
    list_filter = ("status", "rekrutmen__badan")
    search_fields = ("nomor", "nama")
    exclude = ("nik",)  # personal data: shown masked on the verifier's page only
