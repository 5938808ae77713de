from datetime import date, datetime

from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from . import selectors, services

router = Router(tags=["bakohumas"])


class UnggahanIO(Schema):
    kanal: str = ""
    tautan: str = ""
    sasaran: str = ""


class PublikasiIn(Schema):
    tanggal: date
    jenis_konten: str
    judul: str
    jangkauan: int | None = None
    unggahan: list[UnggahanIO]


class PublikasiOut(Schema):
    id: int
    kantor_id: str | None
    tanggal: date
    jenis_konten: str
    judul: str
    jangkauan: int | None
    unggahan: list[UnggahanIO]

    @staticmethod
    def resolve_jenis_konten(obj):
        return obj.jenis_konten.nama

    @staticmethod
    def resolve_unggahan(obj):
        return [{"kanal": u.kanal_id, "tautan": u.tautan, "sasaran": u.sasaran}
                for u in obj.unggahan.all()]


class TempelIn(Schema):
    tautan: str
    publikasi_id: int | None = None
    tanggal: date | None = None
    jenis_konten: str | None = None
    judul: str = ""
    sasaran: str = ""


class GalatBarisOut(Schema):
    baris: int
    kode: str
    pesan: str


class ImporOut(Schema):
    publikasi_baru: int
    dibuat: int
    diubah: int
    tetap: int
    galat: list[GalatBarisOut]


class BarisRekapOut(Schema):
    jenis_konten: str
    jumlah: dict[str, int]


class BulanOut(Schema):
    bulan: int
    tahun: int
    baris: list[BarisRekapOut]


class EvaluasiOut(Schema):
    media: str
    per_bulan: list[int]
    jumlah: int
    keterangan: str


class RekapOut(Schema):
    kantor: str | None
    periode: str
    awal: date
    akhir: date
    kolom: list[str]
    bulanan: list[BulanOut]
    evaluasi: list[EvaluasiOut]


@router.get("/publikasi", response=list[PublikasiOut])
def publikasi_daftar(request, kantor: str | None = None, awal: date | None = None,
                     akhir: date | None = None):
    return selectors.publikasi_daftar(akun=request.user, kantor_kode=kantor, awal=awal,
                                      akhir=akhir, batas=1000)


@router.post("/publikasi", response={201: PublikasiOut})
def publikasi_buat(request, data: PublikasiIn):
    p = services.publikasi_simpan(akun=request.user, **data.dict())
    return Status(201, selectors.publikasi_ambil(akun=request.user, publikasi_id=p.pk))


@router.put("/publikasi/{publikasi_id}", response=PublikasiOut)
def publikasi_ubah(request, publikasi_id: int, data: PublikasiIn):
    services.publikasi_simpan(akun=request.user, publikasi_id=publikasi_id, **data.dict())
    return selectors.publikasi_ambil(akun=request.user, publikasi_id=publikasi_id)


@router.delete("/publikasi/{publikasi_id}", response={204: None})
def publikasi_hapus(request, publikasi_id: int):
    services.publikasi_hapus(akun=request.user, publikasi_id=publikasi_id)
    return Status(204, None)


@router.post("/tempel", response={201: PublikasiOut})
def tempel(request, data: TempelIn):
    p = services.unggahan_tempel(akun=request.user, **data.dict())
    return Status(201, selectors.publikasi_ambil(akun=request.user, publikasi_id=p.pk))


@router.post("/impor", response=ImporOut)
def impor(request, berkas: UploadedFile = File(...)):  # noqa: B008
    return services.publikasi_impor(akun=request.user, data=berkas.read(),
                                    nama_berkas=berkas.name or "")


