from dataclasses import asdict
from datetime import date

from django.db.models import prefetch_related_objects
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from simpul.core.dokumen import XLSX, berkas_respons
from simpul.core.nik import nik_samarkan
from simpul.pemilu.selectors import pemilu_ambil

from .batas import status_batasi
from .selectors import (
    BarisRencana,
    anggota_ambil,
    anggota_daftar,
    dasbor_rekrutmen,
    paw_calon,
    pendaftar_ambil,
    pendaftar_status,
    pendaftar_syarat,
    pendaftar_verifikasi_daftar,
    penempatan_terakhir,
    perpanjangan_daftar,
    rekrutmen_publik,
    rekrutmen_staf,
    rencana_kursi,
    sk_daftar,
)
from .services import (
    anggota_berhenti,
    anggota_jadikan_ketua,
    anggota_partai_impor,
    dokumen_unduh,
    kegiatan_buat,
    kehadiran_catat,
    paw_tetapkan,
    pendaftar_daftar,
    pendaftar_putuskan,
    penempatan_jalankan,
    perpanjangan_tetapkan,
    rencana_ekspor_xlsx,
    riwayat_periode_impor,
    sk_terbitkan,
)

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
    return berkas_respons(rencana_ekspor_xlsx(akun=request.user, pemilu=pemilu, kode=kode),
                          f"rencana-adhoc-{pemilu.pk}.xlsx", XLSX)


_BERKAS = File(None)  # each upload is optional here; the service names what is missing


class PendaftaranIn(Schema):
    kunci_idempoten: str
    nik: str
    nama: str
    jenis_kelamin: str
    tanggal_lahir: date
    alamat: str
    kode_domisili: str
    kode_tugas: str
    pendidikan: str
    telepon: str
    email: str = ""
    pengalaman: str = ""
    periode_sebelumnya: int = 0
    bukan_anggota_partai: bool
    tidak_pernah_dipidana: bool
    melek_it: bool = False


class SyaratOut(Schema):
    syarat: str
    hasil: str
    alasan: str
    bendera: str
    bukti: list


class BerkasOut(Schema):
    jenis: str
    mime: str
    ukuran: int
    sha256: str
    diterima: str


class StatusOut(Schema):
    nomor: str
    nama: str
    nik: str
    rekrutmen: str
    wilayah_tugas: str
    status: str
    alasan_keputusan: str
    syarat: list[SyaratOut]
    berkas: list[BerkasOut]
    dibantu_oleh: dict | None = None
    berkas_kertas_diterima: date | None = None


def _dibantu(p) -> dict | None:
    a = p.dibantu_oleh
    return {"username": a.username, "nama": a.get_full_name() or a.username,
            "peran": a.peran, "wilayah": a.wilayah_id} if a else None


def _status(p) -> dict:
    return {"nomor": p.nomor, "nama": p.nama, "nik": nik_samarkan(p.nik),
            "rekrutmen": p.rekrutmen.nama, "wilayah_tugas": p.wilayah_tugas_id,
            "status": p.status, "alasan_keputusan": p.alasan_keputusan,
            "syarat": p.hasil_syarat, "dibantu_oleh": _dibantu(p),
            "berkas_kertas_diterima": p.berkas_kertas_diterima,
            "berkas": [{"jenis": b.jenis, "mime": b.mime, "ukuran": b.ukuran,
                        "sha256": b.sha256, "diterima": b.diterima.isoformat()}
                       for b in p.berkas.all()]}


@router.post("/rekrutmen/{rekrutmen_id}/pendaftar", auth=None,
             response={200: StatusOut, 201: StatusOut},
             summary="Pendaftaran publik (multipart); kirim ulang dengan kunci yang sama aman")
def daftar(request, rekrutmen_id: int, data: Form[PendaftaranIn],
           ktp: UploadedFile = _BERKAS, ijazah: UploadedFile = _BERKAS,
           surat_sehat: UploadedFile = _BERKAS, surat_pernyataan: UploadedFile = _BERKAS):
    berkas = {j: f.read() for j, f in (("ktp", ktp), ("ijazah", ijazah),
                                       ("surat_sehat", surat_sehat),
                                       ("surat_pernyataan", surat_pernyataan)) if f}
    p, baru = pendaftar_daftar(rekrutmen=rekrutmen_publik(rekrutmen_id=rekrutmen_id),
                               berkas=berkas, **data.dict())
    return Status(201 if baru else 200, _status(p))


