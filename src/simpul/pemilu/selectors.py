"""Reads of elections and TPS through the acting user's territory."""

from simpul.core.errors import TidakDitemukan
from simpul.core.scope import Cakupan

from .models import TPS, Pemilu


def pemilu_daftar(*, akun) -> list[Pemilu]:
    return list(Cakupan.dari(akun).pemilu(Pemilu.objects.select_related("cakupan")))


def pemilu_ambil(*, akun, pemilu_id) -> Pemilu:
    pemilu = Cakupan.dari(akun).pemilu(Pemilu.objects.filter(pk=pemilu_id)).first()
    if pemilu is None:
        raise TidakDitemukan("Pemilu tidak ditemukan di wilayah kerja Anda.")
    return pemilu


def pemilu_pilihan(*, akun, pemilu_id=None) -> Pemilu | None:
    """The election a page is about: the one asked for, else the user's latest."""
    if pemilu_id:
        return pemilu_ambil(akun=akun, pemilu_id=pemilu_id)
    return Cakupan.dari(akun).pemilu(Pemilu.objects.all()).first()


def tps_di_desa(*, akun, pemilu: Pemilu, kode_desa: str) -> list[TPS]:
    return list(Cakupan.dari(akun).tps(TPS.objects.filter(pemilu=pemilu, desa_id=kode_desa))
                .order_by("nomor"))


def tps_ambil(*, akun, tps_id) -> TPS:
    tps = (Cakupan.dari(akun).tps(TPS.objects.filter(pk=tps_id))
           .select_related("pemilu", "desa", "desa__induk").first())
    if tps is None:
        raise TidakDitemukan("TPS tidak ditemukan di wilayah kerja Anda.")
    return tps