@router.get("/rekap", response=RekapOut)
def rekap(request, periode: str = "semester", tahun: int = 2022, nomor: int = 1,
          kantor: str | None = None):
    p = selectors.periode_ambil(periode, tahun, nomor)
    r = selectors.rekap(akun=request.user, kantor_kode=kantor, periode=p)
    kolom = [k.kode for k in r["kolom"]]
    return {
        "kantor": r["kantor"].kode if r["kantor"] else None, "periode": p.nama,
        "awal": p.awal, "akhir": p.akhir, "kolom": kolom,
        "bulanan": [{"bulan": t.bulan, "tahun": t.tahun, "baris": [
            {"jenis_konten": nama, "jumlah": dict(zip(kolom, angka, strict=True))}
            for nama, angka in t.baris]} for t in r["bulanan"]],
        "evaluasi": [{"media": b.media, "per_bulan": b.per_bulan, "jumlah": b.jumlah,
                      "keterangan": b.keterangan} for b in r["evaluasi"]],
    }


class BarisKantorOut(Schema):
    kode: str | None
    nama: str
    publikasi: list[int]
    unggahan: list[int]
    jumlah_publikasi: int
    jumlah_unggahan: int
    per_kanal: dict[str, int]
    media_sosial: int


class RekapKantorOut(Schema):
    kantor: str | None
    periode: str
    bulan: list[int]
    kolom: list[str]
    baris: list[BarisKantorOut]
    total: BarisKantorOut


@router.get("/rekap-kantor", response=RekapKantorOut)
def rekap_kantor(request, periode: str = "semester", tahun: int = 2022, nomor: int = 1,
                 kantor: str | None = None):
    """The recap of every office below the account's (or below `kantor`), per office x
    month."""
    p = selectors.periode_ambil(periode, tahun, nomor)
    r = selectors.rekap_lintas_kantor(akun=request.user, periode=p, kantor_kode=kantor)
    kolom = [k.kode for k in r["kolom"]]

    def baris(b):
        return {"kode": b.kode, "nama": b.nama, "publikasi": b.publikasi,
                "unggahan": b.unggahan, "jumlah_publikasi": b.jumlah_publikasi,
                "jumlah_unggahan": b.jumlah_unggahan,
                "per_kanal": dict(zip(kolom, b.per_kanal, strict=True)),
                "media_sosial": b.medsos}

    return {"kantor": r["induk"].kode if r["induk"] else None, "periode": p.nama,
            "bulan": p.bulan, "kolom": kolom, "baris": [baris(b) for b in r["baris"]],
            "total": baris(r["total"])}


class KoordinasiIO(Schema):
    id: int | None = None
    tanggal_mulai: date
    tanggal_selesai: date | None = None
    jenis: str
    mitra: str
    kategori_mitra: str
    uraian: str


class DiseminasiIn(Schema):
    tanggal: date
    presisi: str = "hari"
    informasi: str
    kanal: list[str]


class DiseminasiOut(Schema):
    id: int
    tanggal: date
    presisi: str
    informasi: str
    kanal: list[str]

    @staticmethod
    def resolve_kanal(obj):
        return [k.kode for k in obj.kanal.all()]


class AnggotaIO(Schema):
    nama: str
    jabatan_kedinasan: str
    jabatan_tim: str


class SKTimIn(Schema):
    nomor: str
    tanggal: date
    tentang: str = ""
    mengubah: str | None = None
    anggota: list[AnggotaIO]


class SKTimOut(Schema):
    id: int
    nomor: str
    tanggal: date
    tentang: str
    mengubah: str | None
    anggota: list[AnggotaIO]

    @staticmethod
    def resolve_mengubah(obj):
        return obj.mengubah.nomor if obj.mengubah_id else None

    @staticmethod
    def resolve_anggota(obj):
        return list(obj.anggota.all())


@router.post("/koordinasi", response={201: KoordinasiIO})
def koordinasi_buat(request, data: KoordinasiIO):
    return Status(201, services.koordinasi_catat(akun=request.user,
                                                 **data.dict(exclude={"id"})))


@router.get("/koordinasi", response=list[KoordinasiIO])
def koordinasi_daftar(request, periode: str = "semester", tahun: int = 2022, nomor: int = 1,
                      kantor: str | None = None):
    return selectors.koordinasi_daftar(akun=request.user, kantor_kode=kantor,
                                       periode=selectors.periode_ambil(periode, tahun, nomor))