class PendaftaranBantuIn(PendaftaranIn):
    berkas_kertas_diterima: date | None = None


@router.post("/rekrutmen/{rekrutmen_id}/pendaftar-dibantu",
             response={200: StatusOut, 201: StatusOut},
             summary="Pendaftaran dibantu petugas KPU Kab/Kota, PPK atau PPS (berkas kertas; "
                     "diaudit)")
def daftar_dibantu(request, rekrutmen_id: int, data: Form[PendaftaranBantuIn],
                   ktp: UploadedFile = _BERKAS, ijazah: UploadedFile = _BERKAS,
                   surat_sehat: UploadedFile = _BERKAS,
                   surat_pernyataan: UploadedFile = _BERKAS):
    berkas = {j: f.read() for j, f in (("ktp", ktp), ("ijazah", ijazah),
                                       ("surat_sehat", surat_sehat),
                                       ("surat_pernyataan", surat_pernyataan)) if f}
    p, baru = pendaftar_daftar(rekrutmen=rekrutmen_staf(akun=request.user,
                                                        rekrutmen_id=rekrutmen_id),
                               berkas=berkas, akun=request.user, **data.dict())
    return Status(201 if baru else 200, _status(p))


@router.get("/pendaftar/status", auth=None, response=StatusOut,
            summary="Status pendaftaran dengan nomor dan tanggal lahir")
def status(request, nomor: str, tanggal_lahir: date):
    status_batasi(klien=request.META.get("REMOTE_ADDR", ""))
    return _status(pendaftar_status(nomor=nomor, tanggal_lahir=tanggal_lahir))


class VerifikasiOut(StatusOut):
    id: int
    nik_lengkap: str


class KeputusanIn(Schema):
    keputusan: str
    alasan: str = ""


def _verifikasi(p, syarat=None) -> dict:
    hasil = syarat if syarat is not None else p.hasil_syarat
    return {**_status(p), "id": p.pk, "nik_lengkap": p.nik,
            "syarat": [asdict(h) if not isinstance(h, dict) else h for h in hasil]}


@router.get("/pendaftar", response=list[StatusOut],
            summary="Pendaftar di wilayah kerja verifikator (NIK disamarkan)")
def pendaftar_daftar_api(request, status: str | None = None):
    daftar = pendaftar_verifikasi_daftar(akun=request.user, status=status)
    prefetch_related_objects(daftar, "berkas")
    return [_status(p) for p in daftar]


@router.get("/pendaftar/{pendaftar_id}", response=VerifikasiOut,
            summary="Satu pendaftar dengan hasil setiap syarat, dihitung ulang")
def pendaftar_satu(request, pendaftar_id: int):
    p = pendaftar_ambil(akun=request.user, pendaftar_id=pendaftar_id)
    return _verifikasi(p, pendaftar_syarat(pendaftar=p))


@router.post("/pendaftar/{pendaftar_id}/keputusan", response=VerifikasiOut,
             summary="Keputusan verifikator: ms atau tms dengan alasan (diaudit)")
def pendaftar_keputusan(request, pendaftar_id: int, data: KeputusanIn):
    return _verifikasi(pendaftar_putuskan(akun=request.user, pendaftar_id=pendaftar_id,
                                          keputusan=data.keputusan, alasan=data.alasan))


class ImporOut(Schema):
    diimpor: int
    sudah_ada: int = 0
    galat: list[dict]


@router.post("/pemilu/{pemilu_id}/anggota-partai", response={201: ImporOut},
             summary="Impor daftar anggota partai (CSV/XLSX: nik, nama, tanggal_lahir, "
                     "partai, keluar) untuk syarat bukan anggota partai (diaudit)")
def anggota_partai_api(request, pemilu_id: int, berkas: UploadedFile = File(...)):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    return Status(201, anggota_partai_impor(akun=request.user, pemilu=pemilu,
                                            data=berkas.read(), nama_berkas=berkas.name or ""))


