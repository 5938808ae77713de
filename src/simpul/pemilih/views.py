import functools
import hashlib
import json
import uuid
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse

from simpul.core.dokumen import CSV, berkas_respons
from simpul.core.errors import DataTidakValid, Dilarang, SimpulError, TidakDitemukan
from simpul.pemilu.selectors import pemilu_ambil, pemilu_daftar, pemilu_pilihan

from .errors import KodePemilih
from .impor import KOLOM, KOLOM_WAJIB, _tanggal, batas_byte, ukuran_periksa
from .models import Disabilitas, StatusEntri, StatusKawin, Sumber, SumberDPTb
from .selectors import (
    coklit_daftar,
    coklit_kemajuan,
    impor_ambil,
    kategori_tms_daftar,
    pemilih_ambil,
)
from .services import coklit_baru_simpan, coklit_simpan, impor_mulai, impor_temuan_ekspor


@login_required
def impor_halaman(request):
    konteks = {"daftar_pemilu": pemilu_daftar(akun=request.user), "kolom": KOLOM,
               "wajib": KOLOM_WAJIB, "sumber": Sumber.choices,
               "batas_mb": batas_byte() // 2**20}
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas CSV atau XLSX terlebih dahulu.")
        else:
            try:
                pemilu = pemilu_ambil(akun=request.user, pemilu_id=request.POST.get("pemilu"))
                ukuran_periksa(berkas.size)  # before reading a huge upload into memory
                impor = impor_mulai(akun=request.user, pemilu=pemilu, data=berkas.read(),
                                    nama_berkas=berkas.name,
                                    sumber=request.POST.get("sumber", Sumber.DP4))
            except SimpulError as e:
                messages.error(request, e.message)
            else:
                return redirect("pemilih-impor-status", impor_id=impor.pk)
    return render(request, "pemilih/impor.html", konteks)


@login_required
def impor_status(request, impor_id: int):
    impor = impor_ambil(akun=request.user, impor_id=impor_id)
    return render(request, "pemilih/impor_status.html", {
        "impor": impor, "galat": impor.temuan.filter(galat=True)[:50]})


@login_required
def impor_temuan(request, impor_id: int):
    isi = impor_temuan_ekspor(akun=request.user, impor_id=impor_id)
    return berkas_respons(isi, f"temuan-impor-{impor_id}.csv", CSV)


def cek_dpt(request):
    """Public page: no login. The NIK travels in a POST body, never in the URL."""
    import os

    from .cek import cek_dpt_aman as cari
    from .cek import klien_dari

    konteks, status = {"statis_url": os.environ.get("SIMPUL_CEK_DPT_STATIS_URL", "")}, 200
    if request.method == "POST":
        konteks["dicari"] = True
        try:
            konteks["hasil"] = cari(nik=request.POST.get("nik", ""),
                                    nama=request.POST.get("nama", "").strip(),
                                    klien=klien_dari(request),
                                    akun=request.user if request.user.is_authenticated
                                    else None)
        except SimpulError as e:
            konteks["galat"], status = e, e.status
    return render(request, "pemilih/cek_dpt.html", konteks, status=status)


# --- coklit ---------------------------------------------------------------------------------


@functools.cache
def _sw_versi() -> str:
    """A hash of what the phone keeps (page templates, script, stylesheet): a deploy that
    changes any of them changes the worker's bytes, so phones install it and drop the
    pages kept from before."""
    from django.conf import settings

    sini = Path(__file__).parent
    berkas = [settings.BASE_DIR / "templates/base.html",
              settings.BASE_DIR / "static/simpul/simpul.css", sini / "static/pemilih/coklit.js",
              *sorted((sini / "templates/pemilih").glob("coklit_*"))]
    return hashlib.sha256(b"".join(b.read_bytes() for b in berkas)).hexdigest()[:12]


KOLOM_KOREKSI = ["nama", "tempat_lahir", "alamat", "rt", "rw", "status_kawin", "disabilitas"]


@login_required
def coklit_daftar_halaman(request):
    daftar = list(coklit_daftar(akun=request.user))
    ringkas = {"jumlah": len(daftar), "ms": sum(p.coklit == "ms" for p in daftar),
               "tms": sum(p.coklit == "tms" for p in daftar)}
    ringkas["belum"] = ringkas["jumlah"] - ringkas["ms"] - ringkas["tms"]
    # The pages the phone keeps for use without a signal; a form page is fetched again when
    # its voter's version changed (see coklit_sw.js).
    luring = {"halaman": [reverse("coklit"), reverse("coklit-baru")],
              "pemilih": [{"url": reverse("coklit-form", args=[p.pk]), "versi": p.versi}
                          for p in daftar]}
    return render(request, "pemilih/coklit_daftar.html", {"daftar": daftar, "ringkas": ringkas,
                                                          "tps": request.user.tps,
                                                          "luring": luring})


@login_required
def coklit_form(request, pemilih_id: int):
    p = pemilih_ambil(akun=request.user, pemilih_id=pemilih_id)
    galat = None
    if request.method == "POST":
        d = request.POST
        # The fields as sent (not a diff against the current row), so a retried form has
        # the same fingerprint as the first send; unchanged fields leave no history.
        perubahan = {k: int(d[k] or 0) if k == "disabilitas" else d[k].strip()
                     for k in KOLOM_KOREKSI if k in d}
        try:
            hasil = coklit_simpan(akun=request.user, pemilih_id=p.pk,
                                  versi=int(d.get("versi") or 0), kunci=d.get("kunci", ""),
                                  hasil=d.get("hasil", ""), kategori=d.get("kategori") or None,
                                  perubahan=perubahan, stiker=bool(d.get("stiker")),
                                  alasan=d.get("alasan", "").strip())
        except SimpulError as e:
            galat = e
            if e.code == KodePemilih.KONFLIK_VERSI:
                p = pemilih_ambil(akun=request.user, pemilih_id=pemilih_id)
        else:
            messages.success(request, ("Sudah tersimpan sebelumnya: " if hasil.diulang
                                       else "Tersimpan: ") + hasil.pemilih.nama)
            return redirect("coklit")
    respons = render(request, "pemilih/coklit_form.html", {
        "p": p, "kategori": kategori_tms_daftar(), "galat": galat,
        "kunci": uuid.uuid4().hex, "disabilitas": Disabilitas.choices,
        "status_kawin": StatusKawin.choices}, status=galat.status if galat else 200)
    respons["X-Simpul-Versi"] = str(p.versi)  # the service worker re-fetches a stale copy
    return respons


@login_required
def coklit_baru(request):
    """A Pantarlih records an eligible person not yet listed (pemilih baru)."""
    tps = request.user.tps
    galat = None
    if request.method == "POST":
        d = request.POST
        try:
            if tps is None:
                raise Dilarang("Akun ini tidak terikat pada satu TPS.")
            hasil = coklit_baru_simpan(
                akun=request.user, tps=tps, kunci=d.get("kunci", ""), nik=d.get("nik", ""),
                nkk=d.get("nkk", ""), nama=d.get("nama", ""),
                tanggal_lahir=_tanggal(d.get("tanggal_lahir", "")),
                jenis_kelamin=d.get("jenis_kelamin", ""), tempat_lahir=d.get("tempat_lahir", ""),
                status_kawin=d.get("status_kawin", ""), alamat=d.get("alamat", ""),
                rt=d.get("rt", ""), rw=d.get("rw", ""),
                disabilitas=int(d.get("disabilitas") or 0))
        except SimpulError as e:
            galat = e
        else:
            messages.success(request, ("Sudah tersimpan sebelumnya: " if hasil.diulang
                                       else "Pemilih baru tersimpan: ") + hasil.pemilih.nama)
            return redirect("coklit")
    return render(request, "pemilih/coklit_baru.html", {
        "galat": galat, "nilai": request.POST, "disabilitas": Disabilitas.choices,
        "kunci": uuid.uuid4().hex, "status_kawin": StatusKawin.choices},
        status=galat.status if galat else 200)


@login_required
def coklit_kemajuan_halaman(request):
    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=request.GET.get("pemilu"))
    tingkat = request.GET.get("tingkat", "desa")
    baris = coklit_kemajuan(akun=request.user, pemilu=pemilu, tingkat=tingkat) if pemilu else []
    total = {k: sum(b[k] for b in baris) for k in ("jumlah", "ms", "tms", "belum", "stiker")}
    total["persen"] = round(100 * (total["ms"] + total["tms"]) / total["jumlah"], 1) if (
        total["jumlah"]) else 0
    return render(request, "pemilih/coklit_kemajuan.html", {
        "pemilu": pemilu, "tingkat": tingkat, "baris": baris, "total": total,
        "daftar_pemilu": pemilu_daftar(akun=request.user)})


