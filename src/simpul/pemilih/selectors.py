"""Reads of voter records through the acting user's territory (and TPS for Pantarlih)."""

from django.db.models import QuerySet

from simpul.core.errors import TidakDitemukan
from simpul.core.scope import Cakupan
from simpul.pemilu.models import Pemilu

from .models import ImporPemilih, KategoriTMS, Pemilih, RiwayatPemilih


def pemilih_qs(*, akun) -> QuerySet[Pemilih]:
    """Voters the account may see: elections of its territory, desa inside it, and for
    KPPS/Pantarlih only their TPS."""
    cakupan = Cakupan.dari(akun)
    qs = Pemilih.objects.filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all()))
    qs = qs.filter(cakupan.q_kode("desa_id"))
    if cakupan.tps_id:
        qs = qs.filter(tps_id=cakupan.tps_id)
    return qs


def pemilih_ambil(*, akun, pemilih_id: int) -> Pemilih:
    p = (pemilih_qs(akun=akun).filter(pk=pemilih_id)
         .select_related("desa", "tps", "kategori_tms", "pemilu").first())
    if p is None:
        raise TidakDitemukan("Pemilih tidak ditemukan di wilayah kerja Anda.")
    return p


def pemilih_riwayat(*, akun, pemilih_id: int) -> list[RiwayatPemilih]:
    p = pemilih_ambil(akun=akun, pemilih_id=pemilih_id)
    return list(p.riwayat.order_by("versi", "id"))


def kategori_tms_daftar() -> list[KategoriTMS]:
    return list(KategoriTMS.objects.filter(aktif=True))


def impor_ambil(*, akun, impor_id: int) -> ImporPemilih:
    """An import job, visible to the uploader and to staff whose territory covers it."""
    cakupan = Cakupan.dari(akun)
    impor = (ImporPemilih.objects.filter(pk=impor_id)
             .filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all()))
             .select_related("pemilu").first())
    if impor is None or not cakupan.mencakup(impor.wilayah_kode):
        raise TidakDitemukan("Impor tidak ditemukan di wilayah kerja Anda.")
    return impor
