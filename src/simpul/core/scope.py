"""Territory scoping, in one place. Every selector and service asks `Cakupan.dari(akun)`;
no view filters by territory on its own.

A territory is a node of the Kemendagri tree written as a dotted code; its subtree is the
node itself and every code that starts with "<kode>.". KPPS and Pantarlih are further
bound to one TPS, and ad hoc accounts to one election.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .errors import Dilarang, TidakDitemukan
from .roles import PERAN_AD_HOC, PERAN_KPU, Peran


def leluhur(kode: str) -> list[str]:
    """Codes of the ancestors of `kode`, from the province down, without `kode` itself."""
    bagian = kode.split(".")
    return [".".join(bagian[:i]) for i in range(1, len(bagian))]


def di_bawah(kode: str, akar: str | None) -> bool:
    """Is `kode` the node `akar` or inside its subtree? (None is the whole country)"""
    return akar is None or kode == akar or kode.startswith(akar + ".")


def q_subpohon(field: str, kode: str) -> Q:
    """Rows whose region code in `field` is `kode` or lies in its subtree. (A bare
    `startswith(kode)` would let 35.7 match 35.71 to 35.79.)"""
    return Q(**{field: kode}) | Q(**{f"{field}__startswith": kode + "."})


@dataclass(frozen=True)
class Cakupan:
    peran: str
    akar: str | None  # None: the whole country
    pemilu_id: int | None
    tps_id: int | None
    aktif: bool

    @classmethod
    def dari(cls, akun) -> "Cakupan":
        if akun is None or not akun.is_authenticated or not akun.is_active:
            return cls(Peran.PUBLIK, None, None, None, False)
        if akun.is_superuser:
            return cls(Peran.KPU_RI, None, None, None, True)
        peran = akun.peran
        # A misconfigured account (e.g. a role without its territory) sees nothing
        # rather than everything.
        aktif = (peran in PERAN_KPU or peran in PERAN_AD_HOC) and not akun.galat_penugasan()
        return cls(peran, akun.wilayah_id if peran != Peran.KPU_RI else None,
                   akun.pemilu_id, akun.tps_id, aktif)

    # --- reading -------------------------------------------------------------------------
    def wajib_staf(self) -> None:
        if not self.aktif:
            raise Dilarang("Halaman ini hanya untuk petugas KPU dan badan ad hoc.")

    def mencakup(self, kode: str) -> bool:
        return self.aktif and di_bawah(kode, self.akar)

    def wajib_mencakup(self, kode: str) -> None:
        if not self.mencakup(kode):
            raise TidakDitemukan("Wilayah tidak ditemukan di wilayah kerja Anda.")

    def q_kode(self, field: str = "kode") -> Q:
        """Rows whose region code lies inside the territory."""
        if not self.aktif:
            return Q(pk__in=[])
        if self.akar is None:
            return Q()
        return q_subpohon(field, self.akar)

    def menyentuh(self, kode: str) -> bool:
        """Is `kode` inside the territory or above it? A record of an office above
        (a round run by KPU Kab/Kota, its decree) concerns the PPK and PPS below."""
        return self.mencakup(kode) or (self.aktif and di_bawah(self.akar or "", kode))

    def q_menyentuh(self, field: str) -> Q:
        """Rows whose region code lies inside the territory or is one of its ancestors."""
        if not self.aktif or self.akar is None:
            return self.q_kode(field)
        return self.q_kode(field) | Q(**{f"{field}__in": leluhur(self.akar)})

    def wilayah(self, qs: QuerySet) -> QuerySet:
        return qs.filter(self.q_kode("kode"))

    def pemilu(self, qs: QuerySet) -> QuerySet:
        """Elections that concern the territory: national ones, ones whose scope contains
        it, and ones inside it. Ad hoc accounts see only their own election."""
        if not self.aktif:
            return qs.none()
        if self.pemilu_id:
            qs = qs.filter(pk=self.pemilu_id)
        if self.akar is None:
            return qs
        return qs.filter(Q(cakupan__isnull=True) | Q(cakupan_id__in=leluhur(self.akar))
                         | self.q_kode("cakupan_id"))

    def tps(self, qs: QuerySet) -> QuerySet:
        if not self.aktif:
            return qs.none()
        if self.tps_id:
            return qs.filter(pk=self.tps_id)
        if self.pemilu_id:
            qs = qs.filter(pemilu_id=self.pemilu_id)
        return qs.filter(self.q_kode("desa_id"))

    # --- writing -------------------------------------------------------------------------
    def wajib_peran(self, izin: frozenset[str], pesan: str) -> None:
        if not self.aktif or self.peran not in izin:
            raise Dilarang(pesan)

    def boleh_mengelola(self, kode: str) -> bool:
        """`wajib_mengelola` as a question, for pages that show or hide a form."""
        return self.aktif and self.peran in PERAN_KPU and self.mencakup(kode)

    def wajib_mengelola(self, kode: str, pesan: str) -> None:
        """KPU staff may change election records inside their own territory only."""
        self.wajib_peran(PERAN_KPU, pesan)
        self.wajib_mencakup(kode)