@login_required
def coklit_rekonsiliasi(request):
    """Per TPS: saves each phone made against the keys the server holds, what has not
    arrived, and the voters not yet visited. A Pantarlih sees their own TPS."""
    from .rekonsiliasi import rekonsiliasi_tps

    tps_id = request.GET.get("tps") or request.user.tps_id
    if not str(tps_id or "").isdigit():
        raise TidakDitemukan("Pilih TPS dari halaman kemajuan coklit (per TPS).")
    return render(request, "pemilih/coklit_rekonsiliasi.html",
                  rekonsiliasi_tps(akun=request.user, tps_id=int(tps_id)))


def coklit_sw(request):
    """The service worker, served under /coklit/ so that its scope covers the coklit pages.
    It holds no data; the pages it keeps are fetched with the officer's session."""
    konfig = {"versi": _sw_versi(), "luring": reverse("coklit-luring"),
              "aset": [static("simpul/simpul.css"), static("pemilih/coklit.js")]}
    respons = render(request, "pemilih/coklit_sw.js", {"konfig": json.dumps(konfig)},
                     content_type="text/javascript; charset=utf-8")
    respons["Cache-Control"] = "no-cache"
    return respons


def coklit_luring(request):
    """What the phone shows for a page it does not hold while there is no signal."""
    return render(request, "pemilih/coklit_luring.html")


