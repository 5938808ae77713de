"""Staff API of the selection (bank, exams, codes, interviews, ranking, announcement).

The candidate's own test is served by `views.cat_*` (JSON, authenticated by the CAT token
cookie, not by a staff account)."""

from datetime import datetime

from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from simpul.adhoc.models import Rekrutmen

from .selectors import (
    bank_ringkas,
    pengumuman_publik,
    peringkat_rekrutmen,
    peserta_ujian,
    rekrutmen_ambil,
    ujian_ambil,
)
from .services import (
    kode_terbitkan,
    pengumuman_terbitkan,
    soal_impor,
    ujian_buat,
    wawancara_catat,
)

router = Router(tags=["seleksi"])


class KategoriOut(Schema):
    pk: int
    nama: str
    jumlah: int


class GalatBaris(Schema):
    baris: int
    galat: list[str]


class ImporOut(Schema):
    dibuat: int
    sudah_ada: list[int]
    galat: list[GalatBaris]


@router.get("/bank", response=list[KategoriOut], summary="Jumlah soal aktif per kategori")
def bank(request):
    return bank_ringkas(akun=request.user)


@router.post("/soal/impor", response=ImporOut,
             summary="Impor soal dari CSV/XLSX; baris salah dilaporkan per nomor baris")
def impor(request, berkas: UploadedFile = File(...)):
    return vars(soal_impor(akun=request.user, data=berkas.read(), nama_berkas=berkas.name))


class UjianIn(Schema):
    rekrutmen_id: int
    nama: str
    durasi_menit: int
    dibuka: datetime
    ditutup: datetime
    komposisi: dict[int, int]


class UjianOut(Schema):
    id: int
    nama: str
    durasi_menit: int
    dibuka: datetime
    ditutup: datetime


@router.post("/ujian", response={201: UjianOut}, summary="Buat ujian CAT untuk rekrutmen PPK/PPS")
def ujian_baru(request, data: UjianIn):
    r = rekrutmen_ambil(akun=request.user, rekrutmen_id=data.rekrutmen_id)
    u = ujian_buat(akun=request.user, rekrutmen=r, nama=data.nama,
                   durasi_menit=data.durasi_menit, dibuka=data.dibuka, ditutup=data.ditutup,
                   komposisi=data.komposisi)
    return Status(201, u)


class PesertaOut(Schema):
    pendaftar_id: int
    nomor: str
    nama: str
    nik: str
    wilayah_tugas: str
    keadaan: str
    nilai_cat: str | None


@router.get("/ujian/{ujian_id}/peserta", response=list[PesertaOut])
def peserta(request, ujian_id: int):
    u = ujian_ambil(akun=request.user, ujian_id=ujian_id)
    return [{"pendaftar_id": x["p"].pk, "nomor": x["p"].nomor, "nama": x["p"].nama,
             "nik": x["nik"], "wilayah_tugas": x["p"].wilayah_tugas_id, "keadaan": x["keadaan"],
             "nilai_cat": str(x["sesi"].nilai) if x["sesi"] and x["sesi"].selesai else None}
            for x in peserta_ujian(akun=request.user, ujian=u)]


class KodeIn(Schema):
    pendaftar_id: int | None = None


class KodeOut(Schema):
    nomor: str
    nama: str
    kode: str


@router.post("/ujian/{ujian_id}/kode", response=list[KodeOut],
             summary="Terbitkan kode masuk sekali pakai (tampil sekali, diaudit)")
def kode(request, ujian_id: int, data: KodeIn):
    u = ujian_ambil(akun=request.user, ujian_id=ujian_id)
    return [{"nomor": p.nomor, "nama": p.nama, "kode": k}
            for p, k in kode_terbitkan(akun=request.user, ujian=u,
                                       pendaftar_id=data.pendaftar_id)]


class WawancaraIn(Schema):
    nilai: str
    catatan: str = ""


class WawancaraOut(Schema):
    id: int
    pendaftar_id: int
    nilai: str


@router.post("/wawancara/{pendaftar_id}", response={201: WawancaraOut},
             summary="Nilai wawancara seorang penguji (sekali per peserta, 0–100)")
def wawancara(request, pendaftar_id: int, data: WawancaraIn):
    n = wawancara_catat(akun=request.user, pendaftar_id=pendaftar_id, nilai=data.nilai,
                        catatan=data.catatan)
    return Status(201, {"id": n.pk, "pendaftar_id": n.pendaftar_id, "nilai": str(n.nilai)})


class CalonOut(Schema):
    peringkat: int | None
    nomor: str
    nama: str
    nik_samar: str
    nilai_cat: str | None
    nilai_wawancara: str | None
    akhir: str | None
    keterangan: str
    catatan: list[str]


class WilayahPeringkatOut(Schema):
    kode: str
    nama: str
    calon: list[CalonOut]


class PeringkatOut(Schema):
    rekrutmen_id: int
    bobot_cat: int
    bobot_wawancara: int
    kursi: int
    cadangan: int
    wilayah: list[WilayahPeringkatOut]


def _teks(x):
    return None if x is None else str(x)


@router.get("/rekrutmen/{rekrutmen_id}/peringkat", response=PeringkatOut)
def peringkat(request, rekrutmen_id: int):
    r: Rekrutmen = rekrutmen_ambil(akun=request.user, rekrutmen_id=rekrutmen_id)
    h = peringkat_rekrutmen(akun=request.user, rekrutmen=r)
    return {"rekrutmen_id": r.pk, "bobot_cat": h.bobot_cat, "bobot_wawancara": h.bobot_wawancara,
            "kursi": h.kursi, "cadangan": h.cadangan,
            "wilayah": [{"kode": k, "nama": n, "calon": [
                {**{f: getattr(c, f) for f in ("peringkat", "nomor", "nama", "nik_samar",
                                               "keterangan", "catatan")},
                 "nilai_cat": _teks(c.nilai_cat), "nilai_wawancara": _teks(c.nilai_wawancara),
                 "akhir": _teks(c.akhir)} for c in calon]} for k, n, calon in h.wilayah]}


class PengumumanIn(Schema):
    nomor_surat: str


class PengumumanOut(Schema):
    id: int
    nomor_surat: str
    sidik: str
    terbit: datetime
    isi: dict


@router.post("/rekrutmen/{rekrutmen_id}/pengumuman", response={201: PengumumanOut},
             summary="Umumkan hasil seleksi (membekukan peringkat dan mengunci nilai)")
def umumkan(request, rekrutmen_id: int, data: PengumumanIn):
    r = rekrutmen_ambil(akun=request.user, rekrutmen_id=rekrutmen_id)
    return Status(201, pengumuman_terbitkan(akun=request.user, rekrutmen=r,
                                            nomor_surat=data.nomor_surat))


@router.get("/pengumuman/{pengumuman_id}", response=PengumumanOut, auth=None,
            summary="Pengumuman hasil seleksi (publik, NIK disamarkan)")
def pengumuman(request, pengumuman_id: int):
    return pengumuman_publik(pengumuman_id=pengumuman_id)