@router.post("/diseminasi", response={201: DiseminasiOut})
def diseminasi_buat(request, data: DiseminasiIn):
    return Status(201, services.diseminasi_catat(akun=request.user, **data.dict()))


@router.get("/diseminasi", response=list[DiseminasiOut])
def diseminasi_daftar(request, periode: str = "semester", tahun: int = 2022, nomor: int = 1,
                      kantor: str | None = None):
    return selectors.diseminasi_daftar(akun=request.user, kantor_kode=kantor,
                                       periode=selectors.periode_ambil(periode, tahun, nomor))


@router.delete("/{jenis}/{int:catatan_id}", response={204: None})
def catatan_hapus(request, jenis: str, catatan_id: int):
    services.catatan_hapus(akun=request.user, jenis=jenis, catatan_id=catatan_id)
    return Status(204, None)


@router.post("/sk-tim", response={201: SKTimOut})
def sk_tim_buat(request, data: SKTimIn):
    d = data.dict()
    return Status(201, services.sk_tim_tetapkan(akun=request.user, **d))


@router.get("/tim", response=list[SKTimOut])
def tim(request, tanggal: date, kantor: str | None = None):
    """The decree in force on `tanggal`, then the decrees it amends."""
    return selectors.tim_berlaku(akun=request.user, kantor_kode=kantor, tanggal=tanggal)


# --- campaigns across tiers ------------------------------------------------------------------

class KampanyeIn(Schema):
    judul: str
    isi: str
    tagar: str
    mulai: datetime
    selesai: datetime


class KampanyeOut(Schema):
    id: int
    penerbit_id: str | None
    judul: str
    isi: str
    tagar: str
    mulai: datetime
    selesai: datetime


class KampanyeUnggahanIn(Schema):
    tautan: str
    waktu: datetime | None = None
    jenis_konten: str = "Repost"
    kantor: str | None = None


class KampanyeUnggahanOut(Schema):
    id: int
    kantor_id: str | None
    kanal_id: str
    tautan: str
    waktu: datetime
    unggahan_id: int | None


class KomentarIn(Schema):
    isi: str
    induk_id: int | None = None


class KomentarOut(Schema):
    id: int
    kantor_id: str | None
    induk_id: int | None
    isi: str
    waktu: datetime


class StatusKantorOut(Schema):
    kode: str
    nama: str
    provinsi: str
    pertama: datetime | None
    jumlah: int
    terlambat: bool


class KampanyeStatusOut(Schema):
    sudah: int
    belum: int
    jumlah: int
    baris: list[StatusKantorOut]


@router.post("/kampanye", response={201: KampanyeOut})
def kampanye_terbitkan(request, data: KampanyeIn):
    return Status(201, services.kampanye_terbitkan(akun=request.user, **data.dict()))


@router.get("/kampanye", response=list[KampanyeOut])
def kampanye_daftar(request):
    return selectors.kampanye_daftar(akun=request.user)


@router.post("/kampanye/{kampanye_id}/unggahan", response={201: KampanyeUnggahanOut})
def kampanye_unggahan(request, kampanye_id: int, data: KampanyeUnggahanIn):
    d = data.dict()
    return Status(201, services.kampanye_unggahan_catat(
        akun=request.user, kampanye_id=kampanye_id, tautan=d["tautan"], waktu=d["waktu"],
        jenis_konten=d["jenis_konten"], kantor_kode=d["kantor"]))


@router.get("/kampanye/{kampanye_id}/status", response=KampanyeStatusOut)
def kampanye_status(request, kampanye_id: int):
    return selectors.kampanye_status(akun=request.user, kampanye_id=kampanye_id)


@router.post("/kampanye/{kampanye_id}/komentar", response={201: KomentarOut})
def kampanye_komentar(request, kampanye_id: int, data: KomentarIn):
    return Status(201, services.kampanye_komentar(akun=request.user, kampanye_id=kampanye_id,
                                                  **data.dict()))