@router.post("/riwayat-periode", response={201: ImporOut},
             summary="Impor riwayat periode (CSV/XLSX: nik, badan, pemilu, tahun) untuk "
                     "syarat periode (diaudit)")
def riwayat_periode_api(request, berkas: UploadedFile = File(...)):
    return Status(201, riwayat_periode_impor(akun=request.user, data=berkas.read(),
                                             nama_berkas=berkas.name or ""))


class PerpanjanganIn(Schema):
    wilayah: str
    selesai: date
    nomor_keputusan: str
    tanggal_keputusan: date


class PerpanjanganOut(Schema):
    id: int
    wilayah: str
    nama_wilayah: str
    selesai: date
    nomor_keputusan: str
    tanggal_keputusan: date
    berkas_sha256: str
    pendaftar: int
    kebutuhan: int


def _perpanjangan(p) -> dict:
    return {"id": p.pk, "wilayah": p.wilayah_id, "nama_wilayah": p.wilayah.nama,
            "selesai": p.selesai, "nomor_keputusan": p.nomor_keputusan,
            "tanggal_keputusan": p.tanggal_keputusan, "berkas_sha256": p.berkas_sha256,
            "pendaftar": p.pendaftar, "kebutuhan": p.kebutuhan}


@router.post("/rekrutmen/{rekrutmen_id}/perpanjangan", response={201: PerpanjanganOut},
             summary="Perpanjang pendaftaran di satu kecamatan/desa yang pendaftarnya kurang "
                     "dari 2 × kebutuhan, dengan surat keputusannya (multipart; diaudit)")
def perpanjangan_api(request, rekrutmen_id: int, data: Form[PerpanjanganIn],
                     berkas: UploadedFile = File(...)):
    return Status(201, _perpanjangan(perpanjangan_tetapkan(
        akun=request.user, rekrutmen_id=rekrutmen_id, kode_wilayah=data.wilayah,
        selesai=data.selesai, nomor_keputusan=data.nomor_keputusan,
        tanggal_keputusan=data.tanggal_keputusan, berkas=berkas.read(),
        nama_berkas=berkas.name or "")))


@router.get("/rekrutmen/{rekrutmen_id}/perpanjangan", response=list[PerpanjanganOut],
            summary="Perpanjangan pendaftaran per wilayah dengan surat keputusannya")
def perpanjangan_daftar_api(request, rekrutmen_id: int):
    r = rekrutmen_staf(akun=request.user, rekrutmen_id=rekrutmen_id)
    return [_perpanjangan(p) for p in perpanjangan_daftar(rekrutmen=r)]


# --- Members --------------------------------------------------------------------------------

class PenempatanOut(Schema):
    id: int
    rekrutmen_id: int
    waktu: str
    ringkasan: dict
    kekurangan: list[dict]


def _jalan(j) -> dict:
    return {"id": j.pk, "rekrutmen_id": j.rekrutmen_id, "waktu": j.waktu.isoformat(),
            "ringkasan": j.ringkasan, "kekurangan": j.kekurangan}


@router.post("/rekrutmen/{rekrutmen_id}/penempatan", response={201: PenempatanOut},
             summary="Jalankan penempatan ke kursi kosong (diaudit)")
def penempatan(request, rekrutmen_id: int):
    return Status(201, _jalan(penempatan_jalankan(akun=request.user, rekrutmen_id=rekrutmen_id)))


@router.get("/rekrutmen/{rekrutmen_id}/penempatan", response=PenempatanOut | None,
            summary="Penempatan terakhir dengan setiap unit yang tidak terisi penuh")
def penempatan_terakhir_api(request, rekrutmen_id: int):
    j = penempatan_terakhir(rekrutmen=rekrutmen_staf(akun=request.user,
                                                     rekrutmen_id=rekrutmen_id))
    return _jalan(j) if j else None


class AnggotaOut(Schema):
    id: int
    kursi: str
    badan: str
    wilayah: str
    tps_id: int | None
    urut: int
    jabatan: str
    status: str
    pendaftar_nomor: str
    nama: str
    nik: str
    melek_it: bool
    jarak: int
    sk_id: int | None
    menggantikan_id: int | None