# --- TPS mapping ------------------------------------------------------------------------------
@login_required
def pemetaan_halaman(request):
    from .selectors import pemetaan_rincian, pemetaan_terakhir
    from .services_pemetaan import pemetaan_fase, pemetaan_mulai

    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=request.GET.get("pemilu")
                            or request.POST.get("pemilu"))
    if request.method == "POST" and pemilu:
        try:
            pemetaan_mulai(akun=request.user, pemilu=pemilu,
                           wilayah_kode=request.POST.get("wilayah") or None)
        except SimpulError as e:
            messages.error(request, f"{e.message} ({e.code})")
        else:
            return redirect(f"{request.path}?pemilu={pemilu.pk}")
    run = pemetaan_terakhir(akun=request.user, pemilu=pemilu) if pemilu else None
    tugas = pemetaan_terakhir(akun=request.user, pemilu=pemilu, selesai=False) if pemilu else None
    if tugas is not None and tugas.status == "selesai":
        tugas = None
    _, fase, persen = pemetaan_fase(tugas) if tugas else ("", "", 0)
    return render(request, "pemilih/pemetaan.html", {
        "pemilu": pemilu, "run": run, "tugas": tugas, "fase": fase, "persen": persen,
        "daftar_pemilu": pemilu_daftar(akun=request.user),
        "rincian": pemetaan_rincian(akun=request.user, pemetaan=run) if run else []})


@login_required
def pemetaan_tps(request, tps_id: int):
    """A TPS's voters by RT and family; staff move a family and see the check first."""
    from .selectors import tps_isi
    from .services_pemetaan import pemetaan_pindah

    cek = galat = None
    if request.method == "POST":
        d = request.POST
        try:
            cek = pemetaan_pindah(akun=request.user, pemilih_id=int(d.get("pemilih") or 0),
                                  tps_id=int(d.get("tujuan") or 0),
                                  anggota_ids=[int(x) for x in d.getlist("anggota")] or None,
                                  simpan=d.get("aksi") == "simpan",
                                  alasan=d.get("alasan", "").strip())
        except SimpulError as e:
            galat = e
        else:
            if cek.disimpan:
                messages.success(request, f"{len(cek.anggota)} pemilih dipindah ke "
                                          f"{cek.tps_tujuan.label}.")
                return redirect("pemilih-pemetaan-tps", tps_id=tps_id)
    isi = tps_isi(akun=request.user, tps_id=tps_id)
    return render(request, "pemilih/pemetaan_tps.html", {**isi, "cek": cek, "galat": galat},
                  status=galat.status if galat else 200)


