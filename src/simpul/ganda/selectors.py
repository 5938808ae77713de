"""Reads of the review queue, through the reviewer's territory: a pair is visible only
when both voters live inside it."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from simpul.core.errors import TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.scope import Cakupan
from simpul.pemilu.models import Pemilu

from .models import PasanganGanda, PemindaianGanda, StatusPasangan
from .rules import PERAN_PERIKSA, nik_terlihat


def pasangan_qs(*, akun, pemilu_id: int | None = None,
                status: str | None = None) -> QuerySet[PasanganGanda]:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_PERIKSA, "Peran Anda tidak berwenang memeriksa pemilih ganda.")
    qs = (PasanganGanda.objects
          .filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all()))
          .filter(cakupan.q_kode("pemilih_a__desa_id"))
          .filter(cakupan.q_kode("pemilih_b__desa_id")))
    if pemilu_id:
        qs = qs.filter(pemilu_id=pemilu_id)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("pemilih_a__desa", "pemilih_b__desa", "pemilu", "koreksi")


def pasangan_ambil(*, akun, pasangan_id: int) -> PasanganGanda:
    p = (pasangan_qs(akun=akun).filter(pk=pasangan_id)
         .select_related("diputuskan_oleh", "pemilih_dicoret").first())
    if p is None:
        raise TidakDitemukan("Pasangan tidak ditemukan di wilayah kerja Anda.")
    return p


def pasangan_ringkasan(*, akun, pemilu_id: int | None = None) -> dict[str, int]:
    hitung = dict.fromkeys(StatusPasangan.values, 0)
    hitung.update(pasangan_qs(akun=akun, pemilu_id=pemilu_id).order_by()
                  .values_list("status").annotate(n=Count("id")))
    return hitung


def pemindaian_terakhir(*, akun, pemilu_id: int | None = None) -> list[PemindaianGanda]:
    cakupan = Cakupan.dari(akun)
    qs = PemindaianGanda.objects.filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all()))
    qs = qs.filter(cakupan.q_kode("wilayah_kode"))
    if pemilu_id:
        qs = qs.filter(pemilu_id=pemilu_id)
    return list(qs.defer("model")[:5])


@dataclass(frozen=True)
class BarisBanding:
    label: str
    a: str
    b: str
    keterangan: str = ""
    bobot: float | None = None

    @property
    def sama(self) -> bool:
        return self.a == self.b


# Which comparison of the model explains which row of the side-by-side view.
_BARIS = [("NIK", "nik", "nik"), ("Nomor KK", "nkk", "nkk"), ("Nama", "nama", "nama"),
          ("Tempat lahir", "tempat_lahir", "tempat_lahir"),
          ("Tanggal lahir", "tanggal_lahir", "tanggal_lahir"),
          ("Jenis kelamin", "jenis_kelamin", "jenis_kelamin"),
          ("Alamat", "alamat", "alamat"), ("RT/RW", "rt_rw", "rt_rw"),
          ("Desa/kelurahan", "desa", "wilayah")]


def _nilai(pemilih, kolom: str, lihat_nik: bool) -> str:
    if kolom in ("nik", "nkk"):
        v = getattr(pemilih, kolom)
        return v if lihat_nik else nik_samarkan(v)
    if kolom == "tanggal_lahir":
        return pemilih.tanggal_lahir.strftime("%d-%m-%Y")
    if kolom == "rt_rw":
        return f"{pemilih.rt}/{pemilih.rw}"
    if kolom == "desa":
        return f"{pemilih.desa.nama} ({pemilih.desa_id})"
    return str(getattr(pemilih, kolom) or "")


def pasangan_banding(*, akun, pasangan: PasanganGanda) -> list[BarisBanding]:
    """The two records side by side with the model's verdict on each element. NIK/KK are
    masked for roles that do not keep the list."""
    lihat_nik = nik_terlihat(Cakupan.dari(akun).peran)
    jelas = {p["perbandingan"]: p for p in pasangan.penjelasan}
    baris = []
    for label, kolom, perbandingan in _BARIS:
        j = jelas.get(perbandingan, {})
        baris.append(BarisBanding(label, _nilai(pasangan.pemilih_a, kolom, lihat_nik),
                                  _nilai(pasangan.pemilih_b, kolom, lihat_nik),
                                  j.get("keterangan", ""), j.get("bobot")))
    return baris
