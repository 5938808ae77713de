import json
from datetime import date, datetime

from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from simpul.core.dokumen import CSV, berkas_respons
from simpul.core.errors import DataTidakValid
from simpul.pemilu.selectors import pemilu_ambil

from .errors import KodePemilih
from .models import ImporPemilih, Sumber
from .selectors import impor_ambil
from .services import impor_mulai, impor_temuan_ekspor

router = Router(tags=["pemilih"])


class ImporOut(Schema):
    id: int
    pemilu_id: int
    nama_berkas: str
    sha256: str
    status: str
    status_label: str
    tahap: str
    persen: int
    jumlah_baris: int
    diproses: int
    dibuat: int
    diubah: int
    tetap: int
    galat: int
    peringatan: int
    kode_galat: str
    pesan: str

    @staticmethod
    def dari(i: ImporPemilih) -> dict:
        return {"id": i.pk, "pemilu_id": i.pemilu_id, "nama_berkas": i.nama_berkas,
                "sha256": i.sha256, "status": i.status, "status_label": i.get_status_display(),
                "tahap": i.tahap, "persen": i.persen, "jumlah_baris": i.jumlah_baris,
                "diproses": i.diproses, "dibuat": i.dibuat_jumlah, "diubah": i.diubah_jumlah,
                "tetap": i.tetap_jumlah, "galat": i.galat_jumlah,
                "peringatan": i.peringatan_jumlah, "kode_galat": i.kode_galat, "pesan": i.pesan}


@router.post("/impor", response={202: ImporOut}, url_name="pemilih_impor",
             summary="Unggah DP4/daftar pemilih (CSV/XLSX); diproses di latar belakang")
def impor(request, pemilu_id: int = Form(...), sumber: str = Form(Sumber.DP4),
          berkas: UploadedFile = File(...)):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    job = impor_mulai(akun=request.user, pemilu=pemilu, data=berkas.read(),
                      nama_berkas=berkas.name or "", sumber=sumber)
    return Status(202, ImporOut.dari(job))


@router.get("/impor/{impor_id}", response=ImporOut, url_name="pemilih_impor_status",
            summary="Kemajuan dan hasil satu impor")
def impor_status(request, impor_id: int):
    return ImporOut.dari(impor_ambil(akun=request.user, impor_id=impor_id))


@router.get("/impor/{impor_id}/temuan", url_name="pemilih_impor_temuan",
            summary="Laporan baris salah dan peringatan (CSV)")
def impor_temuan(request, impor_id: int):
    return berkas_respons(impor_temuan_ekspor(akun=request.user, impor_id=impor_id),
                          f"temuan-impor-{impor_id}.csv", CSV)


class CekIn(Schema):
    nik: str
    nama: str = ""


class CekOut(Schema):
    nama: str
    nik: str
    pemilu: str
    tanggal_pemungutan: date
    tps: str | None
    alamat_tps: str | None
    desa: str
    kecamatan: str | None
    kabupaten_kota: str | None
    sumber: str
    sha256: str | None
    ditetapkan: datetime | None
    koreksi_tertunda: bool
    pindah_ke: str | None


class CekHasilOut(Schema):
    ditemukan: bool
    hasil: list[CekOut]


@router.post("/cek", auth=None, response=CekHasilOut, url_name="pemilih_cek",
             summary="Cek DPT publik: NIK 16 angka (dan nama), jawaban disamarkan")
def cek(request, data: CekIn):
    from .cek import cek_dpt_aman, klien_dari

    hasil = cek_dpt_aman(nik=data.nik, nama=data.nama.strip(), klien=klien_dari(request),
                    akun=request.user if request.user.is_authenticated else None)
    return {"ditemukan": bool(hasil), "hasil": hasil}


class CoklitPemilihOut(Schema):
    id: int
    versi: int
    nik: str
    nkk: str
    nama: str
    tanggal_lahir: date
    jenis_kelamin: str
    alamat: str
    rt: str
    rw: str
    coklit: str
    status: str
    kategori_tms: str | None
    stiker: bool

    @staticmethod
    def dari(p) -> dict:
        return {"id": p.pk, "versi": p.versi, "nik": p.nik, "nkk": p.nkk, "nama": p.nama,
                "tanggal_lahir": p.tanggal_lahir, "jenis_kelamin": p.jenis_kelamin,
                "alamat": p.alamat, "rt": p.rt, "rw": p.rw, "coklit": p.coklit,
                "status": p.status, "stiker": p.stiker,
                "kategori_tms": p.kategori_tms.kode if p.kategori_tms_id else None}