# --- stages -----------------------------------------------------------------------------------
@login_required
def tahap_halaman(request):
    """Stages of the list: lock, fix, pending corrections, public responses, DPTb, DPK, and
    the exports of every fixed list."""
    from . import services_tahap as st
    from .models import JenisKelamin, JenisTanggapan, Tahap
    from .selectors import tahap_pilihan, tahap_ringkas

    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=request.GET.get("pemilu")
                            or request.POST.get("pemilu"))
    galat = aksi = None
    if request.method == "POST" and pemilu:
        d, aksi = request.POST, request.POST.get("aksi")
        wilayah = d.get("wilayah") or request.user.wilayah_id or pemilu.cakupan_id or ""
        try:
            if aksi == "kunci":
                st.tahap_kunci(akun=request.user, pemilu=pemilu, wilayah_kode=wilayah,
                               tahap=d.get("tahap", ""))
                messages.success(request, "Daftar dikunci untuk rapat pleno.")
            elif aksi == "tetapkan":
                s = st.tahap_tetapkan(akun=request.user, pemilu=pemilu, wilayah_kode=wilayah)
                messages.success(request, f"{s.label} ditetapkan: {s.jumlah} pemilih, "
                                          f"SHA-256 {s.sha256}.")
            elif aksi == "koreksi":
                st.koreksi_ajukan(akun=request.user, pemilih_id=int(d.get("pemilih") or 0),
                                  jenis=d.get("jenis", ""), kategori=d.get("kategori") or None,
                                  perubahan={"nama": d["nama"]} if d.get("nama") else None,
                                  alasan=d.get("alasan", ""))
                messages.success(request, "Koreksi dicatat sebagai tertunda.")
            elif aksi == "tanggapan":
                st.tanggapan_catat(akun=request.user, salinan_id=_id(d.get("salinan")),
                                   kode_desa=d.get("desa", ""), jenis=d.get("jenis", ""),
                                   pelapor=d.get("pelapor", ""), isi=d.get("isi", ""),
                                   kontak=d.get("kontak", ""), nik=d.get("nik", ""))
                messages.success(request, "Tanggapan masyarakat dicatat.")
            elif aksi == "tanggapan_selesai":
                st.tanggapan_selesaikan(akun=request.user,
                                        tanggapan_id=int(d.get("tanggapan") or 0),
                                        status=d.get("status", ""),
                                        tindak_lanjut=d.get("tindak_lanjut", ""))
                messages.success(request, "Tanggapan diselesaikan.")
            elif aksi == "dpk":
                dpk = st.dpk_catat(
                    akun=request.user, tps_id=_id(d.get("tps")), nik=d.get("nik", ""),
                    nama=d.get("nama", ""), tanggal_lahir=_tanggal_wajib(d.get("tanggal_lahir")),
                    jenis_kelamin=d.get("jenis_kelamin", ""),
                    status_kawin=d.get("status_kawin", ""), nkk=d.get("nkk", ""),
                    alamat=d.get("alamat", ""), rt=d.get("rt", ""), rw=d.get("rw", ""))
                messages.success(request, f"Pemilih khusus (DPK) dicatat: {dpk.nama}, "
                                          f"{dpk.tps.label} {dpk.tps.desa.nama}.")
        except (SimpulError, ValueError) as e:
            if aksi not in FORMULIR_DIISI_ULANG or not isinstance(e, SimpulError):
                messages.error(request, f"{getattr(e, 'message', e)} ({getattr(e, 'code', '')})")
                return redirect(f"{request.path}?pemilu={pemilu.pk}")
            # Shown again with what was typed: a refused record loses nothing valid.
            galat = e
        else:
            return redirect(f"{request.path}?pemilu={pemilu.pk}")
    konteks = {"pemilu": pemilu, "daftar_pemilu": pemilu_daftar(akun=request.user),
               "tahap_pilihan": Tahap.choices, "jenis_tanggapan": JenisTanggapan.choices,
               "kategori": kategori_tms_daftar(), "jenis_kelamin": JenisKelamin.choices,
               "status_kawin": StatusKawin.choices, "galat": galat,
               "isian": request.POST if galat else {}, "aksi_galat": aksi if galat else ""}
    if pemilu:
        konteks.update(tahap_ringkas(akun=request.user, pemilu=pemilu))
        konteks.update(tahap_pilihan(akun=request.user, pemilu=pemilu,
                                     salinan=konteks["salinan"],
                                     saring=request.GET.get("saring", "").strip()))
    return render(request, "pemilih/tahap.html", konteks, status=galat.status if galat else 200)