def _anggota(a) -> dict:
    return {"id": a.pk, "kursi": a.kursi, "badan": a.badan, "wilayah": a.wilayah_id,
            "tps_id": a.tps_id, "urut": a.urut, "jabatan": a.jabatan, "status": a.status,
            "pendaftar_nomor": a.pendaftar.nomor, "nama": a.pendaftar.nama,
            "nik": nik_samarkan(a.pendaftar.nik), "melek_it": a.pendaftar.melek_it,
            "jarak": a.jarak, "sk_id": a.sk_id, "menggantikan_id": a.menggantikan_id}


@router.get("/rekrutmen/{rekrutmen_id}/anggota", response=list[AnggotaOut],
            summary="Anggota di wilayah kerja (NIK disamarkan); semua=true dengan riwayat")
def anggota_api(request, rekrutmen_id: int, wilayah: str | None = None, semua: bool = False):
    r = rekrutmen_staf(akun=request.user, rekrutmen_id=rekrutmen_id)
    return [_anggota(a) for a in anggota_daftar(akun=request.user, rekrutmen=r, kode=wilayah,
                                                semua=semua)]


@router.post("/anggota/{anggota_id}/ketua", response=AnggotaOut,
             summary="Tetapkan anggota sebagai ketua badannya (diaudit)")
def anggota_ketua(request, anggota_id: int):
    return _anggota(anggota_jadikan_ketua(akun=request.user, anggota_id=anggota_id))


class SKIn(Schema):
    nomor: str
    tanggal: date
    wilayah: str | None = None
    perihal: str = ""


class SKOut(Schema):
    id: int
    nomor: str
    tanggal: date
    jenis: str
    perihal: str
    wilayah: str
    anggota: int


def _sk(sk) -> dict:
    # A list from `sk_daftar` carries the count; one new decree is counted here.
    jumlah = sk.jumlah if hasattr(sk, "jumlah") else sk.anggota.count()
    return {"id": sk.pk, "nomor": sk.nomor, "tanggal": sk.tanggal, "jenis": sk.jenis,
            "perihal": sk.perihal, "wilayah": sk.wilayah_id, "anggota": jumlah}


@router.post("/rekrutmen/{rekrutmen_id}/sk", response={201: SKOut},
             summary="Terbitkan SK untuk anggota aktif yang belum ber-SK (diaudit)")
def sk_terbit_api(request, rekrutmen_id: int, data: SKIn):
    return Status(201, _sk(sk_terbitkan(akun=request.user, rekrutmen_id=rekrutmen_id,
                                        nomor=data.nomor, tanggal=data.tanggal,
                                        kode_wilayah=data.wilayah, perihal=data.perihal)))


@router.get("/rekrutmen/{rekrutmen_id}/sk", response=list[SKOut], summary="SK rekrutmen")
def sk_daftar_api(request, rekrutmen_id: int):
    r = rekrutmen_staf(akun=request.user, rekrutmen_id=rekrutmen_id)
    return [_sk(s) for s in sk_daftar(akun=request.user, rekrutmen=r)]


@router.get("/dokumen/{jenis}", summary="Unduh SK, berita acara sumpah, pakta integritas atau "
            "sertifikat (docx/pdf; diaudit)")
def dokumen_api(request, jenis: str, format: str = "pdf", sk: int | None = None,
                kegiatan: int | None = None, anggota: int | None = None):
    isi, nama, mime = dokumen_unduh(akun=request.user, jenis=jenis, format=format, sk_id=sk,
                                    kegiatan_id=kegiatan, anggota_id=anggota)
    return berkas_respons(isi, nama, mime)


class KegiatanIn(Schema):
    jenis: str
    nama: str
    tanggal: date
    tempat: str
    wilayah: str | None = None
    agenda: str = ""
    sk_id: int | None = None


class KegiatanOut(Schema):
    id: int
    jenis: str
    nama: str
    tanggal: date
    tempat: str
    wilayah: str
    agenda: list[str]
    sk_id: int | None


def _kegiatan(k) -> dict:
    return {"id": k.pk, "jenis": k.jenis, "nama": k.nama, "tanggal": k.tanggal,
            "tempat": k.tempat, "wilayah": k.wilayah_id, "agenda": k.butir_agenda,
            "sk_id": k.sk_id}