class CoklitIn(Schema):
    versi: int
    hasil: str
    kunci: str = ""
    kategori: str | None = None
    perubahan: dict = {}
    stiker: bool = False
    alasan: str = ""


class CoklitSimpanOut(Schema):
    diulang: bool
    pemilih: CoklitPemilihOut


class KemajuanOut(Schema):
    kunci: str | int | None
    nama: str
    jumlah: int
    ms: int
    tms: int
    belum: int
    stiker: int
    persen: float


@router.get("/coklit", response=list[CoklitPemilihOut], url_name="coklit_daftar",
            summary="Pemilih di TPS Pantarlih (untuk coklit)")
def coklit_daftar_api(request):
    from .selectors import coklit_daftar

    return [CoklitPemilihOut.dari(p) for p in coklit_daftar(akun=request.user)]


@router.get("/coklit/kemajuan", response=list[KemajuanOut], url_name="coklit_kemajuan",
            summary="Kemajuan coklit per TPS, desa atau kecamatan")
def coklit_kemajuan_api(request, pemilu_id: int, tingkat: str = "desa"):
    from .selectors import coklit_kemajuan

    return coklit_kemajuan(akun=request.user, tingkat=tingkat,
                           pemilu=pemilu_ambil(akun=request.user, pemilu_id=pemilu_id))


@router.post("/{pemilih_id}/coklit", response=CoklitSimpanOut, url_name="coklit_simpan",
             summary="Simpan hasil coklit (MS/TMS); kunci idempoten di body atau header "
                     "Idempotency-Key")
def coklit_simpan_api(request, pemilih_id: int, data: CoklitIn):
    from .services import coklit_simpan

    hasil = coklit_simpan(akun=request.user, pemilih_id=pemilih_id, versi=data.versi,
                          kunci=data.kunci or request.headers.get("Idempotency-Key", ""),
                          hasil=data.hasil, kategori=data.kategori, perubahan=data.perubahan,
                          stiker=data.stiker, alasan=data.alasan)
    return {"diulang": hasil.diulang, "pemilih": CoklitPemilihOut.dari(hasil.pemilih)}


class RiwayatOut(Schema):
    waktu: datetime
    aksi: str
    versi: int | None
    oleh: str
    sebelum: dict | None
    sesudah: dict | None
    alasan: str


@router.get("/{pemilih_id}/riwayat", response=list[RiwayatOut], url_name="pemilih_riwayat",
            summary="Riwayat setiap perubahan data pemilih, terlama dahulu (NIK/NKK disamarkan)")
def pemilih_riwayat_api(request, pemilih_id: int):
    from .selectors import pemilih_riwayat
    from .services import nilai_samarkan

    return [{"waktu": r.waktu, "aksi": r.aksi, "versi": r.versi, "oleh": r.akun_username,
             "sebelum": nilai_samarkan(r.sebelum), "sesudah": nilai_samarkan(r.sesudah),
             "alasan": r.alasan}
            for r in pemilih_riwayat(akun=request.user, pemilih_id=pemilih_id)]


class LaporanPerangkatOut(Schema):
    id: int
    diterima: datetime
    jumlah: int
    di_server: int


@router.post("/coklit/laporan-perangkat", response={201: LaporanPerangkatOut},
             url_name="coklit_laporan_perangkat",
             summary="Laporan perangkat Pantarlih: setiap simpanan coklit yang dibuatnya")
def coklit_laporan_perangkat(request):
    """Body (JSON): `{perangkat: UUID, tps_id, waktu: ISO 8601, catatan: [{kunci, jenis:
    "coklit"|"baru", pemilih: id|null, waktu, status: "terkirim"|"antre"|"ditolak"|"hilang",
    nama: (pemilih baru)}]}`. Read by hand rather than by a schema so that any malformed
    report gets `coklit.laporan_tidak_valid` with the list of what is wrong."""
    from .rekonsiliasi import laporan_perangkat_catat

    try:
        data = json.loads(request.body or b"null")
    except ValueError:
        raise DataTidakValid("Laporan perangkat harus JSON.",
                             code=KodePemilih.LAPORAN_TIDAK_VALID) from None
    lap, di_server = laporan_perangkat_catat(akun=request.user, data=data)
    return Status(201, {"id": lap.pk, "diterima": lap.diterima, "jumlah": lap.jumlah,
                        "di_server": di_server})


