from ninja import Router, Schema

from .audit import audit_verifikasi
from .roles import Peran
from .scope import Cakupan

router = Router(tags=["akun dan audit"])


class AkunOut(Schema):
    username: str
    peran: str
    wilayah: str | None
    pemilu_id: int | None
    tps_id: int | None


class VerifikasiOut(Schema):
    utuh: bool
    jumlah: int
    seq_rusak: int | None
    alasan: str


@router.get("/saya", response=AkunOut, summary="Akun yang sedang masuk")
def saya(request):
    a = request.user
    return AkunOut(username=a.username, peran=a.peran, wilayah=a.wilayah_id,
                   pemilu_id=a.pemilu_id, tps_id=a.tps_id)


@router.get("/audit/verifikasi", response=VerifikasiOut, summary="Periksa rantai hash audit")
def audit_verifikasi_api(request):
    Cakupan.dari(request.user).wajib_peran(frozenset({Peran.KPU_RI}),
                                           "Verifikasi audit hanya untuk KPU RI.")
    return audit_verifikasi().__dict__