# Forms of the stage page that are shown again, filled in, when the service refuses them.
FORMULIR_DIISI_ULANG = {"tanggapan", "dpk"}


def _id(teks: str | None) -> int:
    teks = (teks or "").strip()
    return int(teks) if teks.isdigit() else 0


def _tanggal_wajib(teks: str | None) -> date:
    tanggal = _tanggal((teks or "").strip())
    if tanggal is None:
        raise DataTidakValid("Tanggal lahir wajib diisi dengan tanggal yang benar.",
                             code=KodePemilih.DATA_TIDAK_VALID)
    return tanggal


@login_required
def salinan_rekap(request, salinan_id: int, tingkat: str, fmt: str):
    from .services_tahap import rekap_ekspor

    isi, nama, mime = rekap_ekspor(akun=request.user, salinan_id=salinan_id, tingkat=tingkat,
                                   format=fmt)
    return berkas_respons(isi, nama, mime)


@login_required
def salinan_dps(request, salinan_id: int, tps_id: int, fmt: str):
    from .services_tahap import dps_ekspor

    isi, nama, mime = dps_ekspor(akun=request.user, salinan_id=salinan_id, tps_id=tps_id,
                                 format=fmt)
    return berkas_respons(isi, nama, mime)


# --- PDPB -------------------------------------------------------------------------------------
def _periode(request) -> tuple[date, date]:
    hari_ini = date.today()
    mulai = _tanggal(request.GET.get("mulai", "")) or hari_ini.replace(month=1, day=1)
    sampai = _tanggal(request.GET.get("sampai", "")) or hari_ini
    return mulai, sampai


@login_required
def pdpb_halaman(request):
    from .pdpb import pdpb_rekap

    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=request.GET.get("pemilu"))
    mulai, sampai = _periode(request)
    rekap = galat = None
    if pemilu:
        try:
            rekap = pdpb_rekap(akun=request.user, pemilu=pemilu, mulai=mulai, sampai=sampai)
        except SimpulError as e:
            galat = e
    return render(request, "pemilih/pdpb.html", {
        "pemilu": pemilu, "daftar_pemilu": pemilu_daftar(akun=request.user), "rekap": rekap,
        "mulai": mulai, "sampai": sampai, "galat": galat})


@login_required
def pdpb_berkas(request, fmt: str):
    from .pdpb import pdpb_ekspor

    pemilu = pemilu_ambil(akun=request.user, pemilu_id=request.GET.get("pemilu"))
    mulai, sampai = _periode(request)
    isi, nama, mime = pdpb_ekspor(akun=request.user, pemilu=pemilu, mulai=mulai, sampai=sampai,
                                  format=fmt)
    return berkas_respons(isi, nama, mime, lampiran=fmt != "png")