# --- news site ---------------------------------------------------------------------------------

class ArtikelIn(Schema):
    judul: str
    isi: str
    ringkasan: str = ""
    kategori: str | None = None
    tag: list[str] = []
    status: str = "draf"
    terbit_pada: datetime | None = None
    slug: str = ""
    gambar_id: int | None = None


class ArtikelOut(Schema):
    id: int
    kantor_id: str | None
    judul: str
    slug: str
    ringkasan: str
    isi: str
    status: str
    terbit_pada: datetime | None
    tag: list[str]

    @staticmethod
    def resolve_tag(obj):
        return [t.nama for t in obj.tag.all()]


class MediaOut(Schema):
    id: int
    nama_berkas: str
    mime: str
    ukuran: int
    sha256: str
    url: str

    @staticmethod
    def resolve_url(obj):
        from .situs_services import media_url

        return media_url(obj)


@router.post("/situs/artikel", response={201: ArtikelOut})
def artikel_buat(request, data: ArtikelIn):
    from .situs_services import artikel_simpan

    return Status(201, artikel_simpan(akun=request.user, **data.dict()))


@router.put("/situs/artikel/{artikel_id}", response=ArtikelOut)
def artikel_ubah(request, artikel_id: int, data: ArtikelIn):
    from .situs_services import artikel_simpan

    return artikel_simpan(akun=request.user, artikel_id=artikel_id, **data.dict())


@router.get("/situs/artikel", response=list[ArtikelOut])
def artikel_daftar(request):
    from .situs_selectors import artikel_staf

    return artikel_staf(akun=request.user)


@router.post("/situs/media", response={201: MediaOut})
def media_unggah(request, berkas: UploadedFile = File(...), keterangan: str = ""):  # noqa: B008
    from .situs_services import BATAS_MEDIA, media_unggah

    # Read one byte past the limit: enough to refuse, without loading a huge upload.
    return Status(201, media_unggah(akun=request.user, data=berkas.read(BATAS_MEDIA + 1),
                                    nama_berkas=berkas.name, keterangan=keterangan))


# --- media monitoring ------------------------------------------------------------------------

class PantauanIn(Schema):
    tanggal: date
    jenis_sumber: str
    sumber: str
    judul: str
    sentimen: str
    tautan: str = ""
    ringkasan: str = ""
    hoaks: bool = False
    tanggapan: str = ""
    status_tanggapan: str | None = None


class PantauanOut(PantauanIn):
    id: int
    ditanggapi: date | None


class TanggapanIn(Schema):
    status_tanggapan: str
    tanggapan: str = ""
    hoaks: bool | None = None
    sentimen: str | None = None


@router.post("/pantauan", response={201: PantauanOut})
def pantauan_catat(request, data: PantauanIn):
    return Status(201, services.pantauan_catat(akun=request.user, **data.dict()))


@router.post("/pantauan/{pantauan_id}/tanggapan", response=PantauanOut)
def pantauan_tanggapi(request, pantauan_id: int, data: TanggapanIn):
    return services.pantauan_tanggapi(akun=request.user, pantauan_id=pantauan_id, **data.dict())


@router.get("/pantauan", response=list[PantauanOut])
def pantauan_daftar(request, periode: str = "bulan", tahun: int = 2024, nomor: int = 1,
                    kantor: str | None = None, hoaks: bool | None = None, status: str = ""):
    return selectors.pantauan_daftar(akun=request.user, kantor_kode=kantor,
                                     periode=selectors.periode_ambil(periode, tahun, nomor),
                                     hoaks=hoaks, status=status)


@router.get("/pantauan/rekap", response=list[dict])
def pantauan_rekap(request, periode: str = "bulan", tahun: int = 2024, nomor: int = 1,
                   kantor: str | None = None):
    return selectors.pantauan_rekap(akun=request.user, kantor_kode=kantor,
                                    periode=selectors.periode_ambil(periode, tahun, nomor))