class PerangkatOut(Schema):
    akun: str
    perangkat: str
    diterima: datetime
    jumlah: int
    di_server: int
    selisih: int


class BelumDiServerOut(Schema):
    kunci: str
    jenis: str
    status: str
    waktu: datetime
    nama: str
    petugas: str
    perangkat: str


class BelumDicoklitOut(Schema):
    id: int
    nama: str
    rt: str
    rw: str


class RekonsiliasiOut(Schema):
    tps_id: int
    kemajuan: dict[str, int]
    jumlah_perangkat: int
    jumlah_server: int
    perangkat: list[PerangkatOut]
    belum_sampai: list[BelumDiServerOut]
    masih_antre: list[BelumDiServerOut]
    tanpa_laporan: dict[str, int]
    belum_dicoklit: list[BelumDicoklitOut]


@router.get("/coklit/rekonsiliasi", response=RekonsiliasiOut, url_name="coklit_rekonsiliasi",
            summary="Rekonsiliasi coklit satu TPS: perangkat lawan server (nama disamarkan)")
def coklit_rekonsiliasi_api(request, tps_id: int):
    from .rekonsiliasi import rekonsiliasi_tps

    r = rekonsiliasi_tps(akun=request.user, tps_id=tps_id)
    hasil = r["hasil"]
    return {"tps_id": r["tps"].pk, "kemajuan": r["kemajuan"],
            "jumlah_perangkat": hasil.jumlah_perangkat, "jumlah_server": hasil.jumlah_server,
            "perangkat": [{"akun": b.laporan.akun.username, "perangkat": str(b.laporan.perangkat),
                           "diterima": b.laporan.diterima, "jumlah": b.jumlah,
                           "di_server": b.di_server, "selisih": b.selisih}
                          for b in hasil.perangkat],
            "belum_sampai": r["belum_sampai"], "masih_antre": r["masih_antre"],
            "tanpa_laporan": dict(r["tanpa_laporan"]), "belum_dicoklit": r["belum_dicoklit"]}


# --- TPS mapping ---------------------------------------------------------------------------
class PemetaanIn(Schema):
    pemilu_id: int
    wilayah_kode: str | None = None


class PemetaanOut(Schema):
    id: int
    status: str
    tahap: str
    persen: int
    kode_galat: str
    pesan: str
    wilayah_kode: str
    maks: int
    jumlah_pemilih: int
    jumlah_tps: int
    pindah: int
    tps_baru: list[str]
    tps_kosong: list[str]
    temuan: list[dict]
    detik: float

    @staticmethod
    def dari(run) -> dict:
        from .services_pemetaan import pemetaan_fase

        status, tahap, persen = pemetaan_fase(run)
        return {**{k: getattr(run, k) for k in (
            "kode_galat", "pesan", "wilayah_kode", "maks", "jumlah_pemilih",
            "jumlah_tps", "pindah", "tps_baru", "tps_kosong", "temuan", "detik")},
            "id": run.pk, "status": status, "tahap": tahap, "persen": persen}


class RincianOut(Schema):
    tps_id: int
    desa: str
    nomor: int
    jumlah_pemilih: int
    jumlah_kk: int
    rentang: list[dict]
    alasan: str


@router.post("/pemetaan", response={202: PemetaanOut}, url_name="pemilih_pemetaan",
             summary="Antrekan pemetaan pemilih aktif ke TPS (batas per TPS, KK utuh, satu desa)")
def pemetaan_api(request, data: PemetaanIn):
    from .services_pemetaan import pemetaan_mulai

    pemilu = pemilu_ambil(akun=request.user, pemilu_id=data.pemilu_id)
    run = pemetaan_mulai(akun=request.user, pemilu=pemilu, wilayah_kode=data.wilayah_kode)
    return Status(202, PemetaanOut.dari(run))


