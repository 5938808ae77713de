"""Stages of the voter list: lock before a plenary, fix the stage as an immutable copy
with its SHA-256, apply the corrections queued during the lock; public responses; DPTb and
DPK; exports of the DPS per TPS and of the recaps. Every change and export is audited."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.dokumen import PDF, XLSX, pdf_render, tanggal_teks
from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_KPU
from simpul.core.scope import Cakupan, di_bawah, q_subpohon
from simpul.core.tabel import tulis_xlsx
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.models import Wilayah

from .cek import KUNCI_SALINAN
from .errors import KodePemilih
from .kunci import TahapTerkunci, daftar_tunggu_penulis, kunci_aktif
from .models import (
    JenisTanggapan,
    KoreksiTertunda,
    KunciTahap,
    Pemilih,
    PemilihKhusus,
    PindahMemilih,
    SalinanDaftar,
    SalinanPemilih,
    StatusKoreksi,
    StatusPemilih,
    StatusTanggapan,
    Tahap,
    Tanggapan,
)
from .rules import (
    KOLOM_SALINAN,
    cukup_umur,
    nik_cek_periksa,
    salinan_sidik,
    tahap_boleh_ditetapkan,
    usia_pada,
)
from .services import (
    _kecamatan_ada,
    _wajib_boleh_ubah,
    _wajib_pemilu,
    kategori_tms_ambil,
    pemilih_tandai_ms,
    pemilih_tandai_tms,
    pemilih_ubah,
)

PESAN_KPU = "Hanya KPU di wilayah ini yang dapat menetapkan daftar pemilih."


def _wajib_kpu(akun, pemilu: Pemilu, kode: str) -> Cakupan:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, PESAN_KPU)
    _wajib_pemilu(cakupan, pemilu.pk)
    cakupan.wajib_mengelola(kode, PESAN_KPU)
    if not di_bawah(kode, pemilu.cakupan_id):
        raise DataTidakValid(f"{kode} di luar cakupan {pemilu.nama}.",
                             code=KodePemilih.DI_LUAR_WILAYAH)
    return cakupan


def _salinan_terakhir(pemilu_id: int, kode: str) -> SalinanDaftar | None:
    return (SalinanDaftar.objects.filter(pemilu_id=pemilu_id, wilayah_kode=kode)
            .exclude(sha256="").order_by("-dibuat", "-pk").first())


# --- lock and fix -------------------------------------------------------------------------
def tahap_kunci(*, akun, pemilu: Pemilu, wilayah_kode: str, tahap: str) -> KunciTahap:
    """Lock the list of a territory before the plenary that fixes `tahap`. The stage must
    be next in order (RULES.md §4)."""
    _wajib_kpu(akun, pemilu, wilayah_kode)
    terakhir = _salinan_terakhir(pemilu.pk, wilayah_kode)
    if not tahap_boleh_ditetapkan(tahap, terakhir.tahap if terakhir else None):
        raise DataTidakValid(
            f"Tahap {tahap} tidak dapat ditetapkan sesudah "
            f"{terakhir.label if terakhir else 'belum ada tahap'}; urutannya DPS → DPSHP → "
            "DPSHP Akhir → DPT.", code=KodePemilih.TAHAP_URUTAN_SALAH)
    with transaction.atomic():
        daftar_tunggu_penulis(pemilu.pk)
        ada = kunci_aktif(pemilu_id=pemilu.pk, kode=wilayah_kode, termasuk_bawah=True)
        if ada is not None:
            raise TahapTerkunci(ada)
        kunci = KunciTahap.objects.create(pemilu=pemilu, wilayah_kode=wilayah_kode,
                                          tahap=tahap, akun=akun)
        audit_catat(akun=akun, aksi="pemilih.tahap_kunci", objek=kunci,
                    wilayah_kode=wilayah_kode, sesudah={"pemilu": pemilu.pk, "tahap": tahap})
    # The findings the plenary looks at, recorded as they stand at the lock.
    from .services_mutu import mutu_periksa

    mutu_periksa(akun=akun, pemilu=pemilu, wilayah_kode=wilayah_kode, tahap=tahap)
    return kunci


def _salin(salinan: SalinanDaftar, pemilu: Pemilu, kode: str) -> None:
    kolom = ", ".join(KOLOM_SALINAN)
    pilih = ", ".join("t.nomor" if k == "tps_nomor" else f"p.{k}" for k in KOLOM_SALINAN)
    with connection.cursor() as c:
        c.execute(f"""
            INSERT INTO pemilih_salinanpemilih (salinan_id, pemilih_id, tps_id, {kolom})
            SELECT %s, p.id, p.tps_id, {pilih}
            FROM pemilih_pemilih p LEFT JOIN pemilu_tps t ON t.id = p.tps_id
            WHERE p.pemilu_id = %s AND p.status = 'aktif'
              AND (p.desa_id = %s OR p.desa_id LIKE %s)
            ORDER BY p.desa_id, t.nomor, p.nik""", [salinan.pk, pemilu.pk, kode, kode + ".%"])


def salinan_hitung_sidik(salinan: SalinanDaftar) -> str:
    """The hash of a copy recomputed from its rows (to verify it, or to seal it)."""
    baris = (SalinanPemilih.objects.filter(salinan=salinan)
             .order_by("desa_id", "tps_nomor", "nik").values_list(*KOLOM_SALINAN)
             .iterator(chunk_size=20_000))
    return salinan_sidik(baris)


def salinan_verifikasi(*, salinan: SalinanDaftar) -> bool:
    return salinan_hitung_sidik(salinan) == salinan.sha256


def tahap_tetapkan(*, akun, pemilu: Pemilu, wilayah_kode: str) -> SalinanDaftar:
    """Fix the locked stage: copy the eligible voters of the territory as they stand into
    an immutable list with its SHA-256, lift the lock, then apply the corrections queued
    during it, each through the normal services (history and audit), in order."""
    _wajib_kpu(akun, pemilu, wilayah_kode)
    with transaction.atomic():
        kunci = (KunciTahap.objects.select_for_update()
                 .filter(pemilu=pemilu, wilayah_kode=wilayah_kode, aktif=True).first())
        if kunci is None:
            raise DataTidakValid("Kunci daftar pemilih wilayah ini dahulu sebelum penetapan.",
                                 code=KodePemilih.TAHAP_TIDAK_TERKUNCI)
        aktif = Pemilih.objects.filter(pemilu=pemilu, status=StatusPemilih.AKTIF).filter(
            q_subpohon("desa_id", wilayah_kode))
        tanpa_tps = aktif.filter(tps__isnull=True).count()
        if tanpa_tps:
            raise DataTidakValid(f"{tanpa_tps} pemilih belum dipetakan ke TPS; petakan dahulu.",
                                 code=KodePemilih.BELUM_DIPETAKAN)
        versi = SalinanDaftar.objects.filter(pemilu=pemilu, wilayah_kode=wilayah_kode,
                                             tahap=kunci.tahap).count() + 1
        salinan = SalinanDaftar.objects.create(pemilu=pemilu, wilayah_kode=wilayah_kode,
                                               tahap=kunci.tahap, versi=versi, akun=akun,
                                               sha256="")
        _salin(salinan, pemilu, wilayah_kode)
        hitung = SalinanPemilih.objects.filter(salinan=salinan).aggregate(
            n=Count("id"), l=Count("id", filter=Q(jenis_kelamin="L")),
            p=Count("id", filter=Q(jenis_kelamin="P")), tps=Count("tps_id", distinct=True))
        sidik = salinan_hitung_sidik(salinan)
        SalinanDaftar.objects.filter(pk=salinan.pk).update(
            sha256=sidik, jumlah=hitung["n"], jumlah_l=hitung["l"], jumlah_p=hitung["p"],
            jumlah_tps=hitung["tps"])
        salinan.refresh_from_db()
        kunci.aktif, kunci.dibuka = False, timezone.now()
        kunci.save(update_fields=["aktif", "dibuka"])
        # Now and again after commit: a check in between may have cached the old lists.
        cache.delete(KUNCI_SALINAN)
        transaction.on_commit(lambda: cache.delete(KUNCI_SALINAN))
        audit_catat(akun=akun, aksi="pemilih.tahap_tetapkan", objek=salinan,
                    wilayah_kode=wilayah_kode,
                    sesudah={"tahap": salinan.tahap, "versi": versi, "sha256": sidik,
                             "jumlah": salinan.jumlah, "l": salinan.jumlah_l,
                             "p": salinan.jumlah_p, "tps": salinan.jumlah_tps,
                             "kunci": kunci.pk})
    for k in KoreksiTertunda.objects.filter(kunci=kunci, status=StatusKoreksi.TERTUNDA):
        _koreksi_terapkan(akun=akun, koreksi=k, salinan=salinan)
    return salinan


def _koreksi_terapkan(*, akun, koreksi: KoreksiTertunda, salinan: SalinanDaftar) -> None:
    alasan = (f"koreksi tertunda #{koreksi.pk} dari "
              f"{koreksi.akun.username if koreksi.akun else 'sistem'}, diterapkan sesudah "
              f"{salinan.label}: {koreksi.alasan}")
    try:
        with transaction.atomic():
            p = Pemilih.objects.get(pk=koreksi.pemilih_id)
            if koreksi.jenis == "ubah":
                pemilih_ubah(akun=akun, pemilih_id=p.pk, versi=p.versi,
                             perubahan=koreksi.isi.get("perubahan", {}), alasan=alasan)
            elif koreksi.jenis == "tms":
                pemilih_tandai_tms(akun=akun, pemilih_id=p.pk, versi=p.versi,
                                   kategori=koreksi.isi.get("kategori"), alasan=alasan)
            else:
                pemilih_tandai_ms(akun=akun, pemilih_id=p.pk, versi=p.versi, alasan=alasan)
            KoreksiTertunda.objects.filter(pk=koreksi.pk).update(
                status=StatusKoreksi.DITERAPKAN, diterapkan=timezone.now(), salinan=salinan,
                hasil="diterapkan")
            audit_catat(akun=akun, aksi="pemilih.koreksi_terapkan", objek=koreksi,
                        wilayah_kode=p.desa_id,
                        sesudah={"pemilih": p.pk, "jenis": koreksi.jenis, "salinan": salinan.pk})
    except SimpulError as e:
        with transaction.atomic():
            KoreksiTertunda.objects.filter(pk=koreksi.pk).update(
                status=StatusKoreksi.GAGAL, diterapkan=timezone.now(), salinan=salinan,
                hasil=f"{e.code}: {e.message}")
            audit_catat(akun=akun, aksi="pemilih.koreksi_gagal", objek=koreksi,
                        sesudah={"kode": str(e.code), "pesan": e.message})


def koreksi_ajukan(*, akun, pemilih_id: int, jenis: str, perubahan: dict | None = None,
                   kategori: str | None = None, alasan: str = "") -> KoreksiTertunda:
    """Queue a correction to a voter whose list is locked (dead, moved, wrong data). It is
    shown as pending and applied when the stage is fixed (ANCHORS.md, SIDALIH 2023)."""
    p = Pemilih.objects.filter(pk=pemilih_id).first()
    if p is None:
        raise TidakDitemukan("Pemilih tidak ditemukan di wilayah kerja Anda.")
    _wajib_boleh_ubah(akun, p)
    if jenis not in {"ubah", "tms", "ms"}:
        raise DataTidakValid("Jenis koreksi harus ubah, tms atau ms.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    if jenis == "tms":
        kategori_tms_ambil(kategori)
    if jenis == "ubah" and not perubahan:
        raise DataTidakValid("Koreksi data tanpa perubahan.", code=KodePemilih.DATA_TIDAK_VALID)
    if not alasan.strip():
        raise DataTidakValid("Alasan koreksi wajib diisi.", code=KodePemilih.DATA_TIDAK_VALID)
    with transaction.atomic():
        kunci = kunci_aktif(pemilu_id=p.pemilu_id, kode=p.desa_id)
        if kunci is None:
            raise DataTidakValid("Daftar pemilih ini tidak sedang dikunci; ubah langsung.",
                                 code=KodePemilih.TAHAP_TIDAK_TERKUNCI)
        k = KoreksiTertunda.objects.create(
            pemilu_id=p.pemilu_id, pemilih=p, kunci=kunci, jenis=jenis, akun=akun,
            isi={"perubahan": perubahan or {}, "kategori": kategori}, alasan=alasan.strip())
        audit_catat(akun=akun, aksi="pemilih.koreksi_ajukan", objek=k, wilayah_kode=p.desa_id,
                    sesudah={"pemilih": p.pk, "jenis": jenis, "kategori": kategori,
                             "kolom": sorted(perubahan or {}), "kunci": kunci.pk})
    return k


# --- public responses to an announced list --------------------------------------------------
def tanggapan_catat(*, akun, salinan_id: int, kode_desa: str, jenis: str, pelapor: str,
                    isi: str, kontak: str = "", pemilih_id: int | None = None,
                    nik: str = "") -> Tanggapan:
    """Record a response from the public to an announced DPS/DPSHP (received by PPS/KPU).
    The voter it is about is named by id, or by NIK as listed in that desa of that list."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    salinan = SalinanDaftar.objects.filter(pk=salinan_id).exclude(sha256="").first()
    if salinan is None or not cakupan.mencakup(kode_desa) or not di_bawah(
            kode_desa, salinan.wilayah_kode):
        raise TidakDitemukan("Daftar atau desa tidak ditemukan di wilayah kerja Anda.")
    if jenis not in JenisTanggapan.values:
        raise DataTidakValid(f"Jenis tanggapan '{jenis}' tidak dikenal.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    if not pelapor.strip() or not isi.strip():
        raise DataTidakValid("Nama pelapor dan isi tanggapan wajib diisi.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    nik = (nik or "").strip()
    if nik:
        baris = SalinanPemilih.objects.filter(salinan=salinan, nik=nik, desa_id=kode_desa).first()
        if baris is None or pemilih_id not in (None, baris.pemilih_id):
            raise DataTidakValid(f"NIK {nik_samarkan(nik)} tidak terdaftar di {salinan.label} "
                                 "untuk desa/kelurahan ini.",
                                 code=KodePemilih.NIK_TIDAK_DI_DAFTAR)
        pemilih_id = baris.pemilih_id
    elif pemilih_id is not None and not Pemilih.objects.filter(
            pk=pemilih_id, pemilu_id=salinan.pemilu_id, desa_id=kode_desa).exists():
        raise TidakDitemukan("Pemilih yang ditanggapi tidak ada di desa ini.")
    with transaction.atomic():
        t = Tanggapan.objects.create(pemilu_id=salinan.pemilu_id, salinan=salinan,
                                     desa_id=kode_desa, jenis=jenis, pelapor=pelapor.strip(),
                                     kontak=kontak.strip(), isi=isi.strip(),
                                     pemilih_id=pemilih_id, akun=akun)
        audit_catat(akun=akun, aksi="pemilih.tanggapan_catat", objek=t, wilayah_kode=kode_desa,
                    sesudah={"salinan": salinan.pk, "jenis": jenis, "pemilih": pemilih_id})
    return t


def tanggapan_selesaikan(*, akun, tanggapan_id: int, status: str,
                         tindak_lanjut: str) -> Tanggapan:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    if status not in (StatusTanggapan.DITINDAKLANJUTI, StatusTanggapan.DITOLAK):
        raise DataTidakValid("Status harus ditindaklanjuti atau ditolak.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    if not tindak_lanjut.strip():
        raise DataTidakValid("Tindak lanjut atau alasan penolakan wajib diisi.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    with transaction.atomic():
        t = Tanggapan.objects.select_for_update().filter(pk=tanggapan_id).first()
        if t is None or not cakupan.mencakup(t.desa_id):
            raise TidakDitemukan("Tanggapan tidak ditemukan di wilayah kerja Anda.")
        sebelum = {"status": t.status}
        t.status, t.tindak_lanjut, t.selesai = status, tindak_lanjut.strip(), timezone.now()
        t.save(update_fields=["status", "tindak_lanjut", "selesai"])
        audit_catat(akun=akun, aksi="pemilih.tanggapan_selesai", objek=t,
                    wilayah_kode=t.desa_id, sebelum=sebelum,
                    sesudah={"status": status, "tindak_lanjut": t.tindak_lanjut})
    return t


# --- DPK (DPTb is in services_dptb) ------------------------------------------------------
def dpk_catat(*, akun, tps_id: int, nik: str, nama: str, tanggal_lahir: date,
              jenis_kelamin: str, status_kawin: str = "", nkk: str = "", alamat: str = "",
              rt: str = "", rw: str = "") -> PemilihKhusus:
    """DPK: an eligible person not on the fixed DPT votes with their KTP-el at the TPS of
    their address (RULES.md §4): valid NIK, of age on polling day or married, not in the
    DPT, the TPS in their own desa."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    tps = cakupan.tps(TPS.objects.filter(pk=tps_id)).select_related("pemilu").first()
    if tps is None:
        raise TidakDitemukan("TPS tidak ditemukan di wilayah kerja Anda.")
    nik = nik.strip()
    temuan = nik_cek_periksa(nik, kecamatan_ada=_kecamatan_ada)
    if temuan:
        raise DataTidakValid(temuan[0].pesan, code=temuan[0].kode)
    if jenis_kelamin not in ("L", "P") or not nama.strip():
        raise DataTidakValid("Nama dan jenis kelamin (L/P) wajib diisi.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    if not cukup_umur(tanggal_lahir, status_kawin, tps.pemilu.tanggal_pemungutan):
        raise DataTidakValid("Belum 17 tahun pada hari pemungutan dan belum kawin.",
                             code=KodePemilih.DI_BAWAH_UMUR)
    if SalinanPemilih.objects.filter(nik=nik, salinan__pemilu_id=tps.pemilu_id,
                                     salinan__tahap=Tahap.DPT).exists():
        raise DataTidakValid("NIK ini terdaftar di DPT; gunakan TPS-nya atau DPTb.",
                             code=KodePemilih.SUDAH_DI_DPT)
    with transaction.atomic():
        if PemilihKhusus.objects.filter(pemilu_id=tps.pemilu_id, nik=nik).exists():
            raise DataTidakValid("NIK ini sudah tercatat di DPK.", code=KodePemilih.NIK_GANDA)
        d = PemilihKhusus.objects.create(
            pemilu_id=tps.pemilu_id, tps=tps, nik=nik, nkk=nkk.strip(), nama=nama.strip(),
            tanggal_lahir=tanggal_lahir, jenis_kelamin=jenis_kelamin,
            status_kawin=status_kawin, alamat=alamat.strip(), rt=rt.strip(), rw=rw.strip(),
            akun=akun)
        audit_catat(akun=akun, aksi="pemilih.dpk_catat", objek=d, wilayah_kode=tps.desa_id,
                    sesudah={"tps": tps.pk, "nik": nik_samarkan(nik)})
    return d


# --- recap and exports --------------------------------------------------------------------
TINGKAT_REKAP = {"tps": None, "desa": 13, "kecamatan": 8, "kabupaten": 5}


@dataclass(frozen=True)
class Rekap:
    salinan: SalinanDaftar
    tingkat: str
    kolom: list[str]
    baris: list[list]
    total: list


def salinan_ambil(*, akun, salinan_id: int) -> SalinanDaftar:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    s = (SalinanDaftar.objects.filter(pk=salinan_id).exclude(sha256="")
         .filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all())).select_related("pemilu")
         .first())
    if s is None or not cakupan.menyentuh(s.wilayah_kode):
        raise TidakDitemukan("Daftar tidak ditemukan di wilayah kerja Anda.")
    return s


def rekap_hitung(*, akun, salinan: SalinanDaftar, tingkat: str) -> Rekap:
    """Recap of a fixed list by sex (L/P/L+P) per TPS, desa, kecamatan or kabupaten/kota,
    laid out like KPU's published recaps: area, number of desa and TPS, L, P, total; for a
    DPT also DPTb out/in and DPK per TPS/area. Limited to the account's territory."""
    if tingkat not in TINGKAT_REKAP:
        raise DataTidakValid(f"Tingkat '{tingkat}' tidak dikenal.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    cakupan = Cakupan.dari(akun)
    qs = SalinanPemilih.objects.filter(salinan=salinan).filter(cakupan.q_kode("desa_id"))
    panjang = TINGKAT_REKAP[tingkat]
    kunci = "tps_id" if panjang is None else "kunci"
    if panjang is not None:
        qs = qs.annotate(kunci=Substr("desa_id", 1, panjang))
    data = {r[kunci]: r for r in qs.values(kunci).annotate(
        desa=Count("desa_id", distinct=True), tps=Count("tps_id", distinct=True),
        l=Count("id", filter=Q(jenis_kelamin="L")), p=Count("id", filter=Q(jenis_kelamin="P")),
        n=Count("id")).order_by(kunci)}
    dptb_keluar: dict = {}
    dptb_masuk: dict = {}
    dpk: dict = {}
    if salinan.tahap == Tahap.DPT:
        tps_kode = {}

        def _kunci_tps(tps_id, desa_id):
            return tps_id if panjang is None else desa_id[:panjang]

        for pm in PindahMemilih.objects.filter(salinan=salinan).select_related(
                "tps_asal", "tps_tujuan"):
            for tps, tujuan in ((pm.tps_asal, dptb_keluar), (pm.tps_tujuan, dptb_masuk)):
                k = _kunci_tps(tps.pk, tps.desa_id)
                tujuan[k] = tujuan.get(k, 0) + 1
                tps_kode[tps.pk] = tps
        for d in PemilihKhusus.objects.filter(pemilu=salinan.pemilu).filter(
                q_subpohon("tps__desa_id", salinan.wilayah_kode)).select_related("tps"):
            k = _kunci_tps(d.tps_id, d.tps.desa_id)
            dpk[k] = dpk.get(k, 0) + 1
    if panjang is None:
        label = {t.pk: (t.desa.nama, t.label) for t in TPS.objects.filter(
            pk__in=list(data)).select_related("desa")}
        kolom = ["No", "Desa/Kelurahan", "TPS", "L", "P", "L+P"]
    else:
        label = {w.kode: (w.kode, w.nama) for w in Wilayah.objects.filter(kode__in=list(data))}
        kolom = ["No", "Kode", "Nama", "Jumlah desa/kel", "Jumlah TPS", "L", "P", "L+P"]
    if salinan.tahap == Tahap.DPT:
        kolom += ["DPTb keluar", "DPTb masuk", "DPK"]
    baris = []
    for i, (k, r) in enumerate(data.items(), start=1):
        nama = label.get(k, ("", str(k)))
        b = [i, *nama] + ([] if panjang is None else [r["desa"], r["tps"]]) + [
            r["l"], r["p"], r["n"]]
        if salinan.tahap == Tahap.DPT:
            b += [dptb_keluar.get(k, 0), dptb_masuk.get(k, 0), dpk.get(k, 0)]
        baris.append(b)
    total = ["", "Jumlah", ""] + [sum(b[j] for b in baris) for j in range(3, len(kolom))]
    return Rekap(salinan, tingkat, kolom, baris, total)


def _tanda_air(akun, salinan: SalinanDaftar) -> str:
    """Per-recipient watermark on every export (ANCHORS.md, DPT 2023: lists offered for
    sale): who downloaded, when, from which fixed list and hash."""
    return (f"Diunduh oleh {akun.username} ({akun.get_peran_display()}) "
            f"{timezone.localtime():%d-%m-%Y %H:%M} · {salinan.label} {salinan.wilayah_kode} · "
            f"SHA-256 {salinan.sha256}")


def rekap_ekspor(*, akun, salinan_id: int, tingkat: str, format: str) -> tuple[bytes, str, str]:
    salinan = salinan_ambil(akun=akun, salinan_id=salinan_id)
    rekap = rekap_hitung(akun=akun, salinan=salinan, tingkat=tingkat)
    judul = (f"Rekapitulasi {salinan.get_tahap_display()} per {tingkat} — "
             f"{salinan.pemilu.nama} — {salinan.wilayah_kode}")
    tanda = _tanda_air(akun, salinan)
    nama = f"rekap-{salinan.tahap}-v{salinan.versi}-{tingkat}"
    if format == "xlsx":
        isi = tulis_xlsx([("Rekap", [[judul], [tanda], [], rekap.kolom, *rekap.baris,
                                     rekap.total])])
        mime, nama = XLSX, nama + ".xlsx"
    elif format == "pdf":
        isi = pdf_render("pemilih/rekap_pdf.html", {
            "judul": judul, "rekap": rekap, "tanda": tanda, "salinan": salinan,
            "tanggal": tanggal_teks(timezone.localdate())})
        mime, nama = PDF, nama + ".pdf"
    else:
        raise DataTidakValid("Format harus xlsx atau pdf.", code=KodePemilih.DATA_TIDAK_VALID)
    with transaction.atomic():
        audit_catat(akun=akun, aksi="pemilih.rekap_ekspor", objek=salinan,
                    wilayah_kode=getattr(akun, "wilayah_id", "") or salinan.wilayah_kode,
                    sesudah={"tingkat": tingkat, "format": format, "baris": len(rekap.baris)})
    return isi, nama, mime


def dps_ekspor(*, akun, salinan_id: int, tps_id: int, format: str) -> tuple[bytes, str, str]:
    """The announced list of one TPS (DPS, or any fixed stage) as XLSX or PDF, NIK and KK
    masked, watermarked for the recipient, audited."""
    salinan = salinan_ambil(akun=akun, salinan_id=salinan_id)
    cakupan = Cakupan.dari(akun)
    tps = cakupan.tps(TPS.objects.filter(pk=tps_id, pemilu_id=salinan.pemilu_id)).select_related(
        "desa__induk__induk").first()
    if tps is None or not di_bawah(tps.desa_id, salinan.wilayah_kode):
        raise TidakDitemukan("TPS tidak ditemukan di wilayah kerja Anda.")
    pada = salinan.pemilu.tanggal_pemungutan
    baris = [[i, r.nama, r.jenis_kelamin, usia_pada(r.tanggal_lahir, pada), r.alamat,
              r.rt, r.rw, nik_samarkan(r.nkk), nik_samarkan(r.nik),
              "" if not r.disabilitas else f"disabilitas {r.disabilitas}"]
             for i, r in enumerate(SalinanPemilih.objects.filter(salinan=salinan, tps_id=tps.pk)
                                   .order_by("rw", "rt", "nkk", "nama"), start=1)]
    kolom = ["No", "Nama", "L/P", "Usia", "Alamat", "RT", "RW", "No. KK", "NIK", "Ket."]
    judul = (f"{salinan.get_tahap_display()} {tps.label} {tps.desa.nama}, "
             f"{tps.desa.induk.nama if tps.desa.induk else ''} — {salinan.pemilu.nama}")
    tanda = _tanda_air(akun, salinan)
    nama = f"{salinan.tahap}-v{salinan.versi}-{tps.kode_kpu}"
    if format == "xlsx":
        l_ = sum(b[2] == "L" for b in baris)
        isi = tulis_xlsx([(salinan.get_tahap_display(), [
            [judul], [tanda], [], kolom, *baris, [],
            ["", "Jumlah", f"L {l_}", f"P {len(baris) - l_}", f"Total {len(baris)}"]])])
        mime, nama = XLSX, nama + ".xlsx"
    elif format == "pdf":
        isi = pdf_render("pemilih/dps_pdf.html", {
            "judul": judul, "kolom": kolom, "baris": baris, "tanda": tanda, "tps": tps,
            "salinan": salinan, "l": sum(b[2] == "L" for b in baris),
            "p": sum(b[2] == "P" for b in baris), "tanggal": tanggal_teks(timezone.localdate())})
        mime, nama = PDF, nama + ".pdf"
    else:
        raise DataTidakValid("Format harus xlsx atau pdf.", code=KodePemilih.DATA_TIDAK_VALID)
    with transaction.atomic():
        audit_catat(akun=akun, aksi="pemilih.dps_ekspor", objek=salinan, wilayah_kode=tps.desa_id,
                    sesudah={"tps": tps.pk, "format": format, "baris": len(baris)})
    return isi, nama, mime