@router.post("/rekrutmen/{rekrutmen_id}/kegiatan", response={201: KegiatanOut},
             summary="Pelantikan atau bimtek baru (diaudit)")
def kegiatan_api(request, rekrutmen_id: int, data: KegiatanIn):
    k = kegiatan_buat(akun=request.user, rekrutmen_id=rekrutmen_id, jenis=data.jenis,
                      nama=data.nama, tanggal=data.tanggal, tempat=data.tempat,
                      kode_wilayah=data.wilayah, agenda=data.agenda, sk_id=data.sk_id)
    return Status(201, _kegiatan(k))


class KehadiranIn(Schema):
    kode_hadir: str | None = None
    anggota_id: int | None = None


class KehadiranOut(Schema):
    kegiatan_id: int
    anggota_id: int
    cara: str
    waktu: str


@router.post("/kegiatan/{kegiatan_id}/kehadiran", response={200: KehadiranOut,
                                                            201: KehadiranOut},
             summary="Catat hadir dari kode QR atau daftar; ulangan aman (200)")
def kehadiran_api(request, kegiatan_id: int, data: KehadiranIn):
    h, baru = kehadiran_catat(akun=request.user, kegiatan_id=kegiatan_id,
                              kode_hadir=data.kode_hadir, anggota_id=data.anggota_id)
    return Status(201 if baru else 200, {"kegiatan_id": h.kegiatan_id, "anggota_id": h.anggota_id,
                                         "cara": h.cara, "waktu": h.waktu.isoformat()})


class CalonOut(Schema):
    pendaftar_id: int
    nomor: str
    rumah: str
    melek_it: bool


@router.get("/anggota/{anggota_id}/pengganti", response=list[CalonOut],
            summary="Usulan pengganti antarwaktu, terbaik dulu")
def pengganti_api(request, anggota_id: int):
    a = anggota_ambil(akun=request.user, anggota_id=anggota_id)
    return [{"pendaftar_id": c.pendaftar_id, "nomor": c.nomor, "rumah": c.rumah,
             "melek_it": c.melek_it} for c in paw_calon(akun=request.user, anggota=a)]


@router.post("/anggota/{anggota_id}/berhenti", response=AnggotaOut,
             summary="Catat anggota berhenti dengan alasan, tanggal dan bukti (diaudit)")
def berhenti_api(request, anggota_id: int, alasan: Form[str], tanggal: Form[date],
                 bukti: UploadedFile = _BERKAS):
    return _anggota(anggota_berhenti(akun=request.user, anggota_id=anggota_id, alasan=alasan,
                                     tanggal=tanggal, bukti=bukti.read() if bukti else b""))


class PAWIn(Schema):
    pengganti_id: int
    nomor_sk: str
    tanggal_sk: date


@router.post("/anggota/{anggota_id}/paw", response={201: AnggotaOut},
             summary="Tetapkan pengganti antarwaktu dan terbitkan SK PAW (diaudit)")
def paw_api(request, anggota_id: int, data: PAWIn):
    return Status(201, _anggota(paw_tetapkan(akun=request.user, anggota_id=anggota_id,
                                             pengganti_id=data.pengganti_id,
                                             nomor_sk=data.nomor_sk,
                                             tanggal_sk=data.tanggal_sk)))


class BarisDasborOut(Schema):
    kode: str
    nama: str
    kebutuhan: int
    dua_kali: int
    pendaftar: int
    diajukan: int
    ms: int
    tms: int
    terisi: int
    persen_terisi: int
    kurang_pendaftar: bool


def _dasbor(b) -> dict:
    return {**{k: getattr(b, k) for k in BarisDasborOut.model_fields}}


@router.get("/rekrutmen/{rekrutmen_id}/dasbor", response=dict,
            summary="Keterisian dan pendaftar terhadap 2 × kebutuhan per kecamatan/desa")
def dasbor_api(request, rekrutmen_id: int, wilayah: str | None = None):
    r = rekrutmen_staf(akun=request.user, rekrutmen_id=rekrutmen_id)
    d = dasbor_rekrutmen(akun=request.user, rekrutmen=r, kode=wilayah)
    return {"wilayah": d.wilayah.kode, "total": _dasbor(d.total),
            "baris": [_dasbor(b) for b in d.baris]}
