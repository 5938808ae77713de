from django.contrib import admin

from simpul.core.scope import Cakupan

from .models import KategoriSoal, SesiCAT, Ujian


class SeleksiAdmin(admin.ModelAdmin):
    """Read-only lists scoped by the region field `kolom_wilayah`; changes go through the
    audited services (scores and answers are never edited by hand)."""

    kolom_wilayah = "rekrutmen__wilayah_id"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(
            Cakupan.dari(request.user).q_kode(self.kolom_wilayah))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(KategoriSoal)
class KategoriSoalAdmin(admin.ModelAdmin):
    list_display = ("nama", "urutan")


@admin.register(Ujian)
class UjianAdmin(SeleksiAdmin):
    list_display = ("nama", "rekrutmen", "durasi_menit", "dibuka", "ditutup")
    exclude = ("benih",)


@admin.register(SesiCAT)
class SesiCATAdmin(SeleksiAdmin):
    kolom_wilayah = "pendaftar__wilayah_tugas_id"
    list_display = ("pendaftar", "ujian", "mulai", "tenggat", "selesai", "nilai")
    exclude = ("kode_hash", "token_hash", "susunan")