@router.get("/pemetaan/{int:pemetaan_id}", response=PemetaanOut, url_name="pemilih_pemetaan_status",
            summary="Status dan hasil satu pemetaan TPS")
def pemetaan_status_api(request, pemetaan_id: int):
    from .selectors import pemetaan_ambil

    return PemetaanOut.dari(pemetaan_ambil(akun=request.user, pemetaan_id=pemetaan_id))


@router.get("/pemetaan/terakhir", response=list[RincianOut], url_name="pemilih_pemetaan_rincian",
            summary="Alasan setiap TPS pada pemetaan terakhir")
def pemetaan_rincian_api(request, pemilu_id: int):
    from simpul.core.errors import TidakDitemukan

    from .selectors import pemetaan_rincian, pemetaan_terakhir

    run = pemetaan_terakhir(akun=request.user,
                            pemilu=pemilu_ambil(akun=request.user, pemilu_id=pemilu_id))
    if run is None:
        raise TidakDitemukan("Belum ada pemetaan untuk pemilu ini.")
    return [{"tps_id": r.tps_id, "desa": r.tps.desa_id, "nomor": r.tps.nomor,
             "jumlah_pemilih": r.jumlah_pemilih, "jumlah_kk": r.jumlah_kk,
             "rentang": r.rentang, "alasan": r.alasan}
            for r in pemetaan_rincian(akun=request.user, pemetaan=run)]


class PindahIn(Schema):
    pemilih_id: int
    tps_id: int
    anggota_ids: list[int] | None = None
    simpan: bool = False
    alasan: str = ""


class CekPindahOut(Schema):
    kode: str
    pesan: str
    galat: bool


class PindahOut(Schema):
    disimpan: bool
    boleh: bool
    pemilih: list[int]
    tps_asal: int | None
    tps_tujuan: int
    cek: list[CekPindahOut]


@router.post("/pemetaan/pindah", response=PindahOut, url_name="pemilih_pemetaan_pindah",
             summary="Pindah satu keluarga ke TPS lain: cek batas, KK, desa; simpan=true "
                     "untuk menyimpan")
def pemetaan_pindah_api(request, data: PindahIn):
    from .services_pemetaan import pemetaan_pindah

    h = pemetaan_pindah(akun=request.user, pemilih_id=data.pemilih_id, tps_id=data.tps_id,
                        anggota_ids=data.anggota_ids, simpan=data.simpan, alasan=data.alasan)
    return {"disimpan": h.disimpan, "boleh": h.boleh, "pemilih": [a.pk for a in h.anggota],
            "tps_asal": h.tps_asal.pk if h.tps_asal else None, "tps_tujuan": h.tps_tujuan.pk,
            "cek": h.cek}


# --- stages ----------------------------------------------------------------------------------
class TahapIn(Schema):
    pemilu_id: int
    wilayah_kode: str
    tahap: str = ""


class SalinanOut(Schema):
    id: int
    pemilu_id: int
    wilayah_kode: str
    tahap: str
    versi: int
    sha256: str
    jumlah: int
    jumlah_l: int
    jumlah_p: int
    jumlah_tps: int
    dibuat: datetime


@router.post("/tahap/kunci", url_name="pemilih_tahap_kunci",
             summary="Kunci daftar pemilih wilayah sebelum pleno penetapan tahap")
def tahap_kunci_api(request, data: TahapIn):
    from .services_tahap import tahap_kunci

    k = tahap_kunci(akun=request.user, wilayah_kode=data.wilayah_kode, tahap=data.tahap,
                    pemilu=pemilu_ambil(akun=request.user, pemilu_id=data.pemilu_id))
    return {"id": k.pk, "tahap": k.tahap, "wilayah_kode": k.wilayah_kode}


@router.post("/tahap/tetapkan", response=SalinanOut, url_name="pemilih_tahap_tetapkan",
             summary="Tetapkan tahap terkunci: salinan tetap + SHA-256; koreksi tertunda "
                     "diterapkan")
def tahap_tetapkan_api(request, data: TahapIn):
    from .services_tahap import tahap_tetapkan

    return tahap_tetapkan(akun=request.user, wilayah_kode=data.wilayah_kode,
                          pemilu=pemilu_ambil(akun=request.user, pemilu_id=data.pemilu_id))


