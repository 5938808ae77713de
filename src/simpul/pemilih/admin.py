from django.contrib import admin

from simpul.core.admin import CakupanAdmin, HanyaBacaAdmin
from simpul.core.scope import Cakupan

from .models import (
    ImporPemilih,
    KategoriTMS,
    KoreksiTertunda,
    KunciTahap,
    LaporanPerangkat,
    PemetaanTPS,
    Pemilih,
    PemilihKhusus,
    PeringatanCekDPT,
    PindahMemilih,
    SalinanDaftar,
    SaranBawaslu,
    Tanggapan,
)


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


class _BacaAdmin(HanyaBacaAdmin, CakupanAdmin):
    """Read-only and scoped: these records change only through the audited services."""


@admin.register(PemetaanTPS)
class PemetaanTPSAdmin(_BacaAdmin):
    kolom_wilayah = ("wilayah_kode",)
    list_display = ("wilayah_kode", "pemilu", "jumlah_pemilih", "jumlah_tps", "pindah", "dibuat")


@admin.register(KunciTahap)
class KunciTahapAdmin(_BacaAdmin):
    kolom_wilayah = ("wilayah_kode",)
    list_display = ("pemilu", "wilayah_kode", "tahap", "aktif", "dikunci", "dibuka")


@admin.register(SalinanDaftar)
class SalinanDaftarAdmin(_BacaAdmin):
    kolom_wilayah = ("wilayah_kode",)
    list_display = ("pemilu", "wilayah_kode", "tahap", "versi", "jumlah", "sha256", "dibuat")


@admin.register(KoreksiTertunda)
class KoreksiTertundaAdmin(_BacaAdmin):
    kolom_wilayah = ("pemilih__desa_id",)
    list_display = ("pemilih", "jenis", "status", "akun", "dibuat", "diterapkan")
    list_filter = ("status", "jenis")


@admin.register(Tanggapan)
class TanggapanAdmin(_BacaAdmin):
    kolom_wilayah = ("desa_id",)
    list_display = ("desa", "jenis", "pelapor", "status", "dibuat")
    list_filter = ("status", "jenis")


@admin.register(PindahMemilih)
class PindahMemilihAdmin(_BacaAdmin):
    kolom_wilayah = ("pemilih__desa_id",)
    list_display = ("pemilih", "tps_asal", "tps_tujuan", "tanggal")


@admin.register(PemilihKhusus)
class PemilihKhususAdmin(_BacaAdmin):
    kolom_wilayah = ("tps__desa_id",)
    list_display = ("nama", "tps", "dibuat")


@admin.register(SaranBawaslu)
class SaranBawasluAdmin(_BacaAdmin):
    kolom_wilayah = ("wilayah_id",)
    list_display = ("nomor_surat", "wilayah", "jenis", "status", "dibuat")
    list_filter = ("status",)


@admin.register(LaporanPerangkat)
class LaporanPerangkatAdmin(_BacaAdmin):
    kolom_wilayah = ("tps__desa_id",)
    list_display = ("diterima", "tps", "akun", "perangkat", "jumlah", "terkirim", "antre",
                    "ditolak", "hilang")
    list_select_related = ("tps", "akun")


@admin.register(PeringatanCekDPT)
class PeringatanCekDPTAdmin(HanyaBacaAdmin):
    """Alerts of the public check concern no territory; KPU staff only (admin access)."""

    list_display = ("dibuat", "jenis", "klien_sidik", "jumlah_nik", "diblokir_sampai")
