from ninja import Router, Schema

from simpul.pemilu.selectors import pemilu_pilihan

from .selectors import wilayah_akar, wilayah_ambil, wilayah_anak, wilayah_cari, wilayah_jejak

router = Router(tags=["wilayah"])


class WilayahOut(Schema):
    kode: str
    nama: str
    tingkat: str
    aktif: bool


class AnakOut(Schema):
    kode: str
    nama: str
    tingkat: str
    kecamatan: int
    desa: int
    tps: int
    pemilih: int


class SimpulOut(Schema):
    wilayah: WilayahOut | None
    jejak: list[WilayahOut]
    pemilu_id: int | None
    anak: list[AnakOut]


def _simpul(request, wilayah, pemilu_id):
    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=pemilu_id)
    anak = wilayah_anak(akun=request.user, induk=wilayah, pemilu=pemilu)
    return {
        "wilayah": wilayah,
        "jejak": [w for w, _ in wilayah_jejak(akun=request.user, wilayah=wilayah)]
        if wilayah else [],
        "pemilu_id": pemilu.pk if pemilu else None,
        "anak": [{"kode": s.wilayah.kode, "nama": s.wilayah.nama, "tingkat": s.wilayah.tingkat,
                  "kecamatan": s.kecamatan, "desa": s.desa, "tps": s.tps,
                  "pemilih": s.pemilih} for s in anak],
    }


@router.get("/", response=SimpulOut, summary="Wilayah kerja saya dan anak-anaknya")
def akar(request, pemilu: int | None = None):
    return _simpul(request, wilayah_akar(akun=request.user), pemilu)


@router.get("/cari", response=list[WilayahOut], summary="Cari wilayah (nama atau kode)")
def cari(request, q: str):
    return wilayah_cari(akun=request.user, q=q)


@router.get("/{kode}", response=SimpulOut, summary="Satu wilayah dengan jumlah per anak")
def satu(request, kode: str, pemilu: int | None = None):
    return _simpul(request, wilayah_ambil(akun=request.user, kode=kode), pemilu)
