from datetime import datetime

from ninja import Router, Schema

from .models import StatusPasangan
from .selectors import pasangan_ambil, pasangan_banding, pasangan_qs
from .services import pasangan_putuskan, pemindaian_jalankan

router = Router(tags=["pemilih ganda"])


class PenjelasanOut(Schema):
    perbandingan: str
    tingkat: int
    keterangan: str
    bobot: float | None


class BarisOut(Schema):
    label: str
    a: str
    b: str
    sama: bool
    keterangan: str
    bobot: float | None


class PasanganOut(Schema):
    id: int
    pemilu_id: int
    pemilih_a_id: int
    pemilih_b_id: int
    bobot: float
    probabilitas: float
    status: str
    alasan: str
    pemilih_dicoret_id: int | None
    koreksi_id: int | None
    koreksi_status: str | None
    diputuskan_pada: datetime | None
    penjelasan: list[PenjelasanOut]

    @staticmethod
    def resolve_koreksi_status(obj) -> str | None:
        return obj.koreksi.status if obj.koreksi_id else None


class PasanganRinciOut(PasanganOut):
    banding: list[BarisOut]

    @staticmethod
    def resolve_banding(obj, context) -> list[dict]:
        return [{**vars(b), "sama": b.sama}
                for b in pasangan_banding(akun=context["request"].user, pasangan=obj)]


class PutusanIn(Schema):
    keputusan: str
    alasan: str = ""
    pemilih_dicoret_id: int | None = None


class PindaiIn(Schema):
    pemilu_id: int
    wilayah_kode: str | None = None


class PemindaianOut(Schema):
    id: int
    pemilu_id: int
    wilayah_kode: str
    backend: str
    ambang: float
    jumlah_rekaman: int
    jumlah_pasangan: int
    jumlah_baru: int


@router.get("/pasangan", response=list[PasanganOut],
            summary="Antrean pasangan pemilih ganda di wilayah kerja (maks. 500)")
def daftar(request, pemilu_id: int | None = None, status: str = StatusPasangan.BARU,
           mulai: int = 0):
    return list(pasangan_qs(akun=request.user, pemilu_id=pemilu_id,
                            status=status)[max(0, mulai):max(0, mulai) + 500])


@router.get("/pasangan/{pasangan_id}", response=PasanganRinciOut,
            summary="Satu pasangan: kedua rekaman berdampingan dan alasan model")
def rinci(request, pasangan_id: int):
    return pasangan_ambil(akun=request.user, pasangan_id=pasangan_id)


@router.post("/pasangan/{pasangan_id}/putusan", response=PasanganRinciOut,
             summary="Konfirmasi (tandai TMS ganda) atau tolak pasangan (diaudit)")
def putusan(request, pasangan_id: int, data: PutusanIn):
    pasangan_putuskan(akun=request.user, pasangan_id=pasangan_id, keputusan=data.keputusan,
                      alasan=data.alasan, pemilih_dicoret_id=data.pemilih_dicoret_id)
    return pasangan_ambil(akun=request.user, pasangan_id=pasangan_id)


@router.post("/pindai", response=PemindaianOut,
             summary="Jalankan model (DuckDB) atas daftar pemilih di wilayah (diaudit)")
def pindai(request, data: PindaiIn):
    return pemindaian_jalankan(akun=request.user, pemilu_id=data.pemilu_id,
                               wilayah_kode=data.wilayah_kode)
