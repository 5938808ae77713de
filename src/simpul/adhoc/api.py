from django.http import HttpResponse
from ninja import Router, Schema

from simpul.pemilu.selectors import pemilu_ambil

from .selectors import BarisRencana, rencana_kursi
from .services import rencana_ekspor_xlsx
from .views import XLSX

router = Router(tags=["badan ad hoc"])


class KursiOut(Schema):
    ppk: int
    pps: int
    kpps: int
    pantarlih: int
    total: int


class BarisRencanaOut(Schema):
    kode: str
    nama: str
    tingkat: str
    kecamatan: int
    desa: int
    tps: int
    pemilih: int
    tps_di_atas_ambang: int
    tps_tanpa_pemilih: int
    kursi: KursiOut


class KursiTPSOut(Schema):
    tps_id: int
    nomor: int
    jumlah_pemilih: int | None
    kpps: int
    pantarlih: int


class RencanaOut(Schema):
    pemilu_id: int
    ukuran: dict
    total: BarisRencanaOut
    anak: list[BarisRencanaOut]
    tps: list[KursiTPSOut]


def _baris(b: BarisRencana) -> dict:
    return {**{k: v for k, v in vars(b).items() if k != "kursi"},
            "kursi": {**vars(b.kursi), "total": b.kursi.total}}


@router.get("/rencana/{pemilu_id}", response=RencanaOut,
            summary="Rencana kebutuhan PPK, PPS, KPPS dan Pantarlih per wilayah")
def rencana(request, pemilu_id: int, kode: str | None = None):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    r = rencana_kursi(akun=request.user, pemilu=pemilu, kode=kode)
    return {"pemilu_id": pemilu.pk, "ukuran": vars(r.ukuran), "total": _baris(r.total),
            "anak": [_baris(b) for b in r.anak],
            "tps": [{"tps_id": k.tps.pk, "nomor": k.tps.nomor,
                     "jumlah_pemilih": k.tps.jumlah_pemilih, "kpps": k.kpps,
                     "pantarlih": k.pantarlih} for k in r.tps]}


@router.get("/rencana/{pemilu_id}/xlsx", summary="Rencana kebutuhan sebagai XLSX (diaudit)")
def rencana_xlsx(request, pemilu_id: int, kode: str | None = None):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    respons = HttpResponse(rencana_ekspor_xlsx(akun=request.user, pemilu=pemilu, kode=kode),
                           content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="rencana-adhoc-{pemilu.pk}.xlsx"'
    return respons
