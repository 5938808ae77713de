"""Reads of the region tree, always through the acting user's territory."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import Left

from simpul.core.errors import TidakDitemukan
from simpul.core.scope import Cakupan, leluhur
from simpul.pemilu.models import TPS

from .models import Wilayah
from .rules import PANJANG_KODE, TINGKAT_DESA


@dataclass
class Simpul:
    """A child in the drill-down with its counts."""

    wilayah: Wilayah
    kecamatan: int = 0
    desa: int = 0
    tps: int = 0
    pemilih: int = 0


def wilayah_ambil(*, akun, kode: str) -> Wilayah:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    cakupan.wajib_mencakup(kode)
    w = Wilayah.objects.filter(kode=kode).first()
    if w is None:
        raise TidakDitemukan("Wilayah tidak ditemukan di wilayah kerja Anda.")
    return w


def wilayah_akar(*, akun) -> Wilayah | None:
    """The node a user's dashboard starts at (None: the whole country)."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    return Wilayah.objects.get(kode=cakupan.akar) if cakupan.akar else None


def wilayah_jejak(*, akun, wilayah: Wilayah) -> list[tuple[Wilayah, bool]]:
    """Breadcrumb: ancestors with whether the user may open them."""
    cakupan = Cakupan.dari(akun)
    daftar = list(Wilayah.objects.filter(kode__in=leluhur(wilayah.kode)).order_by("kode"))
    return [(w, cakupan.mencakup(w.kode)) for w in daftar]


def wilayah_anak(*, akun, induk: Wilayah | None, pemilu=None) -> list[Simpul]:
    """Children of a node with their kecamatan, desa/kelurahan, TPS and voter counts.

    Three queries whatever the number of children: the children, the region counts
    grouped by code prefix, the TPS counts grouped by code prefix.
    """
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    if induk is not None:
        cakupan.wajib_mencakup(induk.kode)
        anak_qs = Wilayah.objects.filter(induk=induk)
        awalan, kedalaman_anak = induk.kode + ".", induk.kedalaman + 1
    else:
        anak_qs = Wilayah.objects.filter(tingkat="provinsi")
        awalan, kedalaman_anak = "", 1
    anak = list(cakupan.wilayah(anak_qs.filter(aktif=True)).order_by("kode"))
    if not anak:  # a desa/kelurahan is a leaf: its TPS are listed instead
        return []
    simpul = {w.kode: Simpul(w) for w in anak}
    panjang = PANJANG_KODE[kedalaman_anak]
    if kedalaman_anak < 4:
        turunan = (cakupan.wilayah(Wilayah.objects.filter(kode__startswith=awalan, aktif=True))
                   .annotate(grup=Left("kode", panjang)).values("grup")
                   .annotate(kec=Count("kode", filter=Q(tingkat="kecamatan")),
                             desa=Count("kode", filter=Q(tingkat__in=TINGKAT_DESA))))
        for baris in turunan:
            if s := simpul.get(baris["grup"]):
                s.kecamatan, s.desa = baris["kec"], baris["desa"]
    if pemilu is not None:
        tps = (cakupan.tps(TPS.objects.filter(pemilu=pemilu, desa_id__startswith=awalan))
               .annotate(grup=Left("desa_id", panjang)).values("grup")
               .annotate(n=Count("id"), pemilih=Sum("jumlah_pemilih")))
        for baris in tps:
            if s := simpul.get(baris["grup"]):
                s.tps, s.pemilih = baris["n"], baris["pemilih"] or 0
    return list(simpul.values())


def wilayah_cari(*, akun, q: str, batas: int = 25) -> list[Wilayah]:
    """Regions inside the territory by code prefix or by part of the name."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    q = q.strip()
    if len(q) < 2:
        return []
    qs = cakupan.wilayah(Wilayah.objects.filter(aktif=True))
    if q.replace(".", "").isdigit():
        qs = qs.filter(kode__startswith=q)
    else:
        qs = qs.filter(nama__icontains=q)
    return list(qs.select_related("induk").order_by("kode")[:batas])