# --- data quality and Bawaslu suggestions ----------------------------------------------------
@login_required
def mutu_halaman(request):
    from simpul.core.scope import Cakupan

    from .models import PemeriksaanMutu, SaranBawaslu, StatusSaran
    from .services_mutu import mutu_periksa, saran_catat, saran_tindak_lanjut

    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=request.GET.get("pemilu")
                            or request.POST.get("pemilu"))
    if request.method == "POST" and pemilu:
        d, aksi = request.POST, request.POST.get("aksi")
        try:
            if aksi == "periksa":
                mutu_periksa(akun=request.user, pemilu=pemilu,
                             wilayah_kode=d.get("wilayah") or None)
                messages.success(request, "Pemeriksaan mutu data selesai.")
            elif aksi == "saran":
                saran_catat(akun=request.user, pemilu=pemilu, kode_wilayah=d.get("wilayah", ""),
                            nomor_surat=d.get("nomor_surat", ""),
                            tanggal_surat=_tanggal(d.get("tanggal_surat", "")) or date.today(),
                            jenis=d.get("jenis", ""), isi=d.get("isi", ""),
                            pemilih_id=int(d["pemilih"]) if d.get("pemilih") else None)
                messages.success(request, "Saran perbaikan Bawaslu dicatat.")
            elif aksi == "saran_status":
                saran_tindak_lanjut(akun=request.user, saran_id=int(d.get("saran") or 0),
                                    status=d.get("status", ""), alasan=d.get("alasan", ""))
                messages.success(request, "Status saran diperbarui.")
        except (SimpulError, ValueError) as e:
            messages.error(request, f"{getattr(e, 'message', e)} ({getattr(e, 'code', '')})")
        return redirect(f"{request.path}?pemilu={pemilu.pk}")
    cakupan = Cakupan.dari(request.user)
    cakupan.wajib_staf()
    mutu = (PemeriksaanMutu.objects.filter(pemilu=pemilu).filter(cakupan.q_kode("wilayah_kode"))
            .first() if pemilu else None)
    saran = list(SaranBawaslu.objects.filter(pemilu=pemilu).filter(cakupan.q_kode("wilayah_id"))
                 .select_related("wilayah", "pemilih")[:200]) if pemilu else []
    hitung = {s: sum(x.status == s for x in saran) for s in StatusSaran.values}
    return render(request, "pemilih/mutu.html", {
        "pemilu": pemilu, "daftar_pemilu": pemilu_daftar(akun=request.user), "mutu": mutu,
        "saran": saran, "hitung": hitung, "status_saran": StatusSaran.choices})


# --- DPTb -----------------------------------------------------------------------------------
@login_required
def dptb_halaman(request):
    """DPTb desk of an office: one entry at a time (queued on the device when the
    connection drops), or a spreadsheet; what was received, when, and how it ended."""
    from .services_dptb import dptb_impor, dptb_ringkas, dptb_terima

    pemilu = pemilu_pilihan(akun=request.user, pemilu_id=request.GET.get("pemilu")
                            or request.POST.get("pemilu"))
    if request.method == "POST" and pemilu:
        try:
            if request.FILES.get("berkas"):
                berkas = request.FILES["berkas"]
                k = dptb_impor(akun=request.user, pemilu_id=pemilu.pk, data=berkas.read(),
                               nama_berkas=berkas.name)
                return redirect("pemilih-dptb-kiriman", kiriman_id=k.pk)
            _, hasil = dptb_terima(akun=request.user, pemilu_id=pemilu.pk,
                                   isian=[request.POST.dict()], sumber=SumberDPTb.FORMULIR)
            h = hasil[0]
            if h["status"] == StatusEntri.DITOLAK:
                messages.error(request, f"{h['pesan']} ({h['kode']})")
            else:
                messages.success(request, f"Entri diterima {h['diterima'][:16]}: "
                                          f"{StatusEntri(h['status']).label}.")
        except SimpulError as e:
            messages.error(request, f"{e.message} ({e.code})")
        return redirect(f"{request.path}?pemilu={pemilu.pk}")
    konteks = {"pemilu": pemilu, "daftar_pemilu": pemilu_daftar(akun=request.user),
               "kunci": uuid.uuid4().hex}
    if pemilu:
        konteks.update(dptb_ringkas(akun=request.user, pemilu=pemilu))
    return render(request, "pemilih/dptb.html", konteks)


@login_required
def dptb_kiriman(request, kiriman_id: int):
    from .services_dptb import kiriman_ambil, kiriman_ringkas

    k = kiriman_ambil(akun=request.user, kiriman_id=kiriman_id)
    return render(request, "pemilih/dptb_kiriman.html", {
        "k": k, "r": kiriman_ringkas(k),
        "ditolak": k.entri.filter(status=StatusEntri.DITOLAK).order_by("baris", "pk")[:100]})


@login_required
def dptb_temuan(request, kiriman_id: int):
    from .services_dptb import kiriman_temuan_ekspor

    return berkas_respons(kiriman_temuan_ekspor(akun=request.user, kiriman_id=kiriman_id),
                          f"temuan-dptb-{kiriman_id}.csv", CSV)