class KoreksiIn(Schema):
    pemilih_id: int
    jenis: str
    kategori: str | None = None
    perubahan: dict | None = None
    alasan: str = ""


@router.post("/koreksi", url_name="pemilih_koreksi",
             summary="Ajukan koreksi saat daftar terkunci (tertunda sampai tahap berikutnya)")
def koreksi_api(request, data: KoreksiIn):
    from .services_tahap import koreksi_ajukan

    k = koreksi_ajukan(akun=request.user, pemilih_id=data.pemilih_id, jenis=data.jenis,
                       kategori=data.kategori, perubahan=data.perubahan, alasan=data.alasan)
    return {"id": k.pk, "status": k.status, "kunci_id": k.kunci_id}


class TanggapanIn(Schema):
    salinan_id: int
    kode_desa: str
    jenis: str
    pelapor: str
    isi: str
    kontak: str = ""
    pemilih_id: int | None = None
    nik: str = ""


@router.post("/tanggapan", url_name="pemilih_tanggapan", summary="Catat tanggapan masyarakat")
def tanggapan_api(request, data: TanggapanIn):
    from .services_tahap import tanggapan_catat

    t = tanggapan_catat(akun=request.user, **data.dict())
    return {"id": t.pk, "status": t.status}


class EntriDptbIn(Schema):
    kunci: str = Field(..., description="Dibuat perangkat sekali per entri (8–100 karakter); "
                                        "kirim ulang dengan kunci yang sama aman.")
    nik: str
    tps_tujuan_id: int | None = None
    kode_desa_tujuan: str = ""
    tps_tujuan: int | None = Field(None, description="Nomor TPS tujuan di desa tujuan.")
    alasan: str
    nomor_surat: str = ""
    tanggal_surat: date | None = None
    waktu_perangkat: datetime | None = Field(None, description="Jam perangkat (keterangan; "
                                                               "yang dihitung jam server).")


class DptbKirimIn(Schema):
    pemilu_id: int
    entri: list[EntriDptbIn]


class KirimanOut(Schema):
    id: int
    sumber: str
    diterima: datetime
    status: str
    jumlah: int
    ulang: int
    ditolak_bentuk: int
    antre: int
    dicatat: int
    ditolak: int
    selesai: datetime | None
    nama_berkas: str


@router.post("/dptb/kirim", response={202: dict}, url_name="pemilih_dptb_kirim",
             summary="Kirim entri pindah memilih (DPTb): diterima dengan jam server, lalu "
                     "diputuskan; kirim ulang dengan kunci yang sama tidak tercatat dua kali")
def dptb_kirim_api(request, data: DptbKirimIn):
    from .models import SumberDPTb
    from .services_dptb import dptb_terima, kiriman_ringkas

    k, hasil = dptb_terima(akun=request.user, pemilu_id=data.pemilu_id,
                           isian=[e.dict() for e in data.entri],
                           sumber=SumberDPTb.API)
    return Status(202, {"kiriman": kiriman_ringkas(k), "hasil": hasil})


@router.post("/dptb/impor", response={202: KirimanOut}, url_name="pemilih_dptb_impor",
             summary="Unggah entri DPTb (CSV/XLSX: nik, kode_desa_tujuan, tps_tujuan, alasan, "
                     "nomor_surat, tanggal_surat)")
def dptb_impor_api(request, pemilu_id: int = Form(...), berkas: UploadedFile = File(...)):
    from .services_dptb import dptb_impor, kiriman_ringkas

    k = dptb_impor(akun=request.user, pemilu_id=pemilu_id, data=berkas.read(),
                   nama_berkas=berkas.name or "")
    return Status(202, kiriman_ringkas(k))


@router.get("/dptb/kiriman/{kiriman_id}", url_name="pemilih_dptb_kiriman",
            summary="Kemajuan satu kiriman DPTb dan hasil tiap entri")
def dptb_kiriman_api(request, kiriman_id: int):
    from .services_dptb import kiriman_ambil, kiriman_ringkas

    k = kiriman_ambil(akun=request.user, kiriman_id=kiriman_id)
    return {"kiriman": kiriman_ringkas(k),
            "entri": [{"kunci": e.kunci, "baris": e.baris, "status": e.status, "kode": e.kode,
                       "pesan": e.pesan, "diterima": e.diterima, "diproses": e.diproses}
                      for e in k.entri.order_by("pk")],
            "temuan": k.temuan}


