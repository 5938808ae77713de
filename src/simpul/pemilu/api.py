from datetime import date
from decimal import Decimal

from ninja import File, Router, Schema
from ninja.files import UploadedFile

from simpul.wilayah.selectors import wilayah_ambil

from .selectors import pemilu_ambil, pemilu_daftar, tps_ambil, tps_di_desa
from .services import pemilu_buat, tps_impor, tps_simpan

router = Router(tags=["pemilu dan TPS"])


class PemiluOut(Schema):
    id: int
    nama: str
    jenis: str
    tanggal_pemungutan: date
    cakupan_id: str | None
    parameter: dict
    maks_pemilih_per_tps: int | None


class PemiluIn(Schema):
    nama: str
    jenis: str
    tanggal_pemungutan: date
    cakupan_kode: str | None = None
    parameter: dict = {}


class TPSOut(Schema):
    id: int
    pemilu_id: int
    desa_id: str
    nomor: int
    kode_kpu: str
    alamat: str
    lintang: Decimal | None
    bujur: Decimal | None
    jumlah_pemilih: int | None


class TPSIn(Schema):
    kode_desa: str
    nomor: int
    alamat: str = ""
    lintang: Decimal | None = None
    bujur: Decimal | None = None
    jumlah_pemilih: int | None = None


class GalatBarisOut(Schema):
    baris: int
    kode: str
    pesan: str


class ImporOut(Schema):
    dibuat: int
    diubah: int
    tetap: int
    galat: list[GalatBarisOut]


@router.get("/", response=list[PemiluOut], summary="Pemilu di wilayah kerja saya")
def daftar(request):
    return pemilu_daftar(akun=request.user)


@router.post("/", response={201: PemiluOut}, summary="Buat pemilu/pemilihan")
def buat(request, data: PemiluIn):
    return 201, pemilu_buat(akun=request.user, **data.dict())


@router.get("/{pemilu_id}", response=PemiluOut)
def satu(request, pemilu_id: int):
    return pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)


@router.get("/{pemilu_id}/tps", response=list[TPSOut], summary="TPS di satu desa/kelurahan")
def tps_desa(request, pemilu_id: int, desa: str):
    wilayah_ambil(akun=request.user, kode=desa)
    return tps_di_desa(akun=request.user, pemilu=pemilu_ambil(akun=request.user,
                                                              pemilu_id=pemilu_id),
                       kode_desa=desa)


@router.post("/{pemilu_id}/tps", response={200: TPSOut}, summary="Simpan satu TPS")
def tps_simpan_api(request, pemilu_id: int, data: TPSIn):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    return tps_simpan(akun=request.user, pemilu=pemilu, **data.dict())


@router.post("/{pemilu_id}/tps/impor", response=ImporOut, summary="Impor TPS dari CSV/XLSX")
def tps_impor_api(request, pemilu_id: int, berkas: UploadedFile = File(...)):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    return tps_impor(akun=request.user, pemilu=pemilu, data=berkas.read(),
                     nama_berkas=berkas.name or "")


@router.get("/tps/{tps_id}", response=TPSOut, summary="Satu TPS")
def tps_satu(request, tps_id: int):
    return tps_ambil(akun=request.user, tps_id=tps_id)