@router.get("/dptb/kiriman/{kiriman_id}/temuan", url_name="pemilih_dptb_temuan",
            summary="Baris yang tidak tercatat, dengan alasannya (CSV)")
def dptb_temuan_api(request, kiriman_id: int):
    from .services_dptb import kiriman_temuan_ekspor

    return berkas_respons(kiriman_temuan_ekspor(akun=request.user, kiriman_id=kiriman_id),
                          f"temuan-dptb-{kiriman_id}.csv", CSV)


class DpkIn(Schema):
    tps_id: int
    nik: str
    nama: str
    tanggal_lahir: date
    jenis_kelamin: str
    status_kawin: str = ""
    nkk: str = ""
    alamat: str = ""
    rt: str = ""
    rw: str = ""


@router.post("/dpk", url_name="pemilih_dpk", summary="Catat pemilih khusus (DPK)")
def dpk_api(request, data: DpkIn):
    from .services_tahap import dpk_catat

    d = dpk_catat(akun=request.user, **data.dict())
    return {"id": d.pk, "tps_id": d.tps_id}


@router.get("/salinan/{salinan_id}/rekap", url_name="pemilih_salinan_rekap",
            summary="Rekap per TPS/desa/kecamatan/kabupaten menurut jenis kelamin (xlsx/pdf)")
def salinan_rekap_api(request, salinan_id: int, tingkat: str = "desa", format: str = "xlsx"):
    from .services_tahap import rekap_ekspor

    return berkas_respons(*rekap_ekspor(akun=request.user, salinan_id=salinan_id,
                                        tingkat=tingkat, format=format))


@router.get("/salinan/{salinan_id}/tps/{tps_id}", url_name="pemilih_salinan_dps",
            summary="Daftar satu TPS dari salinan tetap (NIK/KK disamarkan; xlsx/pdf)")
def salinan_dps_api(request, salinan_id: int, tps_id: int, format: str = "pdf"):
    from .services_tahap import dps_ekspor

    return berkas_respons(*dps_ekspor(akun=request.user, salinan_id=salinan_id, tps_id=tps_id,
                                      format=format))


# --- data quality and Bawaslu suggestions ----------------------------------------------------
class MutuIn(Schema):
    pemilu_id: int
    wilayah_kode: str | None = None


class MutuOut(Schema):
    id: int
    wilayah_kode: str
    tahap: str
    jumlah_pemilih: int
    temuan: list[dict]
    dibuat: datetime


@router.post("/mutu", response=MutuOut, url_name="pemilih_mutu",
             summary="Periksa mutu data (temuan bernama: RT/RW 000, struktur NIK, usia, ...)")
def mutu_api(request, data: MutuIn):
    from .services_mutu import mutu_periksa

    return mutu_periksa(akun=request.user, wilayah_kode=data.wilayah_kode,
                        pemilu=pemilu_ambil(akun=request.user, pemilu_id=data.pemilu_id))


class SaranIn(Schema):
    pemilu_id: int
    kode_wilayah: str
    nomor_surat: str
    tanggal_surat: date
    jenis: str
    isi: str
    pemilih_id: int | None = None


class SaranStatusIn(Schema):
    status: str
    alasan: str = ""


@router.post("/saran-bawaslu", url_name="pemilih_saran", summary="Catat saran perbaikan Bawaslu")
def saran_api(request, data: SaranIn):
    from .services_mutu import saran_catat

    d = data.dict()
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=d.pop("pemilu_id"))
    s = saran_catat(akun=request.user, pemilu=pemilu, **d)
    return {"id": s.pk, "status": s.status}


@router.post("/saran-bawaslu/{saran_id}/status", url_name="pemilih_saran_status",
             summary="Tindak lanjut saran Bawaslu: diproses, selesai atau ditolak (dengan alasan)")
def saran_status_api(request, saran_id: int, data: SaranStatusIn):
    from .services_mutu import saran_tindak_lanjut

    s = saran_tindak_lanjut(akun=request.user, saran_id=saran_id, status=data.status,
                            alasan=data.alasan)
    return {"id": s.pk, "status": s.status, "alasan": s.alasan}
